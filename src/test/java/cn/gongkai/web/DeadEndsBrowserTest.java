package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dead ends of issue 20 walked in real headless Chromium, each ending with the item on WeChat (the in-process
 * simulator) exactly once: the one office director proofreads and still approves; an important item while nobody
 * holds 主要领导 and after the administrator adds one; a second 同意 from a page left open; an approved item moved to a
 * later time and then published now, its approvals kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadEndsBrowserTest {
    private static final String PW = ConsoleFixture.PASSWORD;

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("刘起草", Role.DRAFTER);
        app.user("张科长", Role.DEPT_LEADER);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        app.user("王副局长", Role.OFFICE_LEADER);
        app.user("管理员", Role.ADMIN);
        browser = Browser.start(app.url(""));
    }

    @org.junit.jupiter.api.BeforeEach
    void loggedOut() {
        browser.open("/login");
        browser.driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theOneOfficeDirectorProofreadsApprovesAndTheItemReachesWeChatOnce() {
        long id = draftAndSubmit("外贸政策宣讲会通知", "商务局将于本月举办外贸政策宣讲会，欢迎企业参加。\n", false);
        approveAs("张科长", id);

        browser.login("李主任", PW);
        browser.open("/items/" + id + "/edit");
        assertThat(browser.text("#proofreading")).contains("校对修改");
        browser.type("#body", "商务局将于本月下旬举办外贸政策宣讲会，欢迎辖区企业参加。\n");
        browser.submit("#save-draft");
        assertThat(browser.text("#flash")).contains("校对修改");
        browser.submit("#approve");
        assertThat(browser.text("#flash")).contains("已同意");
        browser.logout();
        approveAs("王副局长", id);
        assertThat(status(id)).isEqualTo(ItemStatus.APPROVED);

        publishAll("外贸政策宣讲会通知");
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
        assertPublishedOnce("外贸政策宣讲会通知");
        assertThat(app.wiring.database().items().find(id).orElseThrow().content().body()).contains("本月下旬");
    }

    @Test
    @Order(2)
    void anImportantItemIsRefusedWhileNobodyHoldsThePrincipalLeaderAndGoesOutOnceAfterOneIsAdded() {
        browser.login("刘起草", PW);
        browser.open("/items/new");
        assertThat(browser.text("#important-warning")).contains("主要领导");
        fill("全区重点商贸项目推进情况", "今年全区重点商贸项目进展顺利。\n");
        browser.click("input[name=important]");
        browser.submit("#save-submit");
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("主要领导");
        assertThat(app.wiring.database().items().inStatuses(java.util.EnumSet.allOf(ItemStatus.class)))
                .noneMatch(i -> i.content().title().equals("全区重点商贸项目推进情况"));
        // the form still holds the text: it is kept as a draft until someone can sign it off
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo("全区重点商贸项目推进情况");
        browser.submit("#save-draft");
        browser.waitFor().until(ExpectedConditions.urlMatches("/items/\\d+$"));
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/items/", ""));
        assertThat(status(id)).isEqualTo(ItemStatus.DRAFT);
        browser.logout();

        browser.login("管理员", PW);
        browser.open("/system");
        browser.type("#add-user input[name=name]", "赵局长");
        browser.find("#add-user select[name=role]").sendKeys("主要领导");
        browser.type("#add-user input[name=password]", PW);
        browser.type("#add-user input[name=password2]", PW);
        browser.submit("#add-user-button");
        assertThat(browser.text("#users")).contains("赵局长", "主要领导");
        browser.logout();

        browser.login("刘起草", PW);
        browser.open("/items/" + id);
        browser.submit("#submit");
        assertThat(browser.text("#flash")).contains("提交");
        browser.logout();
        for (String reviewer : new String[] {"张科长", "李主任", "王副局长"}) {
            approveAs(reviewer, id);
            assertThat(status(id)).isEqualTo(ItemStatus.IN_REVIEW);
        }
        approveAs("赵局长", id);
        assertThat(status(id)).isEqualTo(ItemStatus.APPROVED);

        publishAll("全区重点商贸项目推进情况");
        assertPublishedOnce("全区重点商贸项目推进情况");
    }

    @Test
    @Order(3)
    void aSecondApprovalFromAPageLeftOpenIsASuccessMessageAndRecordsNothing() {
        long id = draftAndSubmit("夜间经济示范街区评选结果", "经评审，确定3条街区为夜间经济示范街区。\n", false);
        browser.login("张科长", PW);
        browser.open("/items/" + id);
        browser.find("#approve");
        // a second tab with the same review page, as when a reviewer double-clicks or opens the page twice
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.open("/items/" + id);
        browser.find("#approve");
        String second = browser.driver.getWindowHandle();
        browser.driver.switchTo().window(first);
        browser.submit("#approve");
        assertThat(browser.text("#flash")).contains("已同意");
        browser.driver.switchTo().window(second);
        browser.submit("#approve");
        assertThat(browser.text("#flash")).contains("已同意，无需重复操作").doesNotContain("dept-leader");
        browser.driver.close();
        browser.driver.switchTo().window(first);
        long approvals = app.wiring.audit().history(id).stream()
                .filter(e -> cn.gongkai.review.AuditAction.APPROVE.is(e) && e.actor().equals("张科长")).count();
        assertThat(approvals).isEqualTo(1);
        browser.logout();
    }

    @Test
    @Order(4)
    void anApprovedItemMovedLaterWaitsAndPublishedNowGoesOutOnceWithItsApprovalsKept() {
        long id = draftAndSubmit("商贸流通企业座谈会召开", "区商务局召开商贸流通企业座谈会。\n", false);
        for (String reviewer : new String[] {"张科长", "李主任", "王副局长"}) {
            approveAs(reviewer, id);
        }
        assertThat(status(id)).isEqualTo(ItemStatus.APPROVED);

        browser.login("刘起草", PW);
        browser.open("/items/" + id);
        String later = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3)
                .withHour(10).withMinute(0).toString().substring(0, 16);
        browser.driver.executeScript("document.getElementById('reschedule-at').value = arguments[0];", later);
        browser.type("#reschedule-reason", "等领导出席活动后再发布");
        browser.submit("#reschedule-at-submit");
        assertThat(browser.text("#flash")).contains("审核意见保持有效");
        assertThat(status(id)).isEqualTo(ItemStatus.APPROVED);
        browser.logout();

        publishAll();
        assertThat(status(id)).as("moved three days later, not due yet").isEqualTo(ItemStatus.APPROVED);

        browser.login("刘起草", PW);
        browser.open("/items/" + id);
        browser.submit("#publish-now");
        assertThat(browser.text("#confirm-titles")).contains("商贸流通企业座谈会召开");
        browser.type("#confirm-reason", "活动已结束，今天发布");
        browser.submit("#confirm-publish");
        assertThat(browser.text("#flash")).contains("审核意见保持有效");
        assertThat(browser.text("#history")).contains("等领导出席活动后再发布", "活动已结束，今天发布");
        browser.logout();
        publishAll("商贸流通企业座谈会召开");
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
        assertPublishedOnce("商贸流通企业座谈会召开");
        assertThat(browser.policyViolations()).isEmpty();
    }

    private static long draftAndSubmit(String title, String body, boolean important) {
        browser.login("刘起草", PW);
        browser.open("/items/new");
        fill(title, body);
        if (important) {
            browser.click("input[name=important]");
        }
        browser.submit("#save-submit");
        browser.waitFor().until(ExpectedConditions.urlMatches("/items/\\d+$"));
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/items/", ""));
        browser.logout();
        return id;
    }

    private static void fill(String title, String body) {
        browser.type("#body", body);
        browser.type("#title", title);
        browser.type("input[name=author]", "红旗区商务局");
        browser.find("#category").sendKeys("商贸流通");
    }

    private static void approveAs(String reviewer, long id) {
        browser.login(reviewer, PW);
        browser.open("/items/" + id);
        browser.submit("#approve");
        assertThat(browser.text("#flash")).contains("已同意");
        browser.logout();
    }

    /**
     * Publishes every due item of the sandbox account from the 发布记录 page, as the office would, through the
     * confirmation page that lists what will go out ({@code expected} titles; none: nothing is due).
     */
    private static void publishAll(String... expected) {
        browser.login("管理员", PW);
        browser.open("/publishing");
        if (expected.length == 0) {
            assertThat(browser.find("#publish-hongqi").isEnabled()).as("nothing is due").isFalse();
        } else {
            browser.submit("#publish-hongqi");
            assertThat(browser.text("#confirm-count")).contains("将立即发布以下 " + expected.length + " 篇");
            assertThat(browser.text("#confirm-titles")).contains(expected);
            browser.submit("#confirm-publish");
            assertThat(browser.text("#flash")).contains("发布了 " + expected.length + " 篇");
        }
        browser.logout();
    }

    private static ItemStatus status(long id) {
        return app.wiring.database().items().find(id).orElseThrow().status();
    }

    private static void assertPublishedOnce(String title) {
        assertThat(app.wiring.simulator().record().published()).filteredOn(a -> a.title().equals(title)).hasSize(1);
    }
}
