package cn.gongkai.publish;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What WeChat's own state says about a batch, and how an article it published is written down: shared by the
 * publisher (a lost submit, a finished job) and by a requeue, which must never make a second copy.
 */
final class Publications {
    private static final int SETTLE_SCAN = 20;

    private final ItemRepository items;
    private final BatchRepository batches;
    private final LedgerRepository ledger;
    private final AuditLog audit;
    private final WeChatGateway wechat;

    Publications(PublishStore store, WeChatGateway wechat) {
        this.items = store.items();
        this.batches = store.batches();
        this.ledger = store.ledger();
        this.audit = store.audit();
        this.wechat = wechat;
    }

    /** The items of the batch in article order. */
    List<DisclosureItem> itemsOf(PublishBatch batch) {
        List<DisclosureItem> out = new ArrayList<>();
        for (long itemId : batch.itemIds()) {
            out.add(items.find(itemId).orElseThrow(() ->
                    new IllegalStateException("batch " + batch.id() + " names missing item " + itemId)));
        }
        return out;
    }

    /**
     * Looks for the batch among the newest published items ({@code freepublish/batchget}): every title in order, and
     * an article_id no other batch of ours holds (two batches may share a first title, e.g. a weekly bulletin).
     */
    Optional<PublishStatus> findOwn(String account, PublishBatch batch) {
        List<String> titles = itemsOf(batch).stream().map(i -> comparable(i.title())).toList();
        for (PublishedArticleInfo info : wechat.listPublished(account, 0, SETTLE_SCAN)) {
            List<String> theirs = info.items().stream().map(i -> comparable(i.title())).toList();
            if (theirs.equals(titles) && !batches.articleKnown(account, info.articleId())) {
                List<PublishStatus.PublishedArticle> links = info.items().stream()
                        .map(i -> new PublishStatus.PublishedArticle(i.index(), i.url())).toList();
                return Optional.of(new PublishStatus(batch.publishId(), PublishStatus.State.SUCCESS, 0,
                        info.articleId(), links, List.of()));
            }
        }
        return Optional.empty();
    }

    private static String comparable(String title) {
        return title == null ? "" : title.replaceAll("[\\u2028\\u2029\\p{Cntrl}]", "").strip();
    }

    /** WeChat's link for the 1-based article index of the job, or empty. */
    static String url(PublishStatus status, int index) {
        return status.articles().stream().filter(a -> a.index() == index)
                .map(PublishStatus.PublishedArticle::url).findFirst().orElse("");
    }

    /**
     * Writes one freepublish article WeChat published: its ledger row with WeChat's link, the item PUBLISHED (from
     * {@code from}) and an audit row. Runs inside the caller's transaction.
     */
    void recordArticle(PublishBatch batch, DisclosureItem item, int index, PublishStatus status, ItemStatus from,
                       String note, Instant now) {
        String url = url(status, index);
        ledger.record(new LedgerEntry(item.id(), batch.account(), PublishBatch.FREEPUBLISH, batch.publishId(),
                status.articleId(), index, url, item.title(), item.content().category(),
                item.content().department(), now));
        items.transition(item.id(), from, ItemStatus.PUBLISHED, batch.id(), "", now);
        audit.append(AuditEntry.byPublisher(item, AuditAction.PUBLISH, from, ItemStatus.PUBLISHED,
                note.isEmpty() ? url : note + url, now));
        linkCorrection(item, PublishBatch.FREEPUBLISH, now);
    }

    /**
     * When the item just recorded is a 更正说明, its ledger row becomes the correction of the original's row (so the
     * year counts one article) and the original item is marked CORRECTED. Runs inside the finishing transaction.
     */
    void linkCorrection(DisclosureItem item, String mode, Instant now) {
        Optional<Long> original = items.correctionOf(item.id());
        if (original.isEmpty()) {
            return;
        }
        Optional<LedgerEntry> ours = ledger.findByItem(item.id(), mode);
        Optional<LedgerEntry> theirs = ledger.findByItem(original.get(), mode)
                .or(() -> ledger.findByItem(original.get(), PublishBatch.FREEPUBLISH))
                .or(() -> ledger.findByItem(original.get(), PublishBatch.MASS));
        if (ours.isPresent() && theirs.isPresent()) {
            ledger.markCorrection(ours.get().id(), theirs.get().id());
        }
        for (ItemStatus from : List.of(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)) {
            if (items.transition(original.get(), from, ItemStatus.CORRECTED, null, null, now)) {
                audit.append(AuditEntry.byPublisher(original.get(), AuditAction.CORRECTED, from, ItemStatus.CORRECTED,
                        "更正说明（稿件 " + item.id() + "）已发布", now));
            }
        }
    }
}
