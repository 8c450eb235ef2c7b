package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.report.CountBy;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 统计 page's 台账 card over HTTP, as the office uses it: importing history from a file upload, reconciling the
 * year with the service's own WeChat simulator, and categorising the rows found there.
 */
class StatsLedgerPageTest {
    private static final String HEADER = "published_at,title,category,url,department,account\n";
    private static final Pattern FLASH = Pattern.compile("id=\"flash\">([^<]*)</div>");

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff director;
    private static Staff drafter;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("李主任", Role.OFFICE_DIRECTOR);
        app.user("刘起草", Role.DRAFTER);
        director = new Staff(app, "李主任");
        drafter = new Staff(app, "刘起草");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> importCsv(Staff who, String name, String csv) throws Exception {
        return who.upload("/stats/ledger/import", Map.of("year", "2022"), "file", name,
                csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The message the page shows after an action (the flash), unescaped enough to read. */
    private static String flashOn(Staff who, String page) throws Exception {
        Matcher m = FLASH.matcher(who.get(page).body());
        assertThat(m.find()).as("a message on " + page).isTrue();
        return m.group(1).replace("&ldquo;", "“").replace("&rdquo;", "”").replace("&quot;", "\"");
    }

    private static int articles(int year) {
        return app.wiring.counter().count(year, CountBy.CATEGORY).articles();
    }

    @Test
    void historyUploadedOnThePageIsImportedOnceAndABadFileAddsNothingAndNamesTheLine() throws Exception {
        String good = HEADER
                + "2022-03-01 10:00,红旗区召开促消费推进会,促消费,https://www.example.gov.cn/a/1.html,商贸流通股,hongqi\n"
                + "2022-04-02 09:30,外资企业座谈会,外资外贸,,外资外贸股,hongqi\n";

        HttpResponse<String> first = importCsv(director, "2022年发布记录.csv", good);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).isEqualTo("/stats?year=2022#ledger");
        assertThat(flashOn(director, "/stats?year=2022")).contains("已导入 2 条");
        assertThat(articles(2022)).isEqualTo(2);

        importCsv(director, "2022年发布记录.csv", good);
        assertThat(flashOn(director, "/stats?year=2022")).contains("已导入 0 条", "另有 2 条此前已导入");
        assertThat(articles(2022)).isEqualTo(2);

        importCsv(director, "补录.csv", HEADER + "2022-05-01 10:00,新的一条,招商引资,,招商股,hongqi\n"
                + "2022-13-01 10:00,日期错了,招商引资,,招商股,hongqi\n");
        String refused = flashOn(director, "/stats?year=2022");
        assertThat(refused).contains("补录.csv 第 3 行", "published_at", "整个文件未导入");
        assertThat(articles(2022)).isEqualTo(2);

        String page = director.get("/stats?year=2022").body();
        assertThat(page).contains("id=\"ledger-rows\"", "红旗区召开促消费推进会", "历史导入", "id=\"ledger-import\"");
    }

    @Test
    void aWrongFileTypeAnOversizedFileAndAStaffMemberWithoutTheRoleAreRefused() throws Exception {
        importCsv(director, "记录.xls", HEADER);
        assertThat(flashOn(director, "/stats?year=2022")).contains("不是 .csv 或 .xlsx 文件");

        byte[] huge = new byte[(int) LedgerPage.MAX_UPLOAD_BYTES + 1];
        director.upload("/stats/ledger/import", Map.of("year", "2022"), "file", "大文件.csv", huge);
        assertThat(flashOn(director, "/stats?year=2022")).contains("大文件.csv", "超过 5 MB");

        HttpResponse<String> byDrafter = importCsv(drafter, "x.csv", HEADER
                + "2021-03-01 10:00,起草人导入,促消费,,商贸流通股,hongqi\n");
        assertThat(byDrafter.statusCode()).isEqualTo(403);
        assertThat(byDrafter.body()).contains("导入历史发布记录需要以下角色之一");
        assertThat(articles(2021)).isZero();
        assertThat(drafter.get("/stats?year=2022").body()).doesNotContain("id=\"ledger-import\"",
                "id=\"ledger-reconcile\"");
    }

    @Test
    void anArticlePublishedOutsideGongkaiIsFoundByReconcilingAndCountsOnceCategorised() throws Exception {
        int year = Instant.now().atZone(ZoneId.of("Asia/Shanghai")).getYear();
        String title = "后台直接发布的通知" + System.nanoTime() % 1000;
        publishInTheBackOffice(title);

        HttpResponse<String> r = director.submit("/stats/ledger/reconcile", "year=" + year);
        assertThat(r.statusCode()).isEqualTo(302);
        String found = flashOn(director, "/stats?year=" + year);
        assertThat(found).contains("外部发布” 1 篇", title, "请在下方列表中选择分类");
        LedgerEntry row = app.wiring.database().ledger().between(app.wiring.counter().startOf(year),
                app.wiring.counter().startOf(year + 1)).stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow();
        assertThat(row.source()).isEqualTo(LedgerSource.EXTERNAL);
        String page = director.get("/stats?year=" + year).body();
        assertThat(page).contains("id=\"ledger-pending\">1<", "action=\"/stats/ledger/" + row.id() + "/category\"",
                "（待归类）");

        director.submit("/stats/ledger/reconcile", "year=" + year);
        assertThat(flashOn(director, "/stats?year=" + year)).contains("两边一致 1 篇").doesNotContain("外部发布”");

        director.submit("/stats/ledger/" + row.id() + "/category", "year=" + year + "&category=");
        assertThat(flashOn(director, "/stats?year=" + year)).contains("请为", "选择一个分类");
        director.submit("/stats/ledger/" + row.id() + "/category", "year=" + year + "&category=" + Staff.enc("招商引资"));
        assertThat(flashOn(director, "/stats?year=" + year)).contains("已归入“招商引资”");
        Map<String, Integer> byCategory = app.wiring.counter().count(year, CountBy.CATEGORY).groups();
        assertThat(byCategory).containsEntry("招商引资", 1).doesNotContainKey("外部发布");
        assertThat(director.get("/stats?year=" + year).body()).doesNotContain("id=\"ledger-pending\"");
    }

    @Test
    void aRowGongkaiPublishedKeepsTheCategoryOfItsItem() throws Exception {
        Instant at = Instant.parse("2020-06-01T02:00:00Z");
        long item = Fixtures.approved(app.wiring.database(), Fixtures.content("本系统发布的稿件", "促消费", List.of()), at)
                .id();
        app.wiring.database().ledger().record(new LedgerEntry(0, item, "hongqi", "freepublish", "p1", "a1", 1,
                "https://mp.weixin.qq.com/s/x", "本系统发布的稿件", "促消费", "商贸流通股", at, LedgerSource.GONGKAI, null,
                null, null));
        long id = app.wiring.database().ledger().between(at, at.plusSeconds(1)).get(0).id();

        director.submit("/stats/ledger/" + id + "/category", "year=2020&category=" + Staff.enc("招商引资"));

        assertThat(flashOn(director, "/stats?year=2020")).contains("本系统发布的稿件", "分类随稿件");
        assertThat(app.wiring.database().ledger().find(id).orElseThrow().category()).isEqualTo("促消费");
        assertThat(director.submit("/stats/ledger/999999/category", "year=2020&category=" + Staff.enc("招商引资"))
                .statusCode()).isEqualTo(404);
    }

    /** What a staff member does in the WeChat back office: an article published without gongkai. */
    private static void publishInTheBackOffice(String title) throws Exception {
        WeChatGateway wechat = app.wiring.gateway();
        String cover = wechat.addCoverImage("hongqi", new MediaFile("cover.png", "image/png",
                Fixtures.png(300, 200, 0x993333)));
        String draft = wechat.addDraft("hongqi", List.of(new DraftArticle(title, "红旗区商务局", "摘要",
                "<p>正文</p>", null, cover, null, null)));
        wechat.submitPublish("hongqi", draft);
        await("the simulator published " + title).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> wechat.listPublished("hongqi", 0, 20).stream().anyMatch(p -> p.firstTitle().equals(title)));
    }
}
