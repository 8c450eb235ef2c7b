package cn.gongkai.review;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, "Dead ends in the flow", on a real H2 store: 校对 within a step, 重要 without a 主要领导, time is not
 * content, deleting items never approved, repeated decisions.
 */
class FlowDeadEndsTest {
    private static final Map<String, Role> STAFF = Map.of("刘科员", Role.DRAFTER, "张科长", Role.DEPT_LEADER,
            "李主任", Role.OFFICE_DIRECTOR, "王副局长", Role.OFFICE_LEADER, "赵局长", Role.PRINCIPAL_LEADER);
    private static final Instant LATER = Instant.parse("2023-05-12T01:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2023-05-10T01:00:00Z"));
    private Database db;
    private Users users;
    private ReviewService review;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:dead-ends-" + UUID.randomUUID(), "sa", "");
        users = new Users(db.users(), clock, 4);
        STAFF.forEach((name, role) -> users.add(name, role, "correct-horse-1".toCharArray()));
        review = new ReviewService(new ReviewPolicy(List.of("dept-leader", "office-director", "office-leader"),
                List.of("principal-leader"), 20, ZoneId.of("Asia/Shanghai")), PrePublishChecks.defaults(),
                db.items(), db.audit(), db.users(), db.transactions(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static ItemContent text(String body, boolean important) {
        return anItem().title("家电以旧换新补贴活动开始报名").author("红旗区商务局").department("市场运行股")
                .body(body).important(important).build();
    }

    private DisclosureItem stored(ItemContent content, ItemStatus status) {
        DisclosureItem item = db.items().insert(content, status, UUID.randomUUID().toString(), clock.instant());
        if (status == ItemStatus.DRAFT) {
            review.recordCreated(item, "刘科员", "命令行");
        } else {
            review.recordQueued(item, "刘科员", "命令行");
        }
        return item;
    }

    private DisclosureItem inReview() {
        return stored(text("红旗区即日起开展家电以旧换新补贴活动。", false), ItemStatus.IN_REVIEW);
    }

    private DisclosureItem reload(long id) {
        return db.items().find(id).orElseThrow();
    }

    private DisclosureItem approve(long id, String who) {
        return review.approve(id, who, reload(id).contentHash(), "同意");
    }

    private AuditEntry lastRow(long id) {
        List<AuditEntry> history = db.audit().history(id);
        return history.get(history.size() - 1);
    }

    @Test
    void theDirectorProofreadsWithinHisStepAndApprovesTheCorrectedText() {
        DisclosureItem item = inReview();
        approve(item.id(), "张科长");

        assertThat(review.editIsProofreading(users.require("李主任"), reload(item.id()))).isTrue();
        assertThat(review.editIsProofreading(users.require("刘科员"), reload(item.id()))).isFalse();
        DisclosureItem corrected = review.update(item.id(), text("红旗区即日起开展家电以旧换新补贴活动（第二期）。", false),
                "李主任", "控制台");

        assertThat(corrected.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(corrected.contentHash()).isNotEqualTo(item.contentHash());
        assertThat(review.currentStep(corrected)).isEqualTo(1);
        AuditEntry row = lastRow(item.id());
        assertThat(row.decision()).isEqualTo("PROOFREAD");
        assertThat(row.label()).isEqualTo("校对修改");
        assertThat(row.step()).isEqualTo(1);
        assertThat(row.contentHash()).isEqualTo(corrected.contentHash());
        assertThat(row.comment()).contains("第 2 步").contains("办公室主任").contains("原文：")
                .contains("补贴活动。").contains("改为：").contains("（第二期）");
        assertThat(review.eligibility(users.require("李主任"), corrected).allowed()).isTrue();
        assertThat(review.authors(corrected)).doesNotContain("李主任");

        approve(item.id(), "李主任");
        assertThat(approve(item.id(), "王副局长").status()).isEqualTo(ItemStatus.APPROVED);
    }

    @Test
    void anEditByTheDrafterOrSomeoneNotOnTheCurrentStepStillRestartsTheChain() {
        DisclosureItem item = inReview();
        approve(item.id(), "张科长");

        DisclosureItem edited = review.update(item.id(), text("起草人又改了一句。", false), "刘科员", "控制台");
        assertThat(review.currentStep(edited)).isZero();
        assertThat(lastRow(item.id()).decision()).isEqualTo("EDIT");

        approve(item.id(), "张科长");
        DisclosureItem early = review.update(item.id(), text("分管领导提前改了一句。", false), "王副局长", "控制台");
        assertThat(review.currentStep(early)).isZero();
        assertThat(review.authors(early)).contains("王副局长");
    }

    @Test
    void oneReviewerCannotApproveTwoStepsAcrossAProofreadingChange() {
        ReviewService twice = new ReviewService(new ReviewPolicy(List.of("dept-leader", "dept-leader"), List.of(),
                20, ZoneId.of("Asia/Shanghai")), PrePublishChecks.defaults(), db.items(), db.audit(), db.users(),
                db.transactions(), clock);
        users.add("孙科长", Role.DEPT_LEADER, "correct-horse-1".toCharArray());
        DisclosureItem item = stored(text("两步都是分管领导。", false), ItemStatus.IN_REVIEW);
        twice.approve(item.id(), "张科长", item.contentHash(), "同意");
        twice.update(item.id(), text("两步都是分管领导，孙科长校对。", false), "孙科长", "控制台");

        assertThat(twice.eligibility(users.require("张科长"), reload(item.id())).reason()).contains("同一人不能审核两步");
        assertThat(twice.approve(item.id(), "孙科长", reload(item.id()).contentHash(), "").status())
                .isEqualTo(ItemStatus.APPROVED);
    }

    @Test
    void anImportantItemIsNotQueuedWhileNobodyHoldsThePrincipalLeaderRole() {
        users.setDisabled("赵局长", true);
        DisclosureItem draft = stored(text("重要信息：全区促消费政策调整。", true), ItemStatus.DRAFT);

        assertThat(review.unheldRoles(cn.gongkai.item.Scope.DEFAULT_UNIT)).containsExactly("principal-leader");
        assertThatThrownBy(() -> review.submit(draft.id(), "刘科员")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("没有人担任“主要领导”，重要稿件无法签发：请管理员先在“系统”中"
                        + "为某位用户加上该角色，或取消“重要”");
        assertThat(reload(draft.id()).status()).isEqualTo(ItemStatus.DRAFT);
        assertThatThrownBy(() -> stored(text("另一篇重要稿件。", true), ItemStatus.IN_REVIEW))
                .hasMessageContaining("没有人担任“主要领导”");

        DisclosureItem ordinary = stored(text("普通稿件照常提交。", false), ItemStatus.DRAFT);
        assertThat(review.submit(ordinary.id(), "刘科员").status()).isEqualTo(ItemStatus.IN_REVIEW);
        users.setDisabled("赵局长", false);
        assertThat(review.unheldRoles(cn.gongkai.item.Scope.DEFAULT_UNIT)).isEmpty();
        assertThat(review.submit(draft.id(), "刘科员").status()).isEqualTo(ItemStatus.IN_REVIEW);
    }

    @Test
    void anImportedImportantItemWhileNobodyHoldsThePrincipalLeaderRoleIsAProblemNamingItsFile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        users.setDisabled("赵局长", true);
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("重要稿件.md"), "---\ntitle: 全区促消费政策调整"
                + "\ncategory: 促消费\nauthor: 红旗区商务局\nimportant: true\n---\n重要信息：全区促消费政策调整。\n");
        cn.gongkai.intake.ItemImporter importer = new cn.gongkai.intake.ItemImporter(List.of("促消费"),
                List.of("hongqi"), java.util.Set.of(), ZoneId.of("Asia/Shanghai"), db.items(), db.images(),
                db.transactions(), review, clock);

        cn.gongkai.intake.ImportResult result = importer.importFiles(List.of(file), "刘科员", "命令行");

        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.field()).isEqualTo("important");
            assertThat(p.message()).startsWith("没有人担任“主要领导”");
        });
        assertThat(db.items().list(null)).as("nothing half-written").isEmpty();
    }

    private DisclosureItem approved() {
        DisclosureItem item = inReview();
        approve(item.id(), "张科长");
        approve(item.id(), "李主任");
        return approve(item.id(), "王副局长");
    }

    @Test
    void movingThePlannedTimeOfAnApprovedItemKeepsItsApprovals() {
        DisclosureItem item = approved();

        DisclosureItem moved = review.reschedule(item.id(), LATER, "刘科员", "领导要求推迟到周五");

        assertThat(moved.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(moved.content().publishAt()).isEqualTo(LATER);
        assertThat(moved.contentHash()).isEqualTo(item.contentHash());
        AuditEntry row = lastRow(item.id());
        assertThat(row.decision()).isEqualTo("RESCHEDULE");
        assertThat(row.actor()).isEqualTo("刘科员");
        assertThat(row.comment()).contains("2023-05-12 09:00").contains("领导要求推迟到周五").contains("审核意见保留");

        DisclosureItem now = review.reschedule(item.id(), clock.instant(), "李主任", "立即发布本篇");
        assertThat(now.content().publishAt()).isEqualTo(clock.instant());
        assertThat(now.status()).isEqualTo(ItemStatus.APPROVED);
    }

    @Test
    void reschedulingNeedsAReasonTheDrafterOrAnOfficeRoleAndAnApprovedItem() {
        DisclosureItem item = approved();
        DisclosureItem waiting = inReview();

        assertThatThrownBy(() -> review.reschedule(item.id(), LATER, "张科长", "想改"))
                .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.forbidden()).isTrue())
                .hasMessageContaining("只有起草人或办公室主任、办公室分管领导、管理员可以");
        assertThatThrownBy(() -> review.reschedule(item.id(), LATER, "刘科员", " "))
                .hasMessageContaining("必须写明原因");
        assertThatThrownBy(() -> review.reschedule(waiting.id(), LATER, "刘科员", "推迟"))
                .hasMessageContaining("审核中").hasMessageContaining("只有已审定待发布的稿件");
    }

    @Test
    void anEditThatOnlyMovesTheTimeOfAnApprovedItemIsARescheduleAndAContentEditRestarts() {
        DisclosureItem item = approved();

        DisclosureItem moved = review.update(item.id(), item.content().withPublishAt(LATER), "刘科员", "控制台");
        assertThat(moved.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(lastRow(item.id()).decision()).isEqualTo("RESCHEDULE");
        assertThat(lastRow(item.id()).comment()).contains("经控制台修改计划发布时间");

        DisclosureItem edited = review.update(item.id(), text("改了内容。", false).withPublishAt(LATER), "刘科员",
                "控制台");
        assertThat(edited.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(review.currentStep(edited)).isZero();
    }

    @Test
    void anItemNeverApprovedIsDeletedByItsDrafterAndGoneFromListsButNotFromTheAudit() {
        DisclosureItem draft = stored(text("重复提交的稿件。", false), ItemStatus.DRAFT);
        DisclosureItem queued = inReview();

        review.delete(draft.id(), "刘科员", "重复提交");
        review.delete(queued.id(), "李主任", "");

        assertThat(db.items().find(draft.id())).isEmpty();
        assertThat(db.items().list(null)).isEmpty();
        assertThat(db.items().search(ItemQuery.all().text("稿件"))).isEmpty();
        assertThat(db.items().list(ItemStatus.IN_REVIEW)).isEmpty();
        AuditEntry row = lastRow(draft.id());
        assertThat(row.decision()).isEqualTo("DELETE");
        assertThat(row.actor()).isEqualTo("刘科员");
        assertThat(row.comment()).contains("重复提交");
        assertThatThrownBy(() -> review.delete(draft.id(), "刘科员", "")).hasMessageContaining("稿件不存在");
    }

    @Test
    void anApprovedItemCannotBeDeletedAndOthersMayNotDeleteADraft() {
        DisclosureItem item = approved();
        DisclosureItem draft = stored(text("刘科员的草稿。", false), ItemStatus.DRAFT);

        assertThatThrownBy(() -> review.delete(item.id(), "刘科员", ""))
                .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.forbidden()).isFalse())
                .hasMessageContaining("已审定待发布").hasMessageContaining("不能删除");
        assertThatThrownBy(() -> review.delete(draft.id(), "张科长", ""))
                .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.forbidden()).isTrue());
        assertThat(review.deletable(users.require("张科长"), reload(draft.id()))).isFalse();
        assertThat(review.deletable(users.require("刘科员"), reload(draft.id()))).isTrue();
        assertThat(review.deletable(users.require("刘科员"), item)).isFalse();
        assertThat(reload(draft.id()).status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void aSecondApprovalOrRejectionByTheSameUserIsASuccessThatRecordsNothing() {
        DisclosureItem item = inReview();
        approve(item.id(), "张科长");
        int rows = db.audit().history(item.id()).size();

        ReviewService.Decision again = review.approval(item.id(), "张科长", item.contentHash(), "同意");

        assertThat(again.repeated()).isTrue();
        assertThat(again.message()).isEqualTo("已同意，无需重复操作");
        assertThat(db.audit().history(item.id())).hasSize(rows);

        review.reject(item.id(), "李主任", "请补充报名方式");
        ReviewService.Decision twice = review.rejection(item.id(), "李主任", null, "请补充报名方式");
        assertThat(twice.repeated()).isTrue();
        assertThat(twice.message()).isEqualTo("已退回，无需重复操作");
        assertThat(twice.item().status()).isEqualTo(ItemStatus.REJECTED);
        assertThatThrownBy(() -> review.approve(item.id(), "张科长", item.contentHash(), ""))
                .hasMessageContaining("不在审核中");
    }
}
