package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    private static final AccountConfig ACCOUNT = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false);

    private static PublishBatch submittedBatch(PublishParts parts, List<DisclosureItem> items) {
        for (DisclosureItem i : items) {
            parts.db.items().transition(i.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, "", PublishParts.NOW);
        }
        PublishBatch batch = parts.db.batches().create(ACCOUNT.id(), items.stream().map(DisclosureItem::id).toList(),
                PublishParts.NOW);
        BatchTransitions t = parts.transitions;
        t.markImagesUploaded(batch);
        t.markDrafted(t.reload(batch), "draft-1");
        t.markSubmitting(t.reload(batch));
        t.markSubmitted(t.reload(batch), "publish-1");
        return t.reload(batch);
    }

    private static AuditEntry lastAudit(PublishParts parts, DisclosureItem item) {
        List<AuditEntry> history = parts.db.audit().history(item.id());
        return history.get(history.size() - 1);
    }

    @Test
    void aJobThatFailedOneArticleFailsThatOneAndRequeuesTheOthers() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            List<DisclosureItem> items = parts.approved(2);
            PublishBatch batch = submittedBatch(parts, items);
            PublishStatus failed = new PublishStatus("publish-1", PublishStatus.State.REJECTED_BY_REVIEW, 4, "",
                    List.of(), List.of(2));
            Tally tally = new Tally();

            parts.outcomes.failed(batch, failed, tally);

            assertThat(parts.db.items().find(items.get(0).id()).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);
            assertThat(parts.db.items().find(items.get(1).id()).orElseThrow().status()).isEqualTo(ItemStatus.FAILED);
            assertThat(lastAudit(parts, items.get(0)).action()).contains(AuditAction.REQUEUE);
            assertThat(lastAudit(parts, items.get(1)).comment()).contains("未通过微信平台审核", "第 2 篇，共 2 篇");
            assertThat(parts.transitions.reload(batch).state()).isEqualTo(BatchState.FAILED);
            assertThat(tally.failed).isOne();
        }
    }

    @Test
    void aPublishedJobWritesWeChatsLinksToTheLedgerAndAPublishRow() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            DisclosureItem item = parts.approved(1).get(0);
            PublishBatch batch = submittedBatch(parts, List.of(item));
            PublishStatus done = new PublishStatus("publish-1", PublishStatus.State.SUCCESS, 0, "article-1",
                    List.of(new PublishStatus.PublishedArticle(1, "https://mp.weixin.qq.com/s/abc")), List.of());
            Tally tally = new Tally();

            parts.outcomes.published(ACCOUNT, batch, done, tally);

            assertThat(parts.db.ledger().findByItem(item.id(), PublishBatch.FREEPUBLISH)).get()
                    .extracting(LedgerEntry::url).isEqualTo("https://mp.weixin.qq.com/s/abc");
            assertThat(lastAudit(parts, item).action()).contains(AuditAction.PUBLISH);
            assertThat(lastAudit(parts, item).actor()).isEqualTo(AuditEntry.PUBLISHER);
            assertThat(tally.published).isOne();
        }
    }

    @Test
    void aBatchThatCannotGoOnFailsItsItemsWithWeChatsCode() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            DisclosureItem item = parts.approved(1).get(0);
            PublishBatch batch = submittedBatch(parts, List.of(item));

            parts.outcomes.failBatch(batch, "草稿被拒绝", 45166);

            DisclosureItem failed = parts.db.items().find(item.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(ItemStatus.FAILED);
            assertThat(failed.failure()).isEqualTo("草稿被拒绝（微信错误码 45166）");
            assertThat(lastAudit(parts, item).label()).isEqualTo("发布失败");
        }
    }
}
