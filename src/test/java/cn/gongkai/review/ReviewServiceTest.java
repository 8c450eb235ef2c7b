package cn.gongkai.review;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review chain of design.md §4 and issue 4 on a real H2 store: roles, own items, edits, 重要, checks. */
class ReviewServiceTest {
    private static final List<String> CHAIN = List.of("dept-leader", "office-director", "office-leader");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MutableClock clock = new MutableClock(Instant.parse("2023-05-10T01:00:00Z"));
    private Database db;
    private Users users;
    private ReviewService review;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:h2:mem:review-" + UUID.randomUUID(), "sa", "");
        users = new Users(db.users(), clock, 4);
        review = service(CHAIN);
        user("刘科员", Role.DRAFTER);
        user("张科长", Role.DEPT_LEADER);
        user("李主任", Role.OFFICE_DIRECTOR);
        user("王副局长", Role.OFFICE_LEADER);
        user("赵局长", Role.PRINCIPAL_LEADER);
        user("管理员", Role.ADMIN);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private void user(String name, Role role) {
        users.add(name, role, "correct-horse-1".toCharArray());
    }

    private ReviewService service(List<String> chain) {
        return new ReviewService(new ReviewPolicy(chain, List.of("principal-leader"), 20, SHANGHAI),
                PrePublishChecks.defaults(), db.items(), db.audit(), db.users(), db.transactions(), clock);
    }

    private static ItemContent content(String body, boolean important) {
        return anItem().title("家电以旧换新补贴活动开始报名").author("红旗区商务局").department("市场运行股").body(body)
                .important(important).build();
    }

    private DisclosureItem queue(ReviewService service, String submitter) {
        return queue(service, submitter, content("为激发消费活力，红旗区即日起开展家电以旧换新补贴活动。", false));
    }

    private DisclosureItem queue(ReviewService service, String submitter, ItemContent content) {
        DisclosureItem item = db.items().insert(content, service.initialStatus(), UUID.randomUUID().toString(),
                clock.instant());
        service.recordQueued(item, submitter, "命令行");
        return item;
    }

    private DisclosureItem reload(long id) {
        return db.items().find(id).orElseThrow();
    }

    /** The content hash a reviewer sees when they open the item now. */
    private String seen(long id) {
        return reload(id).contentHash();
    }

    private void approveAll(long id) {
        review.approve(id, "张科长", seen(id), "同意");
        review.approve(id, "李主任", seen(id), "已校对");
        review.approve(id, "王副局长", seen(id), "同意发布");
    }

