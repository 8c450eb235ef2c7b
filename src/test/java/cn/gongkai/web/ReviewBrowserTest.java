package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 20 in real headless Chromium: reject → the drafter edits → resubmits → the reviewer sees the diff against
 * the rejected text with the decision at the foot of the window; 立即发布 asks first with the titles; the published
 * item shows its link and 撤回 takes it down.
 */
class ReviewBrowserTest {
    private static final String PW = ConsoleFixture.PASSWORD;
    private static final String TITLE = "红旗区消费券发放安排";

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

    private static DisclosureItem item(long id) {
        return app.wiring.database().items().find(id).orElseThrow();
    }

    @Test
    void aRejectedItemIsResubmittedComparedWithTheRejectedTextPublishedAfterConfirmationAndWithdrawn() {
        browser.login("刘起草", PW);
        browser.open("/items/new");
        browser.type("#body", "消费券于三月一日发放。\n\n每人限领一次。\n");
        browser.type("#title", TITLE);
        browser.type("input[name=author]", "红旗区商务局");
        browser.find("#category").sendKeys("促消费");
        browser.submit("#save-submit");
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/items/", ""));
        browser.logout();

        browser.login("张科长", PW);
        browser.open("/items/" + id);
        browser.type("#comment", "发放日期应为三月五日");
        browser.submit("#reject");
        browser.logout();
        assertThat(item(id).status()).isEqualTo(ItemStatus.REJECTED);

        browser.login("刘起草", PW);
        browser.open("/items/" + id + "/edit");
        browser.type("#body", "消费券于三月五日发放。\n\n每人限领一次。\n");
        browser.submit("#save-submit");
        browser.logout();
        assertThat(item(id).status()).isEqualTo(ItemStatus.IN_REVIEW);

        browser.login("张科长", PW);
        browser.open("/items/" + id);
        assertThat(browser.text("#comparison-title")).contains("退回时的版本对比");
        assertThat(browser.text("#diff")).contains("- 消费券于三月一日发放。", "+ 消费券于三月五日发放。");
        assertTheArticleIsWholeAndTheDecisionStaysInView();
        browser.submit("#approve");
        browser.logout();
        for (String reviewer : new String[] {"李主任", "王副局长"}) {
            app.wiring.review().approval(id, reviewer, item(id).contentHash(), "同意");
        }
        assertThat(item(id).status()).isEqualTo(ItemStatus.APPROVED);

        browser.login("李主任", PW);
        browser.open("/publishing");
        browser.submit("#publish-hongqi");
        assertThat(browser.text("#confirm-count")).isEqualTo("将立即发布以下 1 篇：");
        assertThat(browser.text("#confirm-titles")).isEqualTo(TITLE);
        assertThat(item(id).status()).as("nothing is published before the confirmation").isEqualTo(ItemStatus.APPROVED);
        browser.submit("#confirm-publish");
        assertThat(browser.text("#flash")).contains("发布了 1 篇");
        assertThat(item(id).status()).isEqualTo(ItemStatus.PUBLISHED);

        browser.open("/items/" + id);
        String url = app.wiring.ledger().findByItem(id, "freepublish").orElseThrow().url();
        assertThat(browser.find("#published-links a").getAttribute("href")).isEqualTo(url);
        browser.type("#withdraw-reason", "发放日期调整，撤回原文");
        String marker = "withdraw-" + id;
        browser.driver.executeScript("window.gongkaiTestPage = arguments[0];", marker);
        browser.click("#withdraw");
        browser.waitFor().until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitFor().until(d -> !marker.equals(browser.driver.executeScript("return window.gongkaiTestPage;")));
        assertThat(browser.text("#flash")).contains("已从公众号撤回");
        assertThat(item(id).status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(browser.text("#published-links")).contains("撤回");
        assertThat(browser.policyViolations()).isEmpty();
        browser.logout();
    }

    /** The preview is not a scroll box, and the 同意/退回 bar is sticky at the foot of the window at the page's top. */
    private static void assertTheArticleIsWholeAndTheDecisionStaysInView() {
        browser.driver.executeScript("window.scrollTo(0, 0);");
        Object scrolls = browser.driver.executeScript(
                "var p = document.getElementById('preview'); return p.scrollHeight > p.clientHeight + 1;");
        assertThat(scrolls).as("the preview shows the whole article").isEqualTo(false);
        Object position = browser.driver.executeScript(
                "return getComputedStyle(document.getElementById('review-form')).position;");
        assertThat(position).isEqualTo("sticky");
        Object inView = browser.driver.executeScript("var r = document.getElementById('approve')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;");
        assertThat(inView).as("同意 is visible without scrolling").isEqualTo(true);
        browser.find("#feed-card");
        assertThat(browser.driver.findElements(By.cssSelector("#feed-card .nocover, #feed-card img.cover"))).hasSize(1);
    }
}
