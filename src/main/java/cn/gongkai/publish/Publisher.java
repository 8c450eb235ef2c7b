package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderedArticle;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due, approved items through a durable batch state machine (design.md §5):
 * {@code PREPARED → IMAGES_UPLOADED → DRAFTED(media_id) → SUBMITTING → SUBMITTED(publish_id) → PUBLISHED | FAILED}.
 * Every id WeChat returns is committed before the next call. A submit whose answer was lost is settled from
 * WeChat's own state (the draft box, then the published list) and never sent blindly again.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int MAX_BATCHES_PER_RUN = 50;
    private static final int SETTLE_SCAN = 20;

    /** How a batch ended this run. */
    private enum Outcome { PUBLISHED, FAILED, PENDING, STOPPED }

    /** Another publisher claimed one of the items first; the claim is rolled back. */
    private static final class ClaimConflict extends RuntimeException {
        ClaimConflict() {
            super(null, null, false, false);
        }
    }

    /** Another publisher (a second process or thread) moved the batch on first; this run leaves it alone. */
    private static final class BatchRace extends RuntimeException {
        BatchRace(long batchId, BatchState from) {
            super("batch " + batchId + " moved on concurrently from " + from, null, false, false);
        }
    }

    private final Map<String, AccountConfig> accounts = new HashMap<>();
    private final ItemRepository items;
    private final ImageStore images;
    private final BatchRepository batches;
    private final LedgerRepository ledger;
    private final MediaCache media;
    private final AuditLog audit;
    private final Transactions tx;
    private final WeChatGateway wechat;
    private final ArticleRenderer renderer;
    private final ImagePreparer preparer;
    private final PollPolicy poll;
    private final Clock clock;

    public Publisher(List<AccountConfig> accounts, ItemRepository items, ImageStore images, BatchRepository batches,
                     LedgerRepository ledger, MediaCache media, AuditLog audit, Transactions tx,
                     WeChatGateway wechat, ArticleRenderer renderer, ImagePreparer preparer, PollPolicy poll,
                     Clock clock) {
        accounts.forEach(a -> this.accounts.put(a.id(), a));
        this.items = items;
        this.images = images;
        this.batches = batches;
        this.ledger = ledger;
        this.media = media;
        this.audit = audit;
        this.tx = tx;
        this.wechat = wechat;
        this.renderer = renderer;
        this.preparer = preparer;
        this.poll = poll;
        this.clock = clock;
    }

    /** Resumes the account's unfinished batches, then publishes whatever is due now. */
    public RunReport run(String accountId) {
        return drive(accountId, true);
    }

    /** Resumes unfinished batches only (status polling, settling), without claiming new items. */
    public RunReport resume(String accountId) {
        return drive(accountId, false);
    }

    private RunReport drive(String accountId, boolean claimNew) {
        AccountConfig account = account(accountId);
        Tally tally = new Tally();
        for (PublishBatch batch : batches.unfinished(accountId)) {
            tally.batches++;
            if (tally.add(drive(account, batch, tally)) == Outcome.STOPPED) {
                return tally.report(accountId);
            }
        }
        for (int i = 0; claimNew && i < MAX_BATCHES_PER_RUN; i++) {
            Optional<PublishBatch> claimed = claim(account);
            if (claimed.isEmpty()) {
                break;
            }
            tally.batches++;
            if (tally.add(drive(account, claimed.get(), tally)) == Outcome.STOPPED) {
                break;
            }
        }
        return tally.report(accountId);
    }

    private AccountConfig account(String id) {
        AccountConfig account = accounts.get(id);
        if (account == null) {
            throw new IllegalArgumentException("未配置的公众号：" + id + "（已配置：" + accounts.keySet() + "）");
        }
        return account;
    }

    private static final class Tally {
        int batches;
        int published;
        int failed;
        int pending;
        final List<String> messages = new ArrayList<>();
        Outcome add(Outcome o) {
            if (o == Outcome.PENDING || o == Outcome.STOPPED) {
                pending++;
            }
            return o;
        }

        RunReport report(String account) {
            return new RunReport(account, batches, published, failed, pending, messages);
        }
    }

    private Optional<PublishBatch> claim(AccountConfig account) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                PublishBatch batch = tx.inTransaction(() -> {
                    Instant now = clock.instant();
                    List<DisclosureItem> due = items.dueForPublishing(account.id(), now,
                            account.maxArticlesPerDraft());
                    if (due.isEmpty()) {
                        return null;
                    }
                    PublishBatch b = batches.create(account.id(), due.stream().map(DisclosureItem::id).toList(), now);
                    for (DisclosureItem item : due) {
                        if (!items.transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, b.id(), "",
                                now)) {
                            throw new ClaimConflict();
                        }
                    }
                    return b;
                });
                return Optional.ofNullable(batch);
            } catch (ClaimConflict e) {
                LOG.info("Items of account {} were claimed by another publisher; trying again", account.id());
            }
        }
        return Optional.empty();
    }

    private Outcome drive(AccountConfig account, PublishBatch start, Tally tally) {
        long id = start.id();
        while (true) {
            PublishBatch batch = batches.find(id).orElseThrow();
            try {
                switch (batch.state()) {
                    case PREPARED -> {
                        uploadImages(account, batch);
                        advance(batch, BatchState.IMAGES_UPLOADED, null, null, null, null);
                    }
                    case IMAGES_UPLOADED -> {
                        String draft = wechat.addDraft(account.id(), draftArticles(account, batch));
                        advance(batch, BatchState.DRAFTED, draft, null, null, null);
                    }
                    case DRAFTED -> {
                        advance(batch, BatchState.SUBMITTING, null, null, null, null);
                        submit(account, batches.find(id).orElseThrow());
                    }
                    case SUBMITTING -> {
                        Outcome settled = settle(account, batch, tally);
                        if (settled != null) {
                            return settled;
                        }
                    }
                    case SUBMITTED -> {
                        return awaitStatus(account, batch, tally);
                    }
                    case PUBLISHED -> {
                        return Outcome.PUBLISHED;
                    }
                    case FAILED -> {
                        return Outcome.FAILED;
                    }
                    default -> throw new IllegalStateException("unknown batch state " + batch.state());
                }
            } catch (WeChatException e) {
                return onWeChatError(batch, e, tally);
            } catch (BatchRace e) {
                LOG.info("{}; left to the other publisher", e.getMessage());
                tally.messages.add("批次 " + batch.id() + " 正由另一个发布进程处理");
                return Outcome.STOPPED;
            } catch (RenderException e) {
                failBatch(batch, e.getMessage(), null);
                tally.failed += batch.itemIds().size();
                tally.messages.add("批次 " + batch.id() + " 失败：" + e.getMessage());
                return Outcome.FAILED;
            }
        }
    }

    private Outcome onWeChatError(PublishBatch batch, WeChatException e, Tally tally) {
        boolean submitted = batch.state() == BatchState.SUBMITTING || batch.state() == BatchState.SUBMITTED;
        switch (e.kind()) {
            case PERMANENT -> {
                if (submitted) {
                    LOG.error("Batch {} ({}): WeChat {} refused a status call with {}; left for a later run",
                            batch.id(), batch.account(), e.api(), e.code());
                    tally.messages.add("批次 " + batch.id() + " 已提交，查询状态失败：" + e.staffMessage());
                    return Outcome.STOPPED;
                }
                failBatch(batch, e.staffMessage(), e.code());
                tally.failed += batch.itemIds().size();
                tally.messages.add("批次 " + batch.id() + " 失败（微信错误码 " + e.code() + "）：" + e.staffMessage());
                return Outcome.FAILED;
            }
            case QUOTA -> {
                LOG.warn("Batch {} ({}) parked: quota of {} spent until {}", batch.id(), batch.account(), e.api(),
                        e.retryAfter());
                tally.messages.add("批次 " + batch.id() + " 暂停：" + e.staffMessage());
                return Outcome.STOPPED;
            }
            default -> {
                LOG.warn("Batch {} ({}) stopped in {}: WeChat {} {} ({}); resumes on the next run", batch.id(),
                        batch.account(), batch.state(), e.api(), e.code(), e.kind());
                tally.messages.add("批次 " + batch.id() + " 暂停于 " + batch.state() + "：" + e.staffMessage()
                        + "（下次运行时继续，不会重复发布）");
                return Outcome.STOPPED;
            }
        }
    }

    private void advance(PublishBatch batch, BatchState to, String draft, String publishId, String articleId,
                         String error) {
        if (!batches.advance(batch.id(), batch.state(), to, draft, publishId, articleId, error, clock.instant())) {
            throw new BatchRace(batch.id(), batch.state());
        }
    }

    private List<DisclosureItem> itemsOf(PublishBatch batch) {
        List<DisclosureItem> out = new ArrayList<>();
        for (long itemId : batch.itemIds()) {
            out.add(items.find(itemId).orElseThrow(() ->
                    new IllegalStateException("batch " + batch.id() + " names missing item " + itemId)));
        }
        return out;
    }

    private void uploadImages(AccountConfig account, PublishBatch batch) {
        for (DisclosureItem item : itemsOf(batch)) {
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new RenderException("稿件 " + item.id() + "《" + item.title() + "》在审定后内容被改动，须重新审核");
            }
            for (ItemImage image : item.content().images()) {
                bodyImageUrl(account, image);
            }
            coverMediaId(account, item);
        }
    }

    private String bodyImageUrl(AccountConfig account, ItemImage image) {
        return media.find(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256()).orElseGet(() -> {
            ImagePreparer.Prepared p = preparer.prepare(image, bytesOf(image));
            String url = wechat.uploadBodyImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
            media.remember(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256(), url);
            return url;
        });
    }

    private String coverMediaId(AccountConfig account, DisclosureItem item) {
        ItemImage cover = item.content().effectiveCover();
        if (cover == null) {
            ImagePreparer.Prepared p = preparer.defaultCover();
            String sha = ContentHash.sha256(p.bytes());
            return media.find(account.id(), MediaCache.Kind.COVER, sha).orElseGet(() -> {
                String id = wechat.addCoverImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
                media.remember(account.id(), MediaCache.Kind.COVER, sha, id);
                return id;
            });
        }
        return media.find(account.id(), MediaCache.Kind.COVER, cover.sha256()).orElseGet(() -> {
            ImagePreparer.Prepared p = preparer.prepare(cover, bytesOf(cover));
            String id = wechat.addCoverImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
            media.remember(account.id(), MediaCache.Kind.COVER, cover.sha256(), id);
            return id;
        });
    }

    private byte[] bytesOf(ItemImage image) {
        return images.get(image.sha256()).orElseThrow(() ->
                new RenderException("图片“" + image.fileName() + "”的文件在库中缺失（" + image.sha256() + "）"));
    }

    private List<DraftArticle> draftArticles(AccountConfig account, PublishBatch batch) {
        List<DraftArticle> articles = new ArrayList<>();
        for (DisclosureItem item : itemsOf(batch)) {
            RenderedArticle a = renderer.render(item.content(), account.name(), img -> bodyImageUrl(account, img));
            ItemImage cover = item.content().effectiveCover();
            ImagePreparer.CoverCrops crops = cover == null ? preparer.defaultCoverCrops()
                    : preparer.coverCrops(cover, bytesOf(cover));
            articles.add(new DraftArticle(a.title(), a.author(), a.digest(), a.html(), a.contentSourceUrl(),
                    coverMediaId(account, item), crops.picCrop2351(), crops.picCrop11()));
        }
        return articles;
    }

    private void submit(AccountConfig account, PublishBatch batch) {
        String publishId = wechat.submitPublish(account.id(), batch.draftMediaId());
        advance(batch, BatchState.SUBMITTED, null, publishId, null, null);
        LOG.info("Batch {} ({}) submitted: publish_id {}", batch.id(), account.id(), publishId);
    }

    /**
     * A submit whose answer never came: if the draft is still in the draft box, WeChat did not take it and it is
     * submitted again; if the draft is gone, the published list is searched for it.
     *
     * @return null when the batch moved on and driving continues
     */
    private Outcome settle(AccountConfig account, PublishBatch batch, Tally tally) {
        if (wechat.draftExists(account.id(), batch.draftMediaId())) {
            LOG.info("Batch {} ({}): draft {} still in the draft box, so the lost submit did not happen; submitting",
                    batch.id(), account.id(), batch.draftMediaId());
            submit(account, batch);
            return null;
        }
        String firstTitle = items.find(batch.itemIds().get(0)).map(DisclosureItem::title).orElse("");
        Optional<PublishStatus> found = wechat.findPublished(account.id(), firstTitle, SETTLE_SCAN);
        if (found.isPresent()) {
            LOG.info("Batch {} ({}): lost submit settled, article {} found among published articles", batch.id(),
                    account.id(), found.get().articleId());
            finishPublished(batch, found.get());
            tally.published += batch.itemIds().size();
            return Outcome.PUBLISHED;
        }
        tally.messages.add("批次 " + batch.id() + " 的草稿已被使用，但在已发布列表中暂未找到，稍后再核实（不会重复发布）");
        return Outcome.PENDING;
    }

    private Outcome awaitStatus(AccountConfig account, PublishBatch batch, Tally tally) {
        for (int i = 0; i < Math.max(1, poll.polls()); i++) {
            if (i > 0) {
                sleep();
            }
            PublishStatus status = wechat.publishStatus(account.id(), batch.publishId());
            if (status.state().published()) {
                finishPublished(batch, status);
                tally.published += batch.itemIds().size();
                return Outcome.PUBLISHED;
            }
            if (status.state() != PublishStatus.State.PUBLISHING) {
                failPublished(batch, status, tally);
                return Outcome.FAILED;
            }
        }
        tally.messages.add("批次 " + batch.id() + " 正在发布中（publish_id " + batch.publishId() + "），稍后查询结果");
        return Outcome.PENDING;
    }

    private void sleep() {
        try {
            Thread.sleep(poll.interval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for WeChat", e);
        }
    }

    private void finishPublished(PublishBatch batch, PublishStatus status) {
        tx.run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                DisclosureItem item = list.get(i);
                int index = i + 1;
                String url = status.articles().stream().filter(a -> a.index() == index)
                        .map(PublishStatus.PublishedArticle::url).findFirst().orElse("");
                ledger.record(new LedgerEntry(item.id(), batch.account(), "freepublish", batch.publishId(),
                        status.articleId(), index, url, item.title(), item.content().category(),
                        item.content().department(), now));
                items.transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.PUBLISHED, batch.id(), "", now);
                audit.append(new AuditEntry(0, item.id(), "publisher", "", "PUBLISH", ItemStatus.PUBLISHING.name(),
                        ItemStatus.PUBLISHED.name(), -1, url, item.contentHash(), "", now));
            }
            advance(batch, BatchState.PUBLISHED, null, null, status.articleId(), null);
        });
        LOG.info("Batch {} ({}) published: article_id {}, {} articles", batch.id(), batch.account(),
                status.articleId(), batch.itemIds().size());
    }

    private void failPublished(PublishBatch batch, PublishStatus status, Tally tally) {
        String reason = switch (status.state()) {
            case ORIGINALITY_FAILED -> "原创声明未通过";
            case REJECTED_BY_REVIEW -> "未通过微信平台审核";
            default -> "微信发布失败（publish_status " + status.rawStatus() + "）";
        };
        tx.run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                DisclosureItem item = list.get(i);
                boolean named = status.failIdx().isEmpty() || status.failIdx().contains(i + 1);
                ItemStatus to = named ? ItemStatus.FAILED : ItemStatus.APPROVED;
                String why = named ? reason : "";
                items.transition(item.id(), ItemStatus.PUBLISHING, to, named ? batch.id() : null, why, now);
                audit.append(new AuditEntry(0, item.id(), "publisher", "", named ? "FAIL" : "REQUEUE",
                        ItemStatus.PUBLISHING.name(), to.name(), -1, named ? reason : "同批其他文章失败，重新排队",
                        item.contentHash(), "", now));
                if (named) {
                    tally.failed++;
                }
            }
            advance(batch, BatchState.FAILED, null, null, null, reason);
        });
        tally.messages.add("批次 " + batch.id() + " 发布失败：" + reason);
    }

    private void failBatch(PublishBatch batch, String reason, Integer code) {
        String why = code == null ? reason : reason + "（微信错误码 " + code + "）";
        tx.run(() -> {
            Instant now = clock.instant();
            for (DisclosureItem item : itemsOf(batch)) {
                if (items.transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.FAILED, batch.id(), why, now)) {
                    audit.append(new AuditEntry(0, item.id(), "publisher", "", "FAIL", ItemStatus.PUBLISHING.name(),
                            ItemStatus.FAILED.name(), -1, why, item.contentHash(), "", now));
                }
            }
            PublishBatch current = batches.find(batch.id()).orElseThrow();
            batches.advance(batch.id(), current.state(), BatchState.FAILED, null, null, null, why, now);
        });
        LOG.error("Batch {} ({}) failed: {}", batch.id(), batch.account(), why);
    }
}
