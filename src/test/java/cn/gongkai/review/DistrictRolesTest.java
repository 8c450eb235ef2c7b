package cn.gongkai.review;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Scope;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People of a unit and of the district office (issue 19): a user's unit is stored and gives their scope; the
 * district roles belong to no unit, are not made by a unit's administrator, and act on no item.
 */
class DistrictRolesTest {
    private static final char[] PASSWORD = "correct-horse-1".toCharArray();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database db;
    private Users users;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:district-roles-" + UUID.randomUUID(), "sa", "");
        users = new Users(db.users(), clock, 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Review with a one-step chain (业务部门分管领导) on this store. */
    private ReviewService review() {
        return new ReviewService(new ReviewPolicy(List.of("dept-leader"), List.of(), 20, ZoneId.of("Asia/Shanghai")),
                PrePublishChecks.defaults(), db.items(), db.audit(), db.users(), db.transactions(), clock);
    }

    @Test
    void theDistrictRolesHaveTheirNamesAndBelongToNoUnit() {
        assertThat(Role.parse("district-admin")).isEqualTo(Role.DISTRICT_ADMIN);
        assertThat(Role.parse("区政府办巡查员")).isEqualTo(Role.DISTRICT_INSPECTOR);
        assertThat(Role.DISTRICT_ADMIN.label()).isEqualTo("区政府办管理员");
        assertThat(Role.DISTRICT_INSPECTOR.district()).isTrue();
        assertThat(Role.ADMIN.district()).isFalse();
        assertThat(Role.allIds()).contains("district-admin 区政府办管理员", "district-inspector 区政府办巡查员");
        assertThatThrownBy(() -> new User("巡查员", Role.DISTRICT_INSPECTOR, clock.instant(), false, "shangwu"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new User("张科长", Role.DEPT_LEADER, clock.instant(), false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUsersUnitIsStoredAndGivesTheirScope() {
        users.add("张科长", Role.DEPT_LEADER, "shangwu", PASSWORD);
        users.add("老用户", Role.DRAFTER, PASSWORD);
        users.add("钱主任", Role.DISTRICT_ADMIN, null, PASSWORD);
        users.add("孙巡查", Role.DISTRICT_INSPECTOR, null, PASSWORD);

        User leader = users.find("张科长").orElseThrow();
        assertThat(leader.unitId()).isEqualTo("shangwu");
        assertThat(leader.scope()).isEqualTo(Scope.unit("shangwu"));
        assertThat(users.find("老用户").orElseThrow().scope()).isEqualTo(Scope.unit(Scope.DEFAULT_UNIT));
        for (String office : List.of("钱主任", "孙巡查")) {
            User u = users.find(office).orElseThrow();
            assertThat(u.unitId()).isNull();
            assertThat(u.scope().isDistrict()).isTrue();
            assertThat(u.scope().canChange()).as("the district office changes no item").isFalse();
        }
        assertThat(users.list()).extracting(User::name, User::unitId).containsExactlyInAnyOrder(
                tuple("张科长", "shangwu"), tuple("老用户", "default"), tuple("钱主任", null), tuple("孙巡查", null));
        String token = users.createToken("张科长");
        assertThat(users.authenticate(token)).map(User::unitId).contains("shangwu");
    }

    @Test
    void aUnitsAdministratorCannotMakeADistrictRoleAndADistrictRoleTakesNoUnit() {
        assertThatThrownBy(() -> users.add("钱主任", Role.DISTRICT_ADMIN, PASSWORD)).isInstanceOf(UserException.class)
                .hasMessageContaining("只能在服务器上用命令行添加");
        assertThatThrownBy(() -> users.add("钱主任", Role.DISTRICT_ADMIN, "shangwu", PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("不属于任何单位");
        assertThatThrownBy(() -> users.add("张科长", Role.DEPT_LEADER, null, PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("须属于一个单位");
        User shangwuAdmin = users.add("商务管理员", Role.ADMIN, "shangwu", PASSWORD);
        assertThatThrownBy(() -> users.addBy(shangwuAdmin, "钱主任", Role.DISTRICT_INSPECTOR, PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("只能在服务器上用命令行添加");
        assertThat(users.addBy(shangwuAdmin, "吴科员", Role.DRAFTER, PASSWORD).unitId()).isEqualTo("shangwu");
        assertThat(users.list()).extracting(User::name).containsExactlyInAnyOrder("商务管理员", "吴科员");
    }

    @Test
    void theDistrictRolesNeitherSubmitNorReviewNorDelete() {
        ReviewService review = review();
        users.add("刘科员", Role.DRAFTER, PASSWORD);
        users.add("钱主任", Role.DISTRICT_ADMIN, null, PASSWORD);
        users.add("孙巡查", Role.DISTRICT_INSPECTOR, null, PASSWORD);
        DisclosureItem draft = db.items().insert(anItem().title("区政府办不能动的稿件").build(), ItemStatus.DRAFT,
                null, clock.instant());

        for (String office : List.of("钱主任", "孙巡查")) {
            assertThatThrownBy(() -> review.submit(draft.id(), office)).isInstanceOf(ReviewException.class)
                    .hasMessageContaining("区政府办的角色只能查看稿件");
            assertThatThrownBy(() -> review.delete(draft.id(), office, "")).isInstanceOf(ReviewException.class);
        }
        DisclosureItem inReview = review.submit(draft.id(), "刘科员");
        for (String office : List.of("钱主任", "孙巡查")) {
            assertThatThrownBy(() -> review.approve(inReview.id(), office, inReview.contentHash(), ""))
                    .isInstanceOf(ReviewException.class).hasMessageContaining("区政府办的角色只能查看稿件");
        }
        assertThat(db.items().find(draft.id()).orElseThrow().status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThatThrownBy(() -> new ReviewPolicy(List.of("district-inspector"), List.of(), 20,
                ZoneId.of("Asia/Shanghai"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserWritesOnlyForTheirOwnUnitsAccountsAndTheOfficeWritesNothing() {
        ReviewService review = review();
        users.add("刘科员", Role.DRAFTER, "shangwu", PASSWORD);
        users.add("张科长", Role.DEPT_LEADER, "shangwu", PASSWORD);
        users.add("孙巡查", Role.DISTRICT_INSPECTOR, null, PASSWORD);
        DisclosureItem ours = db.items().insert("shangwu", anItem().account("swj").title("本单位稿件").build(),
                ItemStatus.IN_REVIEW, null, clock.instant());
        DisclosureItem theirs = db.items().insert("jiaoyu", anItem().account("jyj").title("别的单位的公众号").build(),
                ItemStatus.DRAFT, null, clock.instant());

        review.recordQueued(ours, "刘科员", "控制台");
        review.recordCreated(theirs, "收件箱", "收件箱"); // a channel, not a person: not checked here
        assertThatThrownBy(() -> review.recordCreated(theirs, "刘科员", "控制台")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("公众号 jyj 不属于 刘科员 所在的单位");
        assertThatThrownBy(() -> review.recordQueued(ours, "孙巡查", "接口")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("区政府办的角色只能查看稿件");
        assertThat(db.audit().history(ours.id())).extracting(AuditEntry::actor).containsOnly("刘科员");
    }

    @Test
    void reviewRightsNeverCrossUnits() {
        ReviewService review = review();
        users.add("周老师", Role.DRAFTER, "jiaoyu", PASSWORD);
        users.add("王科长", Role.DEPT_LEADER, "jiaoyu", PASSWORD);
        users.add("张科长", Role.DEPT_LEADER, "shangwu", PASSWORD);
        users.add("李主任", Role.OFFICE_DIRECTOR, "shangwu", PASSWORD);
        DisclosureItem draft = db.items().insert("jiaoyu", anItem().account("jyj").title("教育局稿件").build(),
                ItemStatus.DRAFT, null, clock.instant());
        DisclosureItem item = review.submit(draft.id(), "周老师");

        assertThat(review.eligibility(users.find("张科长").orElseThrow(), item).allowed()).isFalse();
        assertThatThrownBy(() -> review.approve(item.id(), "张科长", item.contentHash(), "同意"))
                .isInstanceOf(ReviewException.class).hasMessageContaining("稿件 " + item.id() + " 不存在");
        assertThatThrownBy(() -> review.delete(item.id(), "李主任", "不要了")).isInstanceOf(ReviewException.class);
        assertThat(review.approve(item.id(), "王科长", item.contentHash(), "同意").status())
                .isEqualTo(ItemStatus.APPROVED);
    }
}
