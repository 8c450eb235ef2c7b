package cn.gongkai.publish;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an earlier attempt of a FAILED item reached readers, from WeChat's own state, asked before the item goes
 * back to the queue (a requeue must never make a second copy). For each failed freepublish batch that holds the item:
 * <ul>
 *   <li>with a publish_id: {@code freepublish/get} — status 0, and 5 or 6 (published, then deleted or banned, which
 *   still counts as disclosed) mean it went out; 1 means WeChat is still at it;</li>
 *   <li>with a draft but no publish_id (a submit refused or lost): a draft still in the draft box was not published
 *   (publishing takes it out); otherwise the newest published list is searched as for a lost submit.</li>
 * </ul>
 * A mass batch ends FAILED only when WeChat answered the send with an error, so nothing went out; a repeat within 24
 * hours would be recognised by the batch's clientmsgid, and mass sends are not listed by {@code freepublish/batchget},
 * so there is nothing more to ask WeChat about them.
 *
 * <p>When a batch did go out, its items become PUBLISHED with WeChat's links (ledger and audit rows) and the batch
 * PUBLISHED. When WeChat cannot be asked, the answer is "unknown" and the requeue is refused.
 */
final class EarlierAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(EarlierAttempts.class);

    /** What WeChat says. */
    enum Verdict { NOT_PUBLISHED, PUBLISHED, UNKNOWN }

    /** The verdict and, unless NOT_PUBLISHED, the Chinese reason staff see. */
    record Finding(Verdict verdict, String reason) {
    }

    private final PublishStore store;
    private final Publications publications;
    private final WeChatGateway wechat;
    private final Clock clock;

    EarlierAttempts(PublishStore store, WeChatGateway wechat, Clock clock) {
        this.store = store;
        this.publications = new Publications(store, wechat);
        this.wechat = wechat;
        this.clock = clock;
    }

    Finding settle(DisclosureItem item) {
        List<PublishBatch> tried = store.batches().ofItem(item.id()).stream()
                .filter(b -> b.state() == BatchState.FAILED && !b.mass() && b.parentBatchId() == null)
                .filter(b -> !b.publishId().isEmpty() || !b.draftMediaId().isEmpty()).toList();
        for (PublishBatch batch : tried) {
            Finding f;
            try {
                f = settle(item, batch);
            } catch (WeChatException e) {
                LOG.warn("Requeue of item {}: WeChat could not be asked about batch {} ({} {}, {})", item.id(),
                        batch.id(), e.api(), e.code(), e.kind());
                return new Finding(Verdict.UNKNOWN, "暂时无法向微信核实，稍后再试（" + e.staffMessage() + "）");
            }
            if (f.verdict() != Verdict.NOT_PUBLISHED) {
                return f;
            }
        }
        return new Finding(Verdict.NOT_PUBLISHED, "");
    }

    private Finding settle(DisclosureItem item, PublishBatch batch) {
        Optional<PublishStatus> published;
        if (!batch.publishId().isEmpty()) {
            PublishStatus status = wechat.publishStatus(batch.account(), batch.publishId());
            if (status.state() == PublishStatus.State.PUBLISHING) {
                return new Finding(Verdict.UNKNOWN, "暂时无法向微信核实，稍后再试（微信仍在处理批次 " + batch.id()
                        + " 的发布，publish_id " + batch.publishId() + "）");
            }
            published = status.state().published() ? Optional.of(status) : Optional.empty();
        } else if (wechat.draftExists(batch.account(), batch.draftMediaId())) {
            published = Optional.empty();
        } else {
            published = publications.findOwn(batch.account(), batch);
            if (published.isEmpty()) {
                return new Finding(Verdict.UNKNOWN, "无法确认批次 " + batch.id() + " 是否已发布：它的草稿已不在草稿箱，"
                        + "最近的发表记录中也没有找到。请公众号管理员在 mp.weixin.qq.com → 内容与互动 → 发表记录 中核实；"
                        + "为免重复发布，系统不会重新排队");
            }
        }
        if (published.isEmpty()) {
            return new Finding(Verdict.NOT_PUBLISHED, "");
        }
        String url = record(batch, published.get(), item.id());
        LOG.info("Requeue of item {} refused: batch {} ({}) had reached readers, article_id {}; recorded as published",
                item.id(), batch.id(), batch.account(), published.get().articleId());
        return new Finding(Verdict.PUBLISHED, "稿件 " + item.id() + "《" + item.title() + "》不能重新排队：经向微信核实，"
                + "此前的发布已到达读者（批次 " + batch.id() + (batch.publishId().isEmpty() ? ""
                : "，publish_id " + batch.publishId()) + (url.isEmpty() ? "" : "，链接 " + url)
                + "），现已记为“已发布”，不会重复发布");
    }

    /** Writes the batch down as published with WeChat's links; returns the item's link. */
    private String record(PublishBatch batch, PublishStatus status, long itemId) {
        String note = "重新排队前向微信核实：此前的发布已到达读者（" + (status.state() == PublishStatus.State.SUCCESS
                ? "" : "publish_status " + status.rawStatus() + "，发布后已删除或被封禁，仍计为已公开；") + "批次 "
                + batch.id() + "）：";
        store.tx().run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = publications.itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                DisclosureItem item = list.get(i);
                boolean open = item.status() == ItemStatus.FAILED || item.status() == ItemStatus.APPROVED;
                if (open && store.ledger().findByItem(item.id(), PublishBatch.FREEPUBLISH).isEmpty()) {
                    publications.recordArticle(batch, item, i + 1, status, item.status(), note, now);
                }
            }
            store.batches().advance(batch.id(), BatchState.FAILED, BatchState.PUBLISHED, null, null,
                    status.articleId(), "", now);
        });
        int index = batch.itemIds().indexOf(itemId) + 1;
        return Publications.url(status, index);
    }
}
