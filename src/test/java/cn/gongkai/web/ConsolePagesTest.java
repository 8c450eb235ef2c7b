package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.ItemBuilder;
import cn.gongkai.testsupport.Multipart;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's pages and actions over HTTP: every page renders, the diff, the preview, the report, the roles. */
class ConsolePagesTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff admin;
    private static Staff drafter;
    private static Staff deptLeader;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("管理员", Role.ADMIN);
        app.user("刘起草", Role.DRAFTER);
        app.user("张科长", Role.DEPT_LEADER);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        admin = new Staff(app, "管理员");
        drafter = new Staff(app, "刘起草");
        deptLeader = new Staff(app, "张科长");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long draft(String title, String body) throws Exception {
        HttpResponse<String> r = drafter.submit("/items", "title=" + Staff.enc(title) + "&category="
                + Staff.enc("促消费") + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&body=" + Staff.enc(body)
                + "&note_term=" + Staff.enc("以旧换新") + "&note_text=" + Staff.enc("交回旧商品、购买新商品时享受补贴。")
                + "&action=submit");
        assertThat(r.statusCode()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/items/", ""));
    }

    /** The content hash the 同意 form on the item page carries, as the reviewer's browser would send it. */
    private static String formHash(Staff reviewer, long id) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"contentHash\" value=\"([0-9a-f]{64})\"")
                .matcher(reviewer.get("/items/" + id).body());
        assertThat(m.find()).as("the review form carries the content hash").isTrue();
        return m.group(1);
    }

    @Test
    void everyMainPageRendersInChineseForAnAdministrator() throws Exception {
        String[][] pages = {{"/", "待办"}, {"/items", "稿件"}, {"/items/new", "新建稿件"}, {"/review", "审核顺序"},
                {"/schedule", "排期"}, {"/publishing", "发布记录"}, {"/stats", "发布统计"}, {"/report", "事实文件"},
                {"/system", "添加用户"}};
        for (String[] p : pages) {
            HttpResponse<String> r = admin.get(p[0]);
            assertThat(r.statusCode()).as(p[0]).isEqualTo(200);
            assertThat(r.body()).as(p[0]).contains(p[1], "沙箱模式");
        }
    }

    @Test
    void theItemListSearchesTitleAndBodyAndFiltersByStatusAndMonth() throws Exception {
        long byTitle = draft("搜索用标题甲乙丙", "普通正文。\n");
        long byBody = draft("另一篇稿件", "正文里有搜索用标题甲乙丙这几个字，完成率 100%。\n");
        long other = draft("无关稿件", "什么都没有。\n");

        String found = drafter.get("/items?q=" + Staff.enc("搜索用标题甲乙丙")).body();
        assertThat(found).contains("href=\"/items/" + byTitle + "\"", "href=\"/items/" + byBody + "\"")
                .doesNotContain("href=\"/items/" + other + "\"");
        assertThat(drafter.get("/items?q=" + Staff.enc("100%")).body()).contains("href=\"/items/" + byBody + "\"")
                .doesNotContain("href=\"/items/" + byTitle + "\"");
        assertThat(drafter.get("/items?status=APPROVED&q=" + Staff.enc("搜索用标题甲乙丙")).body())
                .doesNotContain("href=\"/items/" + byTitle + "\"");
        assertThat(drafter.get("/items?month=2000-01&q=" + Staff.enc("搜索用标题甲乙丙")).body())
                .doesNotContain("href=\"/items/" + byTitle + "\"");
    }

    @Test
    void theReviewerSeesWhatChangedSinceTheLastApprovedVersion() throws Exception {
        long id = draft("家电以旧换新活动启动", "活动从三月开始。\n\n欢迎市民参加。\n");
        HttpResponse<String> approve = deptLeader.submit("/items/" + id + "/approve", "contentHash="
                + formHash(deptLeader, id) + "&comment=" + Staff.enc("同意"));
        assertThat(approve.statusCode()).isEqualTo(302);
        DisclosureItem item = app.wiring.database().items().find(id).orElseThrow();
        ItemContent c = item.content();
        ItemContent edited = ItemBuilder.from(c).body("活动从四月开始。\n\n欢迎市民参加。\n").digest("")
                .headingNumbers(null).important(false).build();
        app.wiring.review().update(id, edited, "刘起草", "测试");

        String page = deptLeader.get("/items/" + id).body();

        assertThat(page).contains("与上次审定的版本", "张科长 同意");
        assertThat(page).contains("<div class=\"removed\">- 活动从三月开始。</div>",
                "<div class=\"added\">+ 活动从四月开始。</div>", "<div class=\"same\">  欢迎市民参加。</div>");
        assertThat(page).contains("id=\"approve\"");
    }

    @Test
    void aReviewersLoadedApprovalIsRefusedWhenTheDrafterChangedTheTextMeanwhile() throws Exception {
        long id = draft("促消费券发放通知", "消费券每张五十元。\n");
        String seen = formHash(deptLeader, id);
        DisclosureItem item = app.wiring.database().items().find(id).orElseThrow();
        ItemContent c = item.content();
        app.wiring.review().update(id, ItemBuilder.from(c).body("消费券每张五百元。\n").digest("").headingNumbers(null)
                .important(false).build(), "刘起草", "测试");
        String current = app.wiring.database().items().find(id).orElseThrow().contentHash();

        HttpResponse<String> approve = deptLeader.submit("/items/" + id + "/approve", "contentHash=" + seen
                + "&comment=" + Staff.enc("同意"));
        String told = deptLeader.get("/").body();
        HttpResponse<String> noHash = deptLeader.submit("/items/" + id + "/approve", "comment=" + Staff.enc("同意"));

        assertThat(approve.statusCode()).isEqualTo(302);
        assertThat(told).contains(seen, current, "被修改过");
        assertThat(noHash.statusCode()).isEqualTo(302);
        assertThat(app.wiring.database().audit().history(id)).extracting(e -> e.decision())
                .doesNotContain("APPROVE");
        assertThat(app.wiring.review().currentStep(app.wiring.database().items().find(id).orElseThrow())).isZero();
        assertThat(deptLeader.get("/items/" + id).body()).contains("value=\"" + current + "\"");
        assertThat(formHash(deptLeader, id)).isEqualTo(current).isNotEqualTo(seen);
    }

    @Test
    void nobodyApprovesTheirOwnItemAndTheWrongRoleSeesWhoseTurnItIs() throws Exception {
        long id = draft("外资外贸政策宣讲会举行", "宣讲会在区政务中心举行。\n");

        // the reasons are ReviewService's own (issue 15: one home for "may this user review this step"), which names
        // the missing role before the own-item rule
        assertThat(drafter.get("/items/" + id).body()).contains("当前步骤需要业务部门分管领导审核，刘起草")
                .doesNotContain("id=\"approve\"");
        assertThat(new Staff(app, "李主任").get("/items/" + id).body()).contains("当前步骤需要业务部门分管领导")
                .doesNotContain("id=\"approve\"");
        HttpResponse<String> r = drafter.submit("/items/" + id + "/approve", "contentHash="
                + app.wiring.database().items().find(id).orElseThrow().contentHash() + "&comment=ok");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(drafter.get("/").body()).contains("当前步骤需要业务部门分管领导");
    }

    @Test
    void aRejectionNeedsAReasonAndShowsItToTheDrafter() throws Exception {
        long id = draft("商贸流通统计数据发布", "一季度社会消费品零售总额增长。\n");

        deptLeader.submit("/items/" + id + "/reject", "comment=");
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.IN_REVIEW);
        deptLeader.submit("/items/" + id + "/reject", "comment=" + Staff.enc("请补充具体数字"));

        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(drafter.get("/").body()).contains("请补充具体数字");
    }

    @Test
    void thePreviewRouteRendersTheWeChatArticleAndListsTheChecks() throws Exception {
        HttpResponse<String> r = drafter.submit("/preview", "title=" + Staff.enc("预览测试") + "&category="
                + Staff.enc("促消费") + "&account=hongqi&body=" + Staff.enc("联系电话 13812345678。以旧换新。")
                + "&note_term=" + Staff.enc("以旧换新") + "&note_text=" + Staff.enc("一种促消费方式。"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("名词解释", "手机号");
        assertThat(app.wiring.database().items().list(null)).noneMatch(i -> i.title().equals("预览测试"));
    }

    @Test
    void thePreviewIsDrawnBeforeACategoryIsChosenAndSaysToChooseOne() throws Exception {
        HttpResponse<String> r = drafter.submit("/preview", "title=" + Staff.enc("还没选分类") + "&category="
                + "&account=hongqi&body=" + Staff.enc("正文已经写好。"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("正文已经写好", "请选择分类");
    }

    @Test
    void anUploadThatIsNotAnImageIsRefusedAndAnImageIsStoredByItsHash() throws Exception {
        byte[] png = Fixtures.png(300, 200, 0x336699);
        String sha = cn.gongkai.item.ContentHash.sha256(png);
        assertThat(upload("notes.txt", "hello".getBytes()).statusCode()).isEqualTo(415);
        HttpResponse<String> ok = upload("现场 照片(1).png", png);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains(sha, "现场-照片-1-.png");
        assertThat(admin.bytes("/images/" + sha).body()).isEqualTo(png);
    }

    @Test
    void anUploadDeclaringMoreThan50MegapixelsIsRefusedNamingItsSizeAndNothingIsStored() throws Exception {
        byte[] png = cn.gongkai.testsupport.DeclaredImages.png(16000, 16000);
        String sha = cn.gongkai.item.ContentHash.sha256(png);

        HttpResponse<String> r = upload("poster.png", png);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("16000×16000", "5000 万像素");
        assertThat(app.wiring.database().images().get(sha)).isEmpty();
    }

    private static HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
        return drafter.multipart("/uploads", Multipart.form().file("file", name, bytes).build());
    }

    @Test
    void theReportPageSavesTheFactsChecksThemAndOffersWordOnlyWithoutErrors() throws Exception {
        String example = Files.readString(Path.of("config/report/example.yml")).replace("年度: 2023", "年度: 2025")
                .replace("发布日期: 2024-01-20", "发布日期: 2026-01-20")
                .replace("统计期限: [2023-01-01, 2023-12-31]", "统计期限: [2025-01-01, 2025-12-31]");
        assertThat(drafter.submit("/report", "year=2025&mode=yaml&facts=" + Staff.enc(example)).statusCode())
                .isEqualTo(403);

        HttpResponse<String> saved = admin.submit("/report", "year=2025&mode=yaml&facts=" + Staff.enc(example));
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = admin.get("/report?year=2025").body();
        assertThat(page).contains("V1 通过", "V12", "下载 Word", "name=\"unit\" value=\"红旗区商务局\"",
                "一、本年新收政府信息公开申请数量");
        HttpResponse<byte[]> docx = admin.bytes("/report/download?year=2025&format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(new String(docx.body(), 0, 2)).isEqualTo("PK");

        admin.submit("/report", "year=2025&mode=yaml&facts=" + Staff.enc(example.replace("年度: 2025", "年度: 2024")));
        assertThat(admin.get("/report?year=2025").body()).contains("V12 错误").doesNotContain("下载 Word");
        assertThat(admin.bytes("/report/download?year=2025&format=docx").statusCode()).isEqualTo(302);

        admin.submit("/report", "year=2025&mode=form&unit=" + Staff.enc("红旗区商务局") + "&published_on=2026-01-20"
                + "&" + Staff.enc("t3|本年新收|0") + "=1");
        String form = admin.get("/report?year=2025").body();
        assertThat(form).contains("V6 错误", "本年新收").contains("V1 错误");
        assertThat(Files.readString(app.factsDir.resolve("2025.yml"))).contains("单位: 红旗区商务局", "年度: 2025");
    }

    @Test
    void theRestApiAcceptsTheLoginSessionButAChangeStillNeedsTheCsrfToken() throws Exception {
        long id = draft("招商引资项目签约", "签约仪式在区政府举行。\n");

        HttpResponse<String> me = deptLeader.get("/api/me");
        HttpResponse<String> forged = deptLeader.post("/api/items/" + id + "/approve", "");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("张科长");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(app.wiring.review().currentStep(app.wiring.database().items().find(id).orElseThrow())).isZero();
    }

    @Test
    void theLedgerExportsDownloadAsExcelAndCsv() throws Exception {
        HttpResponse<byte[]> xlsx = admin.bytes("/stats/ledger.xlsx?year=2026");
        HttpResponse<byte[]> csv = admin.bytes("/stats/ledger.csv?year=2026");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("发布时间", "标题");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
    }

    @Test
    void onlyAnAdministratorAddsUsersAndOnlyPublishersPublishNow() throws Exception {
        drafter.submit("/system/users", "name=x&role=admin&password=12345678abc&password2=12345678abc");
        HttpResponse<String> publish = drafter.submit("/publishing/run", "account=hongqi");

        assertThat(app.wiring.users().find("x")).isEmpty();
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(publish.body()).contains("立即发布需要以下角色之一");
        assertThat(drafter.get("/system").body()).doesNotContain("id=\"add-user\"").contains("修改我的密码");
        assertThat(List.of(admin.get("/publishing").body())).allMatch(b -> b.contains("立即发布到期稿件"));
    }

    @Test
    void aFormWithProblemsComesBackWithWhatWasTypedAndTheProblems() throws Exception {
        HttpResponse<String> r = drafter.submit("/items", "title=&category=" + Staff.enc("促消费")
                + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&doc_no=" + Staff.enc("红商〔2024〕3号")
                + "&important=true&body=" + Staff.enc("表单正文一段。") + "&note_term=" + Staff.enc("以旧换新")
                + "&note_text=" + Staff.enc("交回旧商品。") + "&action=draft");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"problems\"", "标题", "value=\"红旗区商务局\"", "value=\"红商〔2024〕3号\"",
                "value=\"以旧换新\"", "value=\"交回旧商品。\"", "表单正文一段。", "value=\"true\" checked");
    }

    @Test
    void aNewItemHasNoCategoryUntilOneIsChosenAndAFormWithoutOneIsRefused() throws Exception {
        String page = drafter.get("/items/new").body();

        assertThat(page).contains("<select name=\"category\" id=\"category\" required><option value=\"\" selected>"
                + "请选择分类</option>").doesNotContain("<option selected>招商引资");
        HttpResponse<String> r = drafter.submit("/items", "title=" + Staff.enc("忘了选分类的稿件") + "&category="
                + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&body=" + Staff.enc("正文。")
                + "&action=draft");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"problems\"", "分类", "<option value=\"\" selected>请选择分类</option>");
    }

    @Test
    void anApiWithoutADailyLimitShowsAsUnlimitedNotAsAHugeRedNumber() throws Exception {
        app.wiring.callBudget().spend("hongqi", "message/custom/send");

        String page = admin.get("/system").body();

        assertThat(page).contains("<td title=\"微信接口 message/custom/send\">message/custom/send</td><td>1</td><td>不限</td><td>不限</td>")
                .doesNotContain(String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void anUnknownAddressIsAChineseNotFoundPageAndAnUnknownApiPathAProblem() throws Exception {
        HttpResponse<String> page = admin.get("/no-such-page");
        HttpResponse<String> api = admin.get("/api/no-such-thing");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("找不到", "/no-such-page", "返回待办").doesNotContain("Endpoint", "not found");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("找不到").doesNotContain("Endpoint");
    }

    @Test
    void aDrafterSeesTheTabsAndSystemDetailsOfTheirWorkOnly() throws Exception {
        String drafterHome = drafter.get("/").body();
        String drafterSystem = drafter.get("/system").body();
        String adminHome = admin.get("/").body();
        String adminSystem = admin.get("/system").body();

        assertThat(drafterHome).contains("<a href=\"/items/new\"", "<a href=\"/stats\"")
                .doesNotContain("<a href=\"/review\"", "<a href=\"/publishing\"", "<a href=\"/report\"");
        assertThat(adminHome).contains("<a href=\"/review\"", "<a href=\"/publishing\"", "<a href=\"/report\"");
        assertThat(drafterSystem).doesNotContain("jdbc:", "配置文件", "模板目录", "检查连接").contains("正常");
        assertThat(adminSystem).contains("jdbc:", "配置文件", "模板目录", "检查连接");
    }

    @Test
    void theEditFormShowsTheStoredItem() throws Exception {
        long id = draft("编辑页显示的稿件", "编辑页的正文。\n");

        String page = drafter.get("/items/" + id + "/edit").body();

        assertThat(page).contains("修改稿件 " + id, "value=\"编辑页显示的稿件\"", "编辑页的正文。", "value=\"以旧换新\"",
                "value=\"红旗区商务局\"", "重新审核");
    }

    @Test
    void theScheduleShowsPlannedItemsOnTheirDayAndApprovedOnesWithoutATimeAsWaiting() throws Exception {
        java.time.Instant at = java.time.LocalDate.of(2031, 5, 14).atTime(9, 30)
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        var items = app.wiring.database().items();
        items.insert(ItemBuilder.anItem().title("排期里的计划稿件").publishAt(at).build(), ItemStatus.APPROVED, null,
                java.time.Instant.now());
        items.insert(ItemBuilder.anItem().title("排期里等待的稿件").build(), ItemStatus.APPROVED, null,
                java.time.Instant.now());

        String may = admin.get("/schedule?month=2031-05").body();
        String june = admin.get("/schedule?month=2031-06&account=hongqi").body();

        assertThat(may).contains("2031 年 5 月", "09:30", "排期里的计划稿件", "id=\"waiting\"", "排期里等待的稿件");
        assertThat(june).contains("2031 年 6 月", "排期里等待的稿件").doesNotContain("排期里的计划稿件");
        assertThat(admin.get("/publishing").body()).contains("立即发布到期稿件");
    }

    @Test
    void theConnectionCheckShowsEachStepOnTheSystemPage() throws Exception {
        HttpResponse<String> r = new Staff(app, "李主任").submit("/system/probe", "account=hongqi");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"probe\"", "连接检查：");
    }
}
