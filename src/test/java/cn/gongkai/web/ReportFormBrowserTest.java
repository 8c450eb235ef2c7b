package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.report.FactsFile;
import cn.gongkai.report.ReportFacts;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 年报 form in headless Chromium: the 总计 cells add up while staff type (assets/report.js), under the CSP. */
class ReportFormBrowserTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("李主任", Role.OFFICE_DIRECTOR);
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

    private static String cell(String name) {
        return "input[data-cell=\"" + name + "\"]";
    }

    private static String value(String name) {
        return browser.find(cell(name)).getAttribute("value");
    }

    @Test
    void totalsFollowTheTypedCellsAndTheSavedFileHasTheServersSums() {
        browser.login("李主任", ConsoleFixture.PASSWORD);
        browser.open("/report?year=2030");
        browser.type("#unit", "测试局");
        browser.type(cell("t3|本年新收|0"), "3");
        browser.type(cell("t3|本年新收|1"), "2");
        browser.type(cell("t3|予以公开|0"), "2");
        browser.type(cell("t3|属于国家秘密|0"), "1");
        browser.type(cell("t4|行政复议|0"), "1");
        browser.type(cell("t4|行政复议|3"), "4");

        assertThat(value("t3|本年新收|6")).isEqualTo("5");
        assertThat(value("t3|总计|0")).isEqualTo("3");
        assertThat(value("t3|总计|6")).isEqualTo("3");
        assertThat(value("t4|行政复议|4")).isEqualTo("5");
        assertThat(browser.find(cell("t3|总计|6")).getAttribute("readonly")).isNotNull();
        browser.type(cell("t3|本年新收|1"), "x");
        assertThat(value("t3|本年新收|6")).isEmpty();
        browser.type(cell("t3|本年新收|1"), "2");
        assertThat(browser.policyViolations()).isEmpty();

        browser.submit("#save-facts");

        ReportFacts saved = FactsFile.read(app.factsDir.resolve("2030.yml"));
        assertThat(saved.unit()).isEqualTo("测试局");
        assertThat(saved.table3().get(0).get(6).text()).isEqualTo("5");
        assertThat(saved.table3().get(23).get(0).text()).isEqualTo("3");
        assertThat(saved.table4().get(0).get(4).text()).isEqualTo("5");
        assertThat(saved.opening()).isEmpty();
    }
}
