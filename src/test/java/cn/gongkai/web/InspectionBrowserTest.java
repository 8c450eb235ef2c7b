package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.inspect.HandPublisher;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 账号巡查 in real headless Chromium: reached from the menu, 立即巡查 runs it, no Content-Security-Policy complaint. */
class InspectionBrowserTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
        app = new ConsoleFixture(dir, clock);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        new HandPublisher(app.wiring.gateway(), clock).publish("hongqi", "再接再励推进年度工作",
                "<p>全体干部要<em>再接再励</em>，完成全年目标。</p>");
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
    void theOfficeDirectorOpensThePageFromTheMenuRunsItAndSeesTheFindings() {
        browser.login("李主任", ConsoleFixture.PASSWORD);
        browser.click("#nav a[href='/inspect']");
        assertThat(browser.text("#inspect-accounts")).contains("红旗商务", "从未发布（不合格）");

        browser.submit("#inspect-run");

        assertThat(browser.text("#flash")).contains("巡查完成", "红旗商务：新读取 1 篇文章", "发现问题 2 个");
        assertThat(browser.text("#inspect-accounts")).contains("红旗商务", "0 天");
        assertThat(browser.text(".inspect-findings")).contains("错别字", "再接再励推进年度工作", "改为“再接再厉”");
        assertThat(browser.find("#nav a.on").getText()).isEqualTo("账号巡查");
        assertThat(browser.policyViolations()).isEmpty();
    }
}
