package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryReport;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.review.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18 in real headless Chromium: an item approved in the sandbox is delivered to the built-in portal, the office
 * finds the mail with the Word file in 区政府办邮箱, records the adoption on the item page, and 统计 shows the rate.
 */
class PortalBrowserTest {
    private static final String PW = ConsoleFixture.PASSWORD;
    private static final String TITLE = "红旗区开展消费券发放活动";

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

    @Test
    void anApprovedItemIsMailedToTheOfficeAdoptedAndCounted() throws Exception {
        browser.login("李主任", PW);
        browser.click("nav a[href='/portal/mailbox']");
        assertThat(browser.text("#mailbox-empty")).contains("还没有收到报送邮件", "gongkai portal run");
        browser.logout();

        HttpResponse<String> drafted = new Staff(app, "刘起草").submit("/items", "title=" + Staff.enc(TITLE)
                + "&category=" + Staff.enc("促消费") + "&account=hongqi&author=" + Staff.enc("红旗区商务局")
                + "&body=" + Staff.enc("全区发放消费券五百万元。\n") + "&action=submit");
        long id = Long.parseLong(drafted.headers().firstValue("Location").orElseThrow().replace("/items/", ""));
        for (String reviewer : new String[] {"张科长", "李主任", "王副局长"}) {
            browser.login(reviewer, PW);
            browser.open("/items/" + id);
            browser.submit("#approve");
            assertThat(browser.text("#flash")).contains("已同意");
            browser.logout();
        }
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);

        DeliveryReport report = app.wiring.portalRunner().run();
        assertThat(report.sent()).isEqualTo(1);

        browser.login("李主任", PW);
        browser.click("nav a[href='/portal/mailbox']");
        assertThat(browser.text("#mails")).contains(TITLE, ".docx");
        browser.click("#mails td a");
        assertThat(browser.text("#mail-files")).contains(".docx");
        assertThat(browser.find("#eml").getAttribute("href")).endsWith("/mail.eml");

        browser.open("/publishing");
        browser.click("#tab-portal");
        assertThat(browser.text("#portal-deliveries")).contains(TITLE, "已报送");
        browser.click("#portal-deliveries td a");
        browser.waitFor().until(ExpectedConditions.urlMatches("/items/" + id + "$"));
        browser.type("#adopt-url-qzfb", "https://www.hongqi.gov.cn/zwgk/xxgk/2026/art_42.html");
        browser.submit("#adopt-qzfb");
        assertThat(browser.text("#flash")).contains("已登记", "采用");
        assertThat(browser.text("#portal-status")).contains("已采用", "art_42.html", "李主任 登记");
        assertThat(app.wiring.portalDeliveries().find(id, "qzfb").orElseThrow().state())
                .isEqualTo(DeliveryState.ADOPTED);

        int year = Instant.now().atZone(ZoneId.of("Asia/Shanghai")).getYear();
        browser.open("/stats?year=" + year);
        assertThat(browser.text("#portal-totals")).contains("报送 1 篇", "采用 1 篇", "采用率 100.0%");
        assertThat(browser.text("#portal-by-category")).contains("促消费");
        assertThat(browser.policyViolations()).isEmpty();
    }
}
