package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in real headless Chromium, one browser for the class. With {@code -Dgongkai.screenshots=DIR} the
 * first test also saves screenshots of the main pages (1366×768) into DIR.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
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

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static void shot(String name) throws Exception {
        String target = System.getProperty("gongkai.screenshots");
        if (target == null || target.isBlank()) {
            return;
        }
        Path out = Path.of(target).toAbsolutePath();
        Files.createDirectories(out);
        browser.driver.executeScript("window.scrollTo(0, 0);");
        Files.write(out.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(1)
    void aDraftedItemWithAnImageAndANoteIsApprovedThreeTimesPublishedToTheSimulatorAndCounted() throws Exception {
        browser.login("刘起草", PW);
        browser.open("/items/new");
        browser.type("#title", "红旗区开展家电以旧换新促消费活动");
        browser.find("#category").sendKeys("促消费");
        browser.type("input[name=author]", "红旗区商务局");
        browser.type("#body", "为进一步扩大消费，红旗区商务局联合辖区家电企业开展以旧换新活动。\n\n"
                + "活动时间为即日起至年底，市民可到指定门店参加。\n");
        browser.type("input[name=note_term]", "以旧换新");
        browser.type("input[name=note_text]", "消费者交回旧商品、购买新商品时享受补贴或折价的促消费方式。");
        String png = Base64.getEncoder().encodeToString(Fixtures.png(640, 360, 0xB22222));
        browser.driver.executeScript("var bin = atob(arguments[0]); var bytes = new Uint8Array(bin.length);"
                + "for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }"
                + "var dt = new DataTransfer(); dt.items.add(new File([bytes], '活动现场.png', {type: 'image/png'}));"
                + "document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt,"
                + " bubbles: true, cancelable: true}));", png);
        org.openqa.selenium.Alert caption = browser.waitFor().until(ExpectedConditions.alertIsPresent());
        assertThat(caption.getText()).contains("活动现场.png", "说明");
        caption.sendKeys("市民在门店参加以旧换新");
        caption.accept();
        browser.waitFor().until(d -> d.findElement(By.id("body")).getAttribute("value")
                .contains("![市民在门店参加以旧换新](活动现场.png)"));
        browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview img")));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "名词解释"));
        assertThat(browser.text("#preview")).contains("以旧换新", "消费者交回旧商品");
        browser.waitFor().until(d -> d.findElement(By.id("feed-cover")).getAttribute("style").contains("url("));
        assertThat(browser.text("#feed-title")).isEqualTo("红旗区开展家电以旧换新促消费活动");
        assertThat(browser.text("#feed-digest")).startsWith("为进一步扩大消费");
        shot("02-编辑");

        browser.submit("#save-submit");
        browser.waitFor().until(ExpectedConditions.urlMatches("/items/\\d+$"));
        assertThat(browser.text("#flash")).contains("已保存并提交审核", "业务部门分管领导");
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/items/", ""));
        DisclosureItem stored = app.wiring.database().items().find(id).orElseThrow();
        assertThat(stored.content().images()).hasSize(1);
        assertThat(stored.content().notes()).extracting(n -> n.term()).containsExactly("以旧换新");
        browser.logout();

        String[] reviewers = {"张科长", "李主任", "王副局长"};
        for (int n = 0; n < reviewers.length; n++) {
            browser.login(reviewers[n], PW);
            assertThat(browser.text("#my-reviews")).contains("红旗区开展家电以旧换新促消费活动");
            if (n == 0) {
                shot("01-待办");
            }
            browser.click("#my-reviews a.btn");
            browser.find("#approve");
            if (n == 0) {
                shot("03-审核");
            }
            browser.type("#comment", "同意发布。");
            browser.submit("#approve");
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
            assertThat(browser.text("#flash")).contains("已同意");
            browser.logout();
        }
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);

        browser.login("管理员", PW);
        browser.open("/schedule");
        browser.find("#calendar");
        assertThat(browser.text("#waiting")).contains("红旗区开展家电以旧换新促消费活动");
        shot("05-排期");
        browser.open("/publishing");
        browser.submit("#publish-hongqi");
        browser.submit("#confirm-publish");
        browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.text("#flash")).contains("发布了 1 篇");
        assertThat(browser.text("#batches")).contains("已发布", "红旗区开展家电以旧换新促消费活动");
        shot("06-发布记录");
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(app.wiring.simulator().record().published()).extracting(a -> a.title())
                .containsExactly("红旗区开展家电以旧换新促消费活动");

        browser.open("/stats");
        assertThat(browser.text("#articles")).isEqualTo("1");
        assertThat(browser.text("#by-category")).contains("促消费 1");
        assertThat(browser.find("svg.chart").isDisplayed()).isTrue();
        shot("07-统计");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Path history = dir.resolve("历史发布记录.csv");
        Files.writeString(history, "published_at,title,category,url,department\n" + year
                + "-01-05 09:00,本系统上线前发布的招商推介会通知,招商引资,,招商股\n");
        browser.find("#ledger-import input[type=file]").sendKeys(history.toString());
        browser.submit("#ledger-import button");
        browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.text("#flash")).contains("已导入 1 条");
        assertThat(browser.text("#articles")).isEqualTo("2");
        assertThat(browser.text("#ledger-rows")).contains("本系统上线前发布的招商推介会通知", "历史导入");

        browser.open("/items/" + id);
        assertThat(browser.text("#history")).contains("同意", "张科长", "李主任", "王副局长", "自动发布程序")
                .doesNotContain("publisher");
        browser.open("/items?q=以旧换新");
        assertThat(browser.text("#items")).contains("已发布");
        shot("04-稿件");
        browser.open("/report");
        browser.find("#facts");
        shot("08-年报");
        browser.open("/system");
        browser.find("#users");
        shot("09-系统");
        browser.logout();
    }

    @Test
    @Order(2)
    void requestsWithoutLoginOrWithoutTheCsrfTokenAreRefused() {
        browser.open("/login");
        browser.driver.manage().deleteAllCookies();
        browser.open("/items");
        browser.waitFor().until(ExpectedConditions.urlContains("/login"));
        Object anonymous = browser.driver.executeAsyncScript("var done = arguments[0];"
                + "fetch('/system/users', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'name=x1&role=admin&password=12345678abc&password2=12345678abc'})"
                + ".then(function (r) { done(r.status); });");
        assertThat(((Number) anonymous).intValue()).isEqualTo(401);

        browser.login("管理员", PW);
        Object forged = browser.driver.executeAsyncScript("var done = arguments[0];"
                + "fetch('/system/users', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'name=x2&role=admin&password=12345678abc&password2=12345678abc'})"
                + ".then(function (r) { done(r.status); });");
        assertThat(((Number) forged).intValue()).isEqualTo(403);

        browser.open("/system");
        browser.type("#add-user input[name=name]", "x3");
        browser.type("#add-user input[name=password]", "12345678abc");
        browser.type("#add-user input[name=password2]", "12345678abc");
        browser.driver.executeScript("document.querySelector('#add-user input[name=_csrf]').remove();");
        browser.submit("#add-user-button");
        assertThat(browser.text("main")).contains("安全校验失败");
        assertThat(app.wiring.users().find("x1")).isEmpty();
        assertThat(app.wiring.users().find("x2")).isEmpty();
        assertThat(app.wiring.users().find("x3")).isEmpty();

        browser.open("/system");
        browser.type("#add-user input[name=name]", "x4");
        browser.type("#add-user input[name=password]", "12345678abc");
        browser.type("#add-user input[name=password2]", "12345678abc");
        browser.submit("#add-user-button");
        assertThat(browser.text("#flash")).contains("已添加用户");
        assertThat(app.wiring.users().find("x4")).isPresent();
    }

    @Test
    @Order(3)
    void theConsolesScriptsRunUnderItsContentSecurityPolicyAndNothingIsRefused() {
        browser.open("/stats");
        String year = browser.find("select[name=year] option:not([selected])").getAttribute("value");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.cssSelector("select[name=year]")))
                .selectByVisibleText(year);
        browser.waitFor().until(ExpectedConditions.urlContains("year="));
        browser.open("/items/new");
        browser.type("#title", "脚本在安全策略下运行");
        browser.type("#body", "正文在预览中出现。");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "正文在预览中出现"));

        assertThat(browser.policyViolations()).as("messages about the Content-Security-Policy in the browser's console,"
                + " in this and the earlier tests").isEmpty();
    }

    /** Issue 20: the one office director corrects a word and still approves; moving the time keeps the approvals. */
    @Test
    @Order(4)
    void theOfficeDirectorProofreadsAndApprovesAndPublishingNowKeepsTheApprovals() {
        browser.open("/login");
        browser.driver.manage().deleteAllCookies();
        browser.login("刘起草", PW);
        browser.open("/items/new");
        browser.type("#body", "商务局将于本月举办外贸政策宣讲会，欢迎企业参加。\n");
        browser.type("#title", "外贸政策宣讲会通知");
        browser.type("input[name=author]", "红旗区商务局");
        browser.find("#category").sendKeys("促消费");
        browser.submit("#save-submit");
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/items/", ""));
        browser.logout();
        approveAs("张科长", id);

        browser.login("李主任", PW);
        browser.open("/items/" + id + "/edit");
        assertThat(browser.text("#proofreading")).contains("校对修改");
        browser.type("#body", "商务局将于本月下旬举办外贸政策宣讲会，欢迎企业参加。\n");
        browser.submit("#save-draft");
        assertThat(browser.text("#flash")).contains("校对修改");
        assertThat(browser.text("#history")).contains("校对修改");
        browser.submit("#approve");
        assertThat(browser.text("#flash")).contains("已同意");
        browser.logout();
        approveAs("王副局长", id);
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);

        browser.login("刘起草", PW);
        browser.open("/items/" + id);
        browser.submit("#publish-now");
        browser.type("#confirm-reason", "领导要求今天发布");
        browser.submit("#confirm-publish");
        assertThat(browser.text("#flash")).contains("审核意见保持有效");
        assertThat(browser.text("#history")).contains("调整发布时间", "领导要求今天发布");
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(browser.policyViolations()).isEmpty();
        browser.logout();
    }

    private static void approveAs(String reviewer, long id) {
        browser.login(reviewer, PW);
        browser.open("/items/" + id);
        browser.submit("#approve");
        assertThat(browser.text("#flash")).contains("已同意");
        browser.logout();
    }
}
