package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.inspect.HandPublisher;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 账号巡查 in the console of the sandbox: an article published by hand on the simulator is found by 立即巡查 with its
 * 错别字; the office runs it, the principal leader reads it, a drafter sees neither the page nor the menu entry.
 */
class InspectionPageTest {
    @TempDir
    static Path dir;

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    private static ConsoleFixture app;
    private Staff director;
    private Staff principal;
    private Staff drafter;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, CLOCK,
                "jdbc:h2:mem:inspect" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        app.user("王主任", Role.OFFICE_DIRECTOR);
        app.user("赵局长", Role.PRINCIPAL_LEADER);
        app.user("刘起草", Role.DRAFTER);
        new HandPublisher(app.wiring.gateway(), CLOCK).publish("hongqi", "关于布署年度工作的通知",
                "<p>请各科室按要求布署落实。</p>");
    }

    /** Fresh logins for each test: a test that moves the clock on two weeks ends the sessions it saw. */
    @BeforeEach
    void logIn() throws Exception {
        director = new Staff(app, "王主任");
        principal = new Staff(app, "赵局长");
        drafter = new Staff(app, "刘起草");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theOfficeRunsTheInspectionAndSeesTheHandPublishedArticlesWrongWordAndTheIdleDays() throws Exception {
        String before = director.get("/inspect").body();
        assertThat(before).contains("id=\"inspect-run\"", "从未", "href=\"/inspect\"", "账号巡查");

        HttpResponse<String> run = director.submit("/inspect/run", "");
        String after = director.get("/inspect").body();

        assertThat(run.statusCode()).isEqualTo(303);
        assertThat(after).contains("巡查完成", "红旗商务：新读取 1 篇文章（调用 1 次 freepublish/batchget），发现问题 2 个", "0 天", "错别字",
                "关于布署年度工作的通知", "“布署”：…室按要求布署落实。", "“布署”：关于布署年度工作…", "改为“部署”", "href=\"https://mp.weixin.qq.com/s/");

        Instant now = CLOCK.instant();
        try {
            CLOCK.advance(Duration.ofDays(10));
            assertThat(new Staff(app, "王主任").get("/inspect").body())
                    .contains("<span class=\"warn\">10 天（提醒）</span>");
            CLOCK.advance(Duration.ofDays(4));
            assertThat(new Staff(app, "王主任").get("/inspect").body())
                    .contains("<b class=\"err\">14 天（不合格）</b>");
        } finally {
            CLOCK.set(now);
        }
    }

    @Test
    void theQuarterlyExportIsDownloadedAsAWorkbook() throws Exception {
        HttpResponse<byte[]> xlsx = director.bytes("/inspect/export.xlsx?quarter=2026Q4");
        HttpResponse<String> wrong = director.get("/inspect/export.xlsx?quarter=2026Q9");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row head = wb.getSheetAt(0).getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("单位");
            assertThat(head.getCell(9).getStringCellValue()).isEqualTo("建议");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).as("the facts file's unit")
                    .isEqualTo("红旗区商务局");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("红旗商务");
        }
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("写法不对");
    }

    @Test
    void thePrincipalLeaderReadsButCannotRunAndADrafterSeesNothing() throws Exception {
        String read = principal.get("/inspect").body();
        assertThat(read).contains("id=\"inspect-accounts\"").doesNotContain("id=\"inspect-run\"");
        assertThat(principal.submit("/inspect/run", "").statusCode()).isEqualTo(403);

        assertThat(drafter.get("/").body()).doesNotContain("href=\"/inspect\"");
        assertThat(drafter.get("/inspect").statusCode()).isEqualTo(403);
        assertThat(drafter.submit("/inspect/run", "").statusCode()).isEqualTo(403);
        assertThat(drafter.get("/inspect/export.xlsx").statusCode()).isEqualTo(403);
    }

    @Test
    void aRunWithoutTheFormsSecurityCodeIsRefused() throws Exception {
        HttpResponse<String> r = director.post("/inspect/run", "");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("安全校验失败");
    }
}