    @Test
    void theChainMovesStepByStepToApproved() {
        DisclosureItem item = queue(review, "刘科员");
        assertThat(item.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.currentStep(item)).isZero();
        assertThat(review.waitingFor(item)).contains("dept-leader");

        DisclosureItem afterFirst = review.approve(item.id(), "张科长", seen(item.id()), "同意");
        assertThat(afterFirst.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.waitingFor(afterFirst)).contains("office-director");

        DisclosureItem afterSecond = review.approve(item.id(), "李主任", seen(item.id()), "已校对");
        assertThat(review.currentStep(afterSecond)).isEqualTo(2);

        DisclosureItem afterThird = review.approve(item.id(), "王副局长", seen(item.id()), "同意发布");
        assertThat(afterThird.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(review.waitingFor(afterThird)).isEmpty();

        List<AuditEntry> history = db.audit().history(item.id());
        assertThat(history).extracting(AuditEntry::decision).containsExactly("SUBMIT", "APPROVE", "APPROVE", "APPROVE");
        assertThat(history.subList(1, 4)).extracting(AuditEntry::actor, AuditEntry::role, AuditEntry::step,
                        AuditEntry::toStatus)
                .containsExactly(tuple("张科长", "dept-leader", 0, "IN_REVIEW"),
                        tuple("李主任", "office-director", 1, "IN_REVIEW"),
                        tuple("王副局长", "office-leader", 2, "APPROVED"));
        assertThat(history).allSatisfy(e -> assertThat(e.contentHash()).isEqualTo(item.contentHash()));
        assertThat(history.get(0).actor()).isEqualTo("刘科员");
        assertThat(history.get(0).comment()).contains("命令行");
        assertThat(history.get(0).checks()).startsWith("提醒 [cover]").doesNotContain("错误");
    }

    @Test
    void theSubmitterCannotApproveTheirOwnItemEvenWhenTheyHoldTheRole() {
        DisclosureItem item = queue(review, "张科长");

        assertThatThrownBy(() -> review.approve(item.id(), "张科长", seen(item.id()), "自审"))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("不能审核自己提交或修改的稿件").hasMessageContaining("张科长")
                .hasMessageContaining(String.valueOf(item.id()));
        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(db.audit().history(item.id())).hasSize(1);
    }

    @Test
    void aUserWithoutTheRoleOfTheCurrentStepIsRefused() {
        DisclosureItem item = queue(review, "刘科员");

        assertThatThrownBy(() -> review.approve(item.id(), "李主任", seen(item.id()), "越级"))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("当前步骤需要业务部门分管领导审核")
                .hasMessageContaining("李主任 的角色是办公室主任");
        assertThatThrownBy(() -> review.approve(item.id(), "管理员", seen(item.id()), "管理员也不行"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("管理员 的角色是管理员");
        assertThatThrownBy(() -> review.reject(item.id(), "王副局长", "越级退回"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("当前步骤需要业务部门分管领导");
        assertThat(db.audit().history(item.id())).hasSize(1);
    }

    @Test
    void anUnknownUserIsRefused() {
        DisclosureItem item = queue(review, "刘科员");

        assertThatThrownBy(() -> review.approve(item.id(), "路人甲", seen(item.id()), ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("用户“路人甲”不存在")
                .hasMessageContaining("gongkai user add");
        assertThat(db.audit().history(item.id())).hasSize(1);
    }

    @Test
    void onePersonCannotApproveTwoStepsOfAChainThatRepeatsARole() {
        ReviewService twice = service(List.of("dept-leader", "dept-leader"));
        user("孙科长", Role.DEPT_LEADER);
        DisclosureItem item = queue(twice, "刘科员");
        twice.approve(item.id(), "张科长", seen(item.id()), "同意");

        assertThat(twice.eligibility(db.users().find("张科长").orElseThrow(), reload(item.id())).reason())
                .contains("张科长").contains("第 1 步").contains("同一人不能审核两步");
        ReviewService.Decision again = twice.approval(item.id(), "张科长", seen(item.id()), "再次同意");
        assertThat(again.repeated()).isTrue();
        assertThat(again.message()).isEqualTo("已同意，无需重复操作");
        assertThat(twice.currentStep(reload(item.id()))).isEqualTo(1);
        assertThat(twice.approve(item.id(), "孙科长", seen(item.id()), "同意").status()).isEqualTo(ItemStatus.APPROVED);
    }

    @Test
    void eligibilityGivesTheSameAnswerAsTheDecisionItself() {
        ReviewService twice = service(List.of("dept-leader", "dept-leader"));
        user("孙科长", Role.DEPT_LEADER);
        DisclosureItem own = queue(twice, "孙科长");
        DisclosureItem item = queue(twice, "刘科员");
        twice.approve(item.id(), "张科长", seen(item.id()), "同意");
        DisclosureItem afterFirst = reload(item.id());
        User zhang = db.users().find("张科长").orElseThrow();
        User sun = db.users().find("孙科长").orElseThrow();
        User li = db.users().find("李主任").orElseThrow();

        assertThat(twice.eligibility(sun, afterFirst)).isEqualTo(new ReviewService.Eligibility(true, ""));
        for (User refused : List.of(li)) {
            ReviewService.Eligibility answer = twice.eligibility(refused, afterFirst);
            assertThat(answer.allowed()).isFalse();
            assertThatThrownBy(() -> twice.approve(item.id(), refused.name(), seen(item.id()), ""))
                    .isInstanceOf(ReviewException.class).hasMessageContaining(answer.reason());
        }
        assertThat(twice.eligibility(zhang, afterFirst).reason()).contains("同一人不能审核两步");
        assertThat(twice.approval(item.id(), "张科长", seen(item.id()), "").repeated()).isTrue();
        assertThat(twice.eligibility(li, afterFirst).reason()).contains("当前步骤需要业务部门分管领导审核");
        assertThat(twice.eligibility(sun, own).reason()).contains("不能审核自己提交或修改的稿件");
    }

    @Test
    void nobodyIsEligibleForAnItemOutOfReviewAndADisabledUserNeverIs() {
        DisclosureItem item = queue(review, "刘科员");
        approveAll(item.id());
        DisclosureItem waiting = queue(review, "刘科员");
        User zhang = db.users().find("张科长").orElseThrow();
        User disabledZhang = new User(zhang.name(), zhang.role(), zhang.createdAt(), true);

        assertThat(review.eligibility(zhang, reload(item.id())).reason()).contains("不在审核中");
        assertThat(review.eligibility(disabledZhang, waiting).allowed()).isFalse();
        assertThat(review.eligibility(disabledZhang, waiting).reason()).contains("已停用", "gongkai user enable");
    }

    @Test
    void aRejectionNeedsAComment() {
        DisclosureItem item = queue(review, "刘科员");

        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> review.reject(item.id(), "张科长", blank))
                    .isInstanceOf(ReviewException.class).hasMessageContaining("退回必须写明原因");
        }
        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(db.audit().history(item.id())).hasSize(1);
    }

    @Test
    void aRejectionReturnsTheItemToTheDrafterWithTheReason() {
        DisclosureItem item = queue(review, "刘科员");
        review.approve(item.id(), "张科长", seen(item.id()), "同意");

        DisclosureItem rejected = review.reject(item.id(), "李主任", "文号写错了，应为红商〔2023〕12号");

        assertThat(rejected.status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(rejected.failure()).isEqualTo("文号写错了，应为红商〔2023〕12号");
        AuditEntry last = db.audit().history(item.id()).get(2);
        assertThat(last.decision()).isEqualTo("REJECT");
        assertThat(last.actor()).isEqualTo("李主任");
        assertThat(last.role()).isEqualTo("office-director");
        assertThat(last.step()).isEqualTo(1);
        assertThat(last.toStatus()).isEqualTo("REJECTED");
        assertThat(last.comment()).isEqualTo("文号写错了，应为红商〔2023〕12号");
        assertThat(last.contentHash()).isEqualTo(item.contentHash());
        assertThat(last.at()).isEqualTo(clock.instant());
    }

    @Test
    void aRejectedItemResubmittedStartsAgainAtTheFirstStep() {
        DisclosureItem item = queue(review, "刘科员");
        review.approve(item.id(), "张科长", seen(item.id()), "同意");
        review.reject(item.id(), "李主任", "请补充图片说明");

        DisclosureItem again = review.submit(item.id(), "刘科员");

        assertThat(again.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(again.failure()).isEmpty();
        assertThat(review.waitingFor(again)).contains("dept-leader");
        assertThatThrownBy(() -> review.approve(item.id(), "李主任", seen(item.id()), ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("需要业务部门分管领导");
    }

    @Test
    void anEditAfterAnApprovalSendsTheItemBackToTheFirstStep() {
        DisclosureItem item = queue(review, "刘科员");
        review.approve(item.id(), "张科长", seen(item.id()), "同意");
        review.approve(item.id(), "李主任", seen(item.id()), "已校对");

        DisclosureItem edited = review.update(item.id(), content("改过的正文：活动延长至六月底。", false), "刘科员", "命令行");

        assertThat(edited.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(edited.contentHash()).isNotEqualTo(item.contentHash());
        assertThat(review.currentStep(edited)).isZero();
        AuditEntry edit = db.audit().history(item.id()).get(3);
        assertThat(edit.decision()).isEqualTo("EDIT");
        assertThat(edit.contentHash()).isEqualTo(edited.contentHash());
        assertThat(edit.comment()).contains("重新进入审核");
        assertThatThrownBy(() -> review.approve(item.id(), "李主任", seen(item.id()), ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("需要业务部门分管领导");
    }

    @Test
    void anEditOfAnApprovedItemSendsItBackToReview() {
        DisclosureItem item = queue(review, "刘科员");
        approveAll(item.id());

        DisclosureItem edited = review.update(item.id(), content("发布前又改了一个字。", false), "刘科员", "命令行");

        assertThat(edited.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.waitingFor(edited)).contains("dept-leader");
    }

    @Test
    void anEditBackToTheApprovedTextStillNeedsEveryApprovalAgain() {
        DisclosureItem item = queue(review, "刘科员");
        review.approve(item.id(), "张科长", seen(item.id()), "同意");
        review.update(item.id(), content("临时改动", false), "刘科员", "命令行");

        DisclosureItem back = review.update(item.id(), item.content(), "刘科员", "命令行");

        assertThat(back.contentHash()).isEqualTo(item.contentHash());
        assertThat(review.currentStep(back)).isZero();
    }

    @Test
    void whoeverEditedTheTextCannotApproveIt() {
        DisclosureItem item = queue(review, "刘科员");
        review.approve(item.id(), "张科长", seen(item.id()), "同意");
        review.update(item.id(), content("办公室分管领导提前改了一句。", false), "王副局长", "命令行");
        review.approve(item.id(), "张科长", seen(item.id()), "同意");
        review.approve(item.id(), "李主任", seen(item.id()), "已校对");

        assertThatThrownBy(() -> review.approve(item.id(), "王副局长", seen(item.id()), "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("不能审核自己提交或修改的稿件");
    }

    @Test
    void anItemBeingPublishedCannotBeEdited() {
        DisclosureItem item = queue(review, "刘科员");
        approveAll(item.id());
        db.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, null, clock.instant());

        assertThatThrownBy(() -> review.update(item.id(), content("太晚了", false), "刘科员", "命令行"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("发布中").hasMessageContaining("不能修改");
        assertThat(reload(item.id()).contentHash()).isEqualTo(item.contentHash());
    }

    @Test
    void anImportantItemNeedsThePrincipalLeaderAfterTheChain() {
        DisclosureItem item = queue(review, "刘科员", content("重要信息：全区促消费政策调整。", true));
        approveAll(item.id());

        DisclosureItem waiting = reload(item.id());
        assertThat(waiting.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.waitingFor(waiting)).contains("principal-leader");
        assertThatThrownBy(() -> review.approve(item.id(), "管理员", seen(item.id()), ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("当前步骤需要主要领导审核")
                .hasMessageNotContaining("principal-leader");

        DisclosureItem signed = review.approve(item.id(), "赵局长", seen(item.id()), "签发");
        assertThat(signed.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(db.audit().history(item.id()).get(4).role()).isEqualTo("principal-leader");
    }

    @Test
    void markingAnItemImportantIsAnEditThatRestartsReview() {
        DisclosureItem item = queue(review, "刘科员");
        approveAll(item.id());

        DisclosureItem marked = review.update(item.id(), item.content().withImportant(true), "刘科员", "命令行");

        assertThat(marked.contentHash()).isNotEqualTo(item.contentHash());
        assertThat(review.steps(marked)).hasSize(4);
        assertThat(marked.status()).isEqualTo(ItemStatus.IN_REVIEW);
    }

    @Test
    void anEmptyChainMakesQueuedItemsApprovedWithAnAuditRowNamingTheOa() {
        ReviewService oa = service(List.of());

        DisclosureItem item = queue(oa, "刘科员", content("经 OA 审批的稿件。", true));

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
    void submittingADraftWithPersonalDataIsRefusedAndTheCheckIsAudited() {
        DisclosureItem draft = db.items().insert(content("联系人手机 13812345678。", false), ItemStatus.DRAFT, null,
                clock.instant());
        review.recordCreated(draft, "刘科员", "接口");

        assertThatThrownBy(() -> review.submit(draft.id(), "刘科员"))
                .isInstanceOf(ChecksFailedException.class)
                .hasMessageContaining("疑似手机号 138****5678").hasMessageContaining("body:1:7");
        assertThat(reload(draft.id()).status()).isEqualTo(ItemStatus.DRAFT);
        AuditEntry check = db.audit().history(draft.id()).get(1);
        assertThat(check.decision()).isEqualTo("CHECK");
        assertThat(check.checks()).contains("personal-data").doesNotContain("13812345678");
    }

    @Test
    void submittingACleanDraftQueuesItAndStoresTheWarningsWithTheAuditRow() {
        DisclosureItem draft = db.items().insert(content("详见 https://www.example.gov.cn/zwgk/1.html 。", false),
                ItemStatus.DRAFT, null, clock.instant());
        review.recordCreated(draft, "刘科员", "接口");

        DisclosureItem queued = review.submit(draft.id(), "刘科员");

        assertThat(queued.status()).isEqualTo(ItemStatus.IN_REVIEW);
        AuditEntry submit = db.audit().history(draft.id()).get(1);
        assertThat(submit.decision()).isEqualTo("SUBMIT");
        assertThat(submit.checks()).contains("提醒 [external-link]").contains("提醒 [cover]");
    }

    @Test
    void approvingAnItemThatIsNotInReviewFailsSayingItsStatus() {
        DisclosureItem item = queue(review, "刘科员");
        approveAll(item.id());

        assertThatThrownBy(() -> review.approve(item.id(), "赵局长", seen(item.id()), "再批一次"))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("稿件 " + item.id()).hasMessageContaining("已审定待发布")
                .hasMessageContaining("不在审核中");
        assertThat(db.audit().history(item.id())).hasSize(4);
    }

    @Test
    void approvingAnItemThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> review.approve(4242, "张科长", "00000000", ""))
                .isInstanceOf(ReviewException.class).hasMessageContaining("4242").hasMessageContaining("稿件不存在");
    }

    @Test
    void theDueDateIsTwentyWorkingDaysAfterCreationSkippingWeekends() {
        DisclosureItem item = queue(review, "刘科员");

        // created Wednesday 2023-05-10: four weeks of working days later is Wednesday 2023-06-07
        assertThat(review.dueDate(item)).isEqualTo(LocalDate.of(2023, 6, 7));
        assertThat(review.overdue(item)).isFalse();
        clock.set(Instant.parse("2023-06-08T01:00:00Z"));
        assertThat(review.overdue(item)).isTrue();
    }

    @Test
    void aPlannedTimeAfterTheDueDateIsAWarningWhenQueued() {
        ItemContent late = anItem().publishAt(Instant.parse("2023-07-01T02:00:00Z")).build();

        assertThat(review.queueChecks(late, LocalDate.of(2023, 5, 10)).warnings())
                .anySatisfy(f -> assertThat(f.message()).contains("晚于公开时限 2023-06-07").contains("第二十六条"));
        assertThat(review.queueChecks(late, LocalDate.of(2023, 6, 20)).warnings())
                .noneMatch(f -> f.check().equals("due-date"));
    }

    @Test
    void aCheckJustBeforePublishingIsAuditedWithoutChangingTheStatus() {
        DisclosureItem item = queue(review, "刘科员");
        approveAll(item.id());
        DisclosureItem approved = reload(item.id());

        review.recordCheck(approved, review.checks().check(approved.content()), "publisher");

        AuditEntry check = db.audit().history(item.id()).get(4);
        assertThat(check.decision()).isEqualTo("CHECK");
        assertThat(check.actor()).isEqualTo("publisher");
        assertThat(check.fromStatus()).isEqualTo("APPROVED");
        assertThat(check.toStatus()).isEqualTo("APPROVED");
        assertThat(check.comment()).isEqualTo("发布前检查通过");
        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(review.currentStep(reload(item.id()))).isEqualTo(3);
    }

    @Test
    void anApprovalOfTheTextTheReviewerLoadedIsRefusedAfterTheDrafterChangedIt() {
        DisclosureItem item = queue(review, "刘科员");
        String loaded = seen(item.id());
        review.update(item.id(), content("改过的正文：补贴提高到每台五百元。", false), "刘科员", "命令行");
        String current = seen(item.id());
        int rows = db.audit().history(item.id()).size();

        assertThatThrownBy(() -> review.approve(item.id(), "张科长", loaded, "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining(loaded).hasMessageContaining(current);
        assertThatThrownBy(() -> review.approve(item.id(), "张科长", loaded.substring(0, 8), "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining(current);
        assertThatThrownBy(() -> review.reject(item.id(), "张科长", loaded, "数字不对"))
                .isInstanceOf(ReviewException.class).hasMessageContaining(current);

        assertThat(db.audit().history(item.id())).hasSize(rows);
        assertThat(reload(item.id()).status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.currentStep(reload(item.id()))).isZero();
    }

    @Test
    void anApprovalMustNameTheHashAndAcceptsAPrefixOfAtLeastEightHexDigits() {
        DisclosureItem item = queue(review, "刘科员");
        String hash = item.contentHash();

        assertThatThrownBy(() -> review.approve(item.id(), "张科长", null, "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining(hash);
        assertThatThrownBy(() -> review.approve(item.id(), "张科长", " ", "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("内容指纹");
        assertThatThrownBy(() -> review.approve(item.id(), "张科长", hash.substring(0, 7), "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("至少 8 位");
        assertThatThrownBy(() -> review.approve(item.id(), "张科长", "zzzzzzzzzz", "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("格式不对");
        assertThat(db.audit().history(item.id())).extracting(AuditEntry::decision).containsExactly("SUBMIT");

        DisclosureItem after = review.approve(item.id(), "张科长", hash.substring(0, 8).toUpperCase(), "同意");

        assertThat(review.currentStep(after)).isEqualTo(1);
        assertThat(db.audit().history(item.id()).get(1).contentHash()).isEqualTo(hash);
    }
}
