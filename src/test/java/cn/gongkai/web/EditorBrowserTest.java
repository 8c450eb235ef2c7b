package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The editor in real headless Chromium (issue 20): text typed survives an ended login through the server-side
 * autosave, a form is saved once however often it is sent, and the toolbar writes Markdown.
 */
class EditorBrowserTest {
    private static final String PW = ConsoleFixture.PASSWORD;
    private static final String CLERK = "周起草";

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user(CLERK, Role.DRAFTER);
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

    /** Each test logs in afresh. */
    @AfterEach
    void forgetTheLogin() {
        browser.driver.manage().deleteAllCookies();
    }

    private static long items(String title) {
        return app.wiring.database().items().list(ItemStatus.IN_REVIEW).stream()
                .filter(i -> i.content().title().equals(title)).count()
                + app.wiring.database().items().list(ItemStatus.DRAFT).stream()
                .filter(i -> i.content().title().equals(title)).count();
    }

    private static void waitForAutosave() {
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-state"),
                "已自动保存"));
    }

    private static String value(String css) {
        return browser.find(css).getAttribute("value");
    }

    @Test
    void textTypedBeforeTheLoginEndedIsRestoredAfterLoggingInAgainAndTheItemIsSavedOnce() {
        String title = "登录过期也不丢的稿件";
        String body = "为进一步扩大消费，红旗区商务局开展以旧换新活动。\n\n活动时间为即日起至年底。";
        browser.login(CLERK, PW);
        browser.open("/items/new");
        browser.type("#title", title);
        browser.find("#category").sendKeys("促消费");
        browser.type("input[name=author]", "红旗区商务局");
        browser.type("#body", body);
        waitForAutosave();

        app.wiring.database().loginSessions().deleteUser(CLERK);
        browser.click("#save-submit");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("expired")));
        assertThat(browser.text("#expired")).contains("登录已过期").doesNotContain("Bearer");
        assertThat(items(title)).as("nothing saved without a login").isZero();

        browser.submit("#login-again");
        browser.type("input[name=name]", CLERK);
        browser.type("input[name=password]", PW);
        browser.submit("#login");
        browser.waitFor().until(ExpectedConditions.urlContains("/items/new"));
        assertThat(browser.text("#restored")).contains("已恢复", "自动保存的内容");
        assertThat(value("#title")).isEqualTo(title);
        assertThat(value("#body")).isEqualTo(body);

        browser.submit("#save-submit");
        assertThat(browser.driver.getCurrentUrl()).matches(".*/items/\\d+$");
        assertThat(items(title)).isEqualTo(1);

        // Back: the editor is not kept in the cache (no-store) and the autosave went with the save, so the page
        // is a new, empty form — nothing of the sent item can be sent again (a re-post of the old form: next test)
        browser.driver.navigate().back();
        browser.waitFor().until(ExpectedConditions.urlContains("/items/new"));
        assertThat(value("#title")).isEmpty();
        assertThat(browser.driver.findElements(By.id("restored"))).isEmpty();
        assertThat(items(title)).isEqualTo(1);
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void theSameFormPostedAgainByTheBrowserCreatesNothingAndLeadsToTheItem() {
        String title = "重复提交的稿件";
        browser.login(CLERK, PW);
        browser.open("/items/new");
        browser.type("#title", title);
        browser.find("#category").sendKeys("促消费");
        browser.type("#body", "正文只有一段。");
        String sent = (String) browser.driver.executeScript(
                "return new URLSearchParams(new FormData(document.getElementById('editor'))).toString();");
        browser.submit("#save-draft");
        String item = browser.driver.getCurrentUrl();
        assertThat(item).matches(".*/items/\\d+$");

        // what the browser does on Back + 重新提交 of a cached page: the very same fields, token included, once more
        browser.driver.executeScript("var f = document.createElement('form'); f.method = 'post'; f.action = '/items';"
                + "new URLSearchParams(arguments[0]).forEach(function (v, k) { var i = document.createElement('input');"
                + " i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); });"
                + "document.body.appendChild(f); window.gongkaiTestPage = 'old'; f.submit();", sent + "&action=draft");
        browser.waitFor().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> !"old".equals(browser.driver.executeScript("return window.gongkaiTestPage;")));
        browser.find("#flash");

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(item);
        assertThat(browser.text("#flash")).contains(EditorPages.RESUBMITTED);
        assertThat(items(title)).isEqualTo(1);
    }

    @Test
    void theToolbarWritesMarkdownAtTheCursor() {
        browser.login(CLERK, PW);
        browser.open("/items/new");
        browser.type("#body", "活动安排");
        browser.driver.executeScript("var b = document.getElementById('body'); b.setSelectionRange(0, 4);");
        browser.click("[data-md=bold]");
        browser.click("[data-md=table]");
        browser.click("[data-md=bullets]");

        String text = value("#body");
        assertThat(text).startsWith("**活动安排**").contains("| 项目 | 内容 | 备注 |\n| --- | --- | --- |", "\n- ");
        waitForAutosave();
    }
}
