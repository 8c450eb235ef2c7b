package cn.gongkai.cli;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.wechat.WxJavaGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai inspect run|report} as staff run them, against a simulator on which an article was published by
 * hand (outside gongkai).
 */
class InspectCliTest {
    static final String APP_ID = "wxinspectcli000001";
    static final String SECRET = "c1946ac92492d2347c6235b4d2611184";

    @TempDir
    Path dir;

    WeChatSimulator sim;
    Path config;

    @BeforeEach
    void start() throws IOException {
        sim = WeChatSimulator.start("127.0.0.1", 0, Clock.systemUTC());
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, """
                data-dir: %s
                sandbox: off
                accounts:
                  - id: hongqi
                    name: 红旗商务
                    app-id: %s
                    secret: ${GONGKAI_HONGQI_SECRET}
                    api-base-url: %s
                    mode: freepublish
                    cron: "0 0 10 ? * MON-FRI"
                    max-articles-per-draft: 8
                """.formatted(dir.resolve("data"), APP_ID, sim.baseUrl()), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Run gongkai(String... args) {
        return CliHarness.gongkai().withConfig(config).withEnv(Map.of("GONGKAI_HONGQI_SECRET", SECRET)).run(args);
    }

    /** Publishes one article straight through the API, as staff do in the back office. */
    private void publishByHand(String title, String html) {
        try (WxJavaGateway wx = new WxJavaGateway(List.of(anAccount().id("hongqi").name("红旗商务").appId(APP_ID)
                .secret(SECRET).apiBaseUrl(sim.baseUrl()).cron("0 0 9 * * ?").sandbox(false).build()),
                new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(3), 2, Duration.ofMillis(5)),
                Clock.systemUTC())) {
            String cover = wx.addCoverImage("hongqi", new MediaFile("c.png", "image/png", Fixtures.png(30, 20, 0)));
            String publishId = wx.submitPublish("hongqi", wx.addDraft("hongqi",
                    List.of(new DraftArticle(title, "办公室", "", html, "", cover))));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    wx.publishStatus("hongqi", publishId).state() == PublishStatus.State.SUCCESS);
        }
    }

    @Test
    void runFindsTheHandPublishedArticleAndItsWrongWordAndReportExportsTheQuarter() throws IOException {
        publishByHand("关于布署年度工作的通知", "<p>请各科室按照要求布署落实。</p>");

        Run run = gongkai("inspect", "run");
        Run again = gongkai("inspect", "run", "--account", "hongqi");
        Path xlsx = dir.resolve("out").resolve("巡查.xlsx");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String quarter = today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
        Run export = gongkai("inspect", "report", "--quarter", quarter, "--format", "xlsx", "--out", xlsx.toString());
        Run table = gongkai("inspect", "report");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("红旗商务：新读取 1 篇文章（调用 1 次 freepublish/batchget）", "0 天", "错别字 2");
        assertThat(run.out()).contains("“布署”：关于布署年度工作…", "“布署”：…按照要求布署落实。", "改为“部署”");
        assertThat(again.out()).contains("红旗商务：新读取 0 篇文章");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("已导出", "账号巡查表");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("本单位");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("红旗商务");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("错别字");
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("关于布署年度工作的通知");
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("改为“部署”");
        }
        assertThat(table.out()).contains("巡查期间：", "红旗商务", "错别字 2");
        assertThat(Files.list(xlsx.getParent())).as("no temporary file left").hasSize(1);
    }

    @Test
    void mistakesInTheCommandAreExplainedInChinese() {
        Run badQuarter = gongkai("inspect", "report", "--quarter", "2026Q7");
        Run halfRange = gongkai("inspect", "report", "--from", "2026-10-01");
        Run noOut = gongkai("inspect", "report", "--format", "xlsx");
        Run badFormat = gongkai("inspect", "report", "--format", "pdf");
        Run unknown = gongkai("inspect", "run", "--account", "nope");

        assertThat(badQuarter.code()).isEqualTo(1);
        assertThat(badQuarter.err()).contains("季度“2026Q7”写法不对");
        assertThat(halfRange.err()).contains("--from 和 --to 要一起写");
        assertThat(noOut.err()).contains("需要 --out");
        assertThat(badFormat.err()).contains("--format 只能是 table、csv 或 xlsx");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("没有编号为“nope”的公众号");
    }
}
