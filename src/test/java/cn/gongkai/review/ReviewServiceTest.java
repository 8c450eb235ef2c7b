package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review chain of design.md §4 on a real H2 store. */
class ReviewServiceTest {
    private static final List<String> CHAIN = List.of("dept-leader", "office-director", "office-leader");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-05-10T01:00:00Z"), ZoneOffset.UTC);

    private Database db;
    private ReviewService review;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:h2:mem:review-" + UUID.randomUUID(), "sa", "");
        review = service(CHAIN);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private ReviewService service(List<String> chain) {
        return new ReviewService(chain, db.items(), db.audit(), db.transactions(), CLOCK);
    }

    private DisclosureItem queue(ReviewService service, String submitter) {
        ItemContent content = new ItemContent("hongqi", "促消费", "家电以旧换新补贴活动开始报名", "红旗区商务局",
                "市场运行股", "为激发消费活力，红旗区即日起开展家电以旧换新补贴活动。", List.of(), List.of(),
                List.of(), null, "", "", null);
        DisclosureItem item = db.items().insert(content, service.initialStatus(), UUID.randomUUID().toString(),
                CLOCK.instant());
        service.recordQueued(item, submitter, "命令行");
        return item;
    }

    private DisclosureItem reload(long id) {
        return db.items().find(id).orElseThrow();
    }

    @Test
    void theChainMovesStepByStepToApproved() {
        DisclosureItem item = queue(review, "drafter");
        assertThat(item.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.currentStep(item)).isZero();

        DisclosureItem afterFirst = review.approve(item.id(), "zhang", "同意");
        assertThat(afterFirst.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.currentStep(afterFirst)).isEqualTo(1);

        DisclosureItem afterSecond = review.approve(item.id(), "li", "已校对");
        assertThat(afterSecond.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.currentStep(afterSecond)).isEqualTo(2);

        DisclosureItem afterThird = review.approve(item.id(), "wang", "同意发布");
        assertThat(afterThird.status()).isEqualTo(ItemStatus.APPROVED);

        List<AuditEntry> history = db.audit().history(item.id());
        assertThat(history).extracting(AuditEntry::decision).containsExactly("SUBMIT", "APPROVE", "APPROVE", "APPROVE");
        assertThat(history.subList(1, 4)).extracting(AuditEntry::actor, AuditEntry::role, AuditEntry::step,
                        AuditEntry::toStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("zhang", "dept-leader", 0, "IN_REVIEW"),
                        org.assertj.core.groups.Tuple.tuple("li", "office-director", 1, "IN_REVIEW"),
                        org.assertj.core.groups.Tuple.tuple("wang", "office-leader", 2, "APPROVED"));
        assertThat(history).allSatisfy(e -> assertThat(e.contentHash()).isEqualTo(item.contentHash()));
        assertThat(history.get(0).actor()).isEqualTo("drafter");
        assertThat(history.get(0).comment()).contains("命令行");
    }

    @Test
    void theSubmitterCannotApproveTheirOwnItem() {
        DisclosureItem item = queue(review, "drafter");

        assertThatThrownBy(() -> review.approve(item.id(), "drafter", "自审"))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("不能审核自己提交的稿件").hasMessageContaining("drafter")
                .hasMessageContaining(String.valueOf(item.id()));
        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(db.audit().history(item.id())).hasSize(1);
    }

    @Test
    void onePersonCannotApproveTwoSteps() {
        DisclosureItem item = queue(review, "drafter");
        review.approve(item.id(), "zhang", "同意");

        assertThatThrownBy(() -> review.approve(item.id(), "zhang", "再次同意"))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("zhang").hasMessageContaining("第 1 步").hasMessageContaining("同一人不能审核两步");
        assertThat(review.currentStep(reload(item.id()))).isEqualTo(1);
        assertThat(db.audit().history(item.id())).hasSize(2);
    }

    @Test
    void aRejectionNeedsAComment() {
        DisclosureItem item = queue(review, "drafter");

        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> review.reject(item.id(), "zhang", blank))
                    .isInstanceOf(ReviewException.class).hasMessageContaining("退回必须写明原因");
        }
        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(db.audit().history(item.id())).hasSize(1);
    }

    @Test
    void aRejectionSendsTheItemToRejectedWithAnAuditRow() {
        DisclosureItem item = queue(review, "drafter");
        review.approve(item.id(), "zhang", "同意");

        DisclosureItem rejected = review.reject(item.id(), "li", "文号写错了，应为红商〔2023〕12号");

        assertThat(rejected.status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(rejected.failure()).isEqualTo("文号写错了，应为红商〔2023〕12号");
        AuditEntry last = db.audit().history(item.id()).get(2);
        assertThat(last.decision()).isEqualTo("REJECT");
        assertThat(last.actor()).isEqualTo("li");
        assertThat(last.role()).isEqualTo("office-director");
        assertThat(last.step()).isEqualTo(1);
        assertThat(last.fromStatus()).isEqualTo("IN_REVIEW");
        assertThat(last.toStatus()).isEqualTo("REJECTED");
        assertThat(last.comment()).isEqualTo("文号写错了，应为红商〔2023〕12号");
        assertThat(last.contentHash()).isEqualTo(item.contentHash());
        assertThat(last.at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void anEmptyChainMakesQueuedItemsApprovedWithAnAuditRowNamingTheOa() {
        ReviewService oa = service(List.of());

        DisclosureItem item = queue(oa, "drafter");

        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.APPROVED);
        List<AuditEntry> history = db.audit().history(item.id());
        assertThat(history).extracting(AuditEntry::decision).containsExactly("SUBMIT", "APPROVE");
        AuditEntry approval = history.get(1);
        assertThat(approval.actor()).isEqualTo("oa");
        assertThat(approval.toStatus()).isEqualTo("APPROVED");
        assertThat(approval.comment()).contains("OA").contains("review.chain 为空");
        assertThat(approval.contentHash()).isEqualTo(item.contentHash());
    }

    @Test
    void approvingAnItemThatIsNotInReviewFailsSayingItsStatus() {
        DisclosureItem item = queue(review, "drafter");
        review.approve(item.id(), "zhang", "");
        review.approve(item.id(), "li", "");
        review.approve(item.id(), "wang", "");

        assertThatThrownBy(() -> review.approve(item.id(), "zhao", "再批一次"))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("稿件 " + item.id()).hasMessageContaining("已审定待发布")
                .hasMessageContaining("不在审核中");
        assertThat(db.audit().history(item.id())).hasSize(4);
    }

    @Test
    void approvingARejectedItemFailsSayingItsStatus() {
        DisclosureItem item = queue(review, "drafter");
        review.reject(item.id(), "zhang", "请补充图片说明");

        assertThatThrownBy(() -> review.approve(item.id(), "li", ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("已退回").hasMessageContaining("不在审核中");
    }

    @Test
    void approvingAnItemThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> review.approve(4242, "zhang", ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("4242").hasMessageContaining("稿件不存在");
    }
}
