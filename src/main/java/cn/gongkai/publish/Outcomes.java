package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down how a batch ended, in one transaction each: its items (PUBLISHED, FAILED or back to APPROVED), their
 * ledger and audit rows, a correction linked to its original, and the batch's final state; then tells the boundary
 * listener {@link Boundary#FINISHED_COMMITTED}.
 */
final class Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final PublishStore store;
    private final Publications publications;
    private final BatchTransitions transitions;
    private final PublishSettings settings;
    private final Clock clock;

    Outcomes(PublishStore store, Publications publications, BatchTransitions transitions, PublishSettings settings,
             Clock clock) {
        this.store = store;
        this.publications = publications;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    /** A freepublish job WeChat finished: ledger rows with WeChat's links, and the day's mass notice if configured. */
    void published(AccountConfig account, PublishBatch batch, PublishStatus status, Tally tally) {
        store.tx().run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = publications.itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                publications.recordArticle(batch, list.get(i), i + 1, status, ItemStatus.PUBLISHING, "", now);
            }
            transitions.markPublished(batch, status.articleId());
            queueMassNotice(account, batch, now);
        });
        settings.reached(Boundary.FINISHED_COMMITTED, batch.id());
        tally.published += batch.itemIds().size();
        LOG.info("Batch {} ({}) published: article_id {}, {} articles", batch.id(), batch.account(),
                status.articleId(), batch.itemIds().size());
    }

    private void queueMassNotice(AccountConfig account, PublishBatch batch, Instant now) {
        if (account.mode().equals(AccountConfig.FREEPUBLISH_AND_MASS)
                && store.batches().massBatchesSince(account.id(), settings.startOfDay(now)) == 0) {
            store.batches().create(account.id(), PublishBatch.MASS, batch.id(), batch.itemIds(), now);
        }
    }

    /** A job WeChat failed: the articles it names fail, the others go back to the queue. */
    void failed(PublishBatch batch, PublishStatus status, Tally tally) {
        String reason = failureReason(status);
        store.tx().run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = publications.itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                boolean named = status.failIdx().isEmpty() || status.failIdx().contains(i + 1);
                String why = reason + "（第 " + (i + 1) + " 篇，共 " + list.size() + " 篇）";
                if (named) {
                    failArticle(batch, list.get(i), why, now);
                    tally.failed++;
                } else {
                    requeueArticle(list.get(i), now);
                }
            }
            transitions.markFailed(batch, reason);
        });
        settings.reached(Boundary.FINISHED_COMMITTED, batch.id());
        tally.say("批次 " + batch.id() + " 发布失败：" + reason);
    }

    private static String failureReason(PublishStatus status) {
        return switch (status.state()) {
            case ORIGINALITY_FAILED -> "原创声明未通过（publish_status 2）：请取消原创声明或核实原创性后重新排队";
            case REJECTED_BY_REVIEW -> "未通过微信平台审核（publish_status 4）：请按平台规则修改内容后重新审核";
            default -> "微信发布失败（publish_status " + status.rawStatus() + "）：请稍后重新排队；多次失败请联系技术人员";
        };
    }

    private void failArticle(PublishBatch batch, DisclosureItem item, String why, Instant now) {
        store.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.FAILED, batch.id(), why, now);
        store.audit().append(AuditEntry.byPublisher(item, AuditAction.FAIL, ItemStatus.PUBLISHING, ItemStatus.FAILED,
                why, now));
    }

    private void requeueArticle(DisclosureItem item, Instant now) {
        store.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.APPROVED, null, "", now);
        store.audit().append(AuditEntry.byPublisher(item, AuditAction.REQUEUE, ItemStatus.PUBLISHING,
                ItemStatus.APPROVED, "同批其他文章失败，重新排队", now));
    }

    /**
     * The batch cannot go on (WeChat refused it for good, or it cannot be rendered): its items fail with the reason
     * and WeChat's error code.
     */
    void failBatch(PublishBatch batch, String reason, Integer code) {
        String why = code == null ? reason : reason + "（微信错误码 " + code + "）";
        store.tx().run(() -> {
            Instant now = clock.instant();
            if (batch.parentBatchId() == null) {
                for (DisclosureItem item : publications.itemsOf(batch)) {
                    if (store.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.FAILED, batch.id(), why,
                            now)) {
                        store.audit().append(AuditEntry.byPublisher(item, AuditAction.FAIL, ItemStatus.PUBLISHING,
                                ItemStatus.FAILED, why, now));
                    }
                }
            }
            transitions.markFailedFromCurrentState(batch, why);
        });
        settings.reached(Boundary.FINISHED_COMMITTED, batch.id());
        LOG.error("Batch {} ({}) failed: {}", batch.id(), batch.account(), why);
    }

    /** A dry run stopped after {@code draft/add}: the items go back to the queue, the draft stays in the box. */
    void rehearsed(PublishBatch batch, Tally tally) {
        store.tx().run(() -> {
            Instant now = clock.instant();
            for (DisclosureItem item : publications.itemsOf(batch)) {
                if (store.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.APPROVED, null, "", now)) {
                    store.audit().append(AuditEntry.byPublisher(item, AuditAction.REHEARSAL, ItemStatus.PUBLISHING,
                            ItemStatus.APPROVED, "演练模式：已建草稿（media_id " + batch.draftMediaId() + "），未发布", now));
                }
            }
            transitions.markRehearsed(batch);
        });
        settings.reached(Boundary.FINISHED_COMMITTED, batch.id());
        tally.say("演练：批次 " + batch.id() + " 已在草稿箱建好草稿（" + batch.itemIds().size()
                + " 篇），未发布；关闭 dry-run 后这些稿件按正常流程发布");
        LOG.info("Batch {} ({}) rehearsed: draft {} left in the draft box, nothing published", batch.id(),
                batch.account(), batch.draftMediaId());
    }

    /** A mass send WeChat accepted (or, settled by clientmsgid, had accepted before). */
    void massSent(PublishBatch batch, MassSendResult result, Tally tally) {
        store.tx().run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = publications.itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                recordMassArticle(batch, list.get(i), i + 1, result, now);
            }
            transitions.markMassSent(batch, result.msgId(), result.msgDataId());
        });
        settings.reached(Boundary.FINISHED_COMMITTED, batch.id());
        if (batch.parentBatchId() == null) {
            tally.published += batch.itemIds().size();
        }
        tally.say("批次 " + batch.id() + " 已群发给全部粉丝（msg_id " + result.msgId() + "，" + batch.itemIds().size()
                + " 篇）" + (result.alreadySent() ? "：按 clientmsgid 向微信核实，确认此前已群发成功" : ""));
        LOG.info("Batch {} ({}) mass-sent: msg_id {}{}", batch.id(), batch.account(), result.msgId(),
                result.alreadySent() ? " (settled: WeChat had it under clientmsgid " + batch.clientMsgId() + ")" : "");
    }

    private void recordMassArticle(PublishBatch batch, DisclosureItem item, int index, MassSendResult result,
                                   Instant now) {
        store.ledger().record(new LedgerEntry(item.id(), batch.account(), PublishBatch.MASS, result.msgId(),
                result.msgDataId(), index, "", item.title(), item.content().category(), item.content().department(),
                now));
        boolean notice = batch.parentBatchId() != null;
        if (!notice) {
            store.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.PUBLISHED, batch.id(), "", now);
        }
        publications.linkCorrection(item, PublishBatch.MASS, now);
        store.audit().append(AuditEntry.byPublisher(item, AuditAction.MASS_SEND,
                notice ? ItemStatus.PUBLISHED : ItemStatus.PUBLISHING, ItemStatus.PUBLISHED,
                "群发给全部粉丝，msg_id " + result.msgId(), now));
    }
}
