package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import cn.gongkai.testsupport.CliHarness.Run;
import cn.gongkai.testsupport.CliHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it, in-process, on a temporary data directory with the sandbox simulator. */
class CliTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, """
                data-dir: %s
                review:
                  chain: []
                """.formatted(dir.resolve("data")), StandardCharsets.UTF_8);
    }

    private Run run(String... args) {
        return runWithInput("", args);
    }

    private Run runWithInput(String stdin, String... args) {
        CliHarness cli = CliHarness.gongkai().withStdin(stdin);
        return (args[0].equals("demo") ? cli : cli.withConfig(config)).run(args);
    }

    private Path sample(String name) {
        Path samples = dir.resolve("samples");
        if (!Files.isDirectory(samples)) {
            Bundled.extract("samples", samples);
        }
        return samples.resolve(name);
    }

    @Test
    void demoPrintsACountTableWhoseTotalEqualsTheNumberOfSampleItems() {
        long samples = Bundled.index("samples").stream().filter(f -> f.endsWith(".md")).count();

        Run r = run("demo", "--dir", dir.resolve("demo").toString());

        assertThat(r.code()).as(r.err()).isZero();
        String total = r.out().lines().filter(l -> l.startsWith("合计")).findFirst().orElseThrow();
        assertThat(total.replaceAll("\\D", "")).isEqualTo(String.valueOf(samples));
        assertThat(r.out()).contains("招商引资", "外资外贸", "商贸流通", "促消费");
        assertThat(r.out()).contains("模拟器记录：已发布文章 " + samples + " 篇");
    }

    @Test
    void importPrintsTheNewIdsOnePerLine() {
        Run r = run("item", "import", sample("01-zhaoshang-tuijinhui.md").toString(),
                sample("02-zhaoshang-qianyue.md").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("1", "2");
    }

    @Test
    void runningPublishTwiceOnTheSameDataPublishesNothingTheSecondTime() {
        assertThat(run("item", "import", sample("04-waimao-kuajing.md").toString()).code()).isZero();

        Run first = run("publish", "run");
        Run second = run("publish", "run");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("发布文章 1 篇");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("处理批次 0 个，发布文章 0 篇");
        Run list = run("item", "list", "--status", "PUBLISHED");
        assertThat(list.out()).contains("我区举办跨境电商业务培训会");
        Run status = run("publish", "status");
        assertThat(status.out()).contains("已发布");
    }

    @Test
    void countsAsJsonHaveTheDocumentedShape() throws IOException {
        run("item", "import", sample("08-xiaofei-yijiuhuanxin.md").toString(),
                sample("09-xiaofei-yeshi.md").toString());
        run("publish", "run");
        int year = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

        Run r = run("counts", "--year", String.valueOf(year), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("year").asInt()).isEqualTo(year);
        assertThat(json.get("articles").asInt()).isEqualTo(2);
        assertThat(json.get("pushes").asInt()).isEqualTo(1);
        assertThat(json.get("by").get("促消费").asInt()).isEqualTo(2);
    }

    @Test
    void aBadItemFileExitsWithCodeOneAndNamesTheProblem() throws IOException {
        Path bad = dir.resolve("bad.md");
        Files.writeString(bad, "---\ntitle: 测试\ncategory: 不存在的分类\n---\n正文\n", StandardCharsets.UTF_8);

        Run r = run("item", "import", bad.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.md:3", "[category]", "不存在的分类", "未导入任何稿件");
        assertThat(run("item", "list").out()).doesNotContain("测试");
    }

    @Test
    void aConfigurationErrorExitsWithCodeTwoAndNamesTheKey() throws IOException {
        Files.writeString(config, "web:\n  port: 70000\n", StandardCharsets.UTF_8);

        Run r = run("item", "list");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("web.port", "70000");
    }

    private void addUser(String name, String role) {
        Run r = runWithInput("correct-horse-1\n", "user", "add", name, "--role", role);
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** The first 8 hex digits of the content hash {@code item show} prints, as a reviewer would copy them. */
    private String shownHash(long id) {
        Run show = run("item", "show", String.valueOf(id));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("内容指纹：([0-9a-f]{64})").matcher(show.out());
        assertThat(m.find()).as(show.out()).isTrue();
        return m.group(1).substring(0, 8);
    }

    private void addReviewers() {
        addUser("刘科员", "drafter");
        addUser("张科长", "dept-leader");
        addUser("李主任", "office-director");
        addUser("王副局长", "office-leader");
    }

    @Test
    void reviewCommandsMoveAnItemThroughTheChain() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);
        addReviewers();
        run("item", "import", "--as", "刘科员", sample("05-waimao-jinchukou.md").toString());

        String hash = shownHash(1);
        Run own = run("review", "approve", "1", "--as", "刘科员", "--hash", hash);
        assertThat(own.code()).isEqualTo(1);
        assertThat(own.err()).contains("当前步骤需要业务部门分管领导");
        Run wrongRole = run("review", "approve", "1", "--as", "李主任", "--hash", hash);
        assertThat(wrongRole.code()).isEqualTo(1);
        assertThat(wrongRole.err()).contains("李主任 的角色是办公室主任");
        Run unknown = run("review", "approve", "1", "--as", "路人甲", "--hash", hash);
        assertThat(unknown.err()).contains("用户“路人甲”不存在");

        assertThat(run("review", "approve", "1", "--as", "张科长", "--hash", hash).out()).contains("等待办公室主任审核");
        assertThat(run("review", "approve", "1", "--as", "李主任", "--hash", hash).out())
                .contains("等待办公室分管领导审核");
        assertThat(run("review", "approve", "1", "--as", "王副局长", "--hash", hash).out()).contains("已审定待发布");
    }

    @Test
    void anImportantItemIsToldToWaitForThePrincipalLeaderAfterTheLastStepOfTheChain() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);
        addReviewers();
        addUser("赵局长", "principal-leader");
        Path file = sample("05-waimao-jinchukou.md");
        Path important = file.resolveSibling("05-important.md");
        Files.writeString(important, Files.readString(file).replaceFirst("\n---\n", "\nimportant: true\n---\n"),
                StandardCharsets.UTF_8);
        assertThat(run("item", "import", "--as", "刘科员", important.toString()).code()).isZero();
        String hash = shownHash(1);
        run("review", "approve", "1", "--as", "张科长", "--hash", hash);
        run("review", "approve", "1", "--as", "李主任", "--hash", hash);

        Run third = run("review", "approve", "1", "--as", "王副局长", "--hash", hash);

        assertThat(third.code()).as(third.err()).isZero();
        assertThat(third.out()).contains("等待主要领导审核");
    }

    @Test
    void anApprovalNamingTheHashOfATextTheDrafterChangedSinceIsRefused() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);
        addReviewers();
        Path file = sample("05-waimao-jinchukou.md");
        run("item", "import", "--as", "刘科员", file.toString());
        String seen = shownHash(1);
        Path edited = file.resolveSibling("05-edited.md");
        Files.writeString(edited, Files.readString(file).replace("进出口", "进出口贸易"), StandardCharsets.UTF_8);
        assertThat(run("item", "update", "1", edited.toString(), "--as", "刘科员").code()).isZero();

        Run stale = run("review", "approve", "1", "--as", "张科长", "--hash", seen);
        Run missing = run("review", "approve", "1", "--as", "张科长");
        Run tooShort = run("review", "approve", "1", "--as", "张科长", "--hash", shownHash(1).substring(0, 7));

        assertThat(stale.code()).isEqualTo(1);
        assertThat(stale.err()).contains(seen, shownHash(1), "gongkai item show 1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("--hash", "gongkai item show 1");
        assertThat(tooShort.code()).isEqualTo(1);
        assertThat(tooShort.err()).contains("至少 8 位");
        assertThat(run("item", "show", "1").out()).doesNotContain("张科长");
        assertThat(run("review", "approve", "1", "--as", "张科长", "--hash", shownHash(1)).out())
                .contains("等待办公室主任审核");
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndListShowsTheRole() {
        addUser("张科长", "dept-leader");

        Run list = run("user", "list");
        assertThat(list.out()).contains("张科长", "业务部门分管领导", "dept-leader").doesNotContain("correct-horse");
        Run duplicate = runWithInput("correct-horse-1\n", "user", "add", "张科长", "--role", "admin");
        assertThat(duplicate.code()).isEqualTo(1);
        assertThat(duplicate.err()).contains("已存在");
        Run shortPassword = runWithInput("short\n", "user", "add", "李主任", "--role", "office-director");
        assertThat(shortPassword.code()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("密码至少 10 个字符");
        Run badRole = runWithInput("correct-horse-1\n", "user", "add", "某人", "--role", "boss");
        assertThat(badRole.err()).contains("未知的角色“boss”");
        Run token = run("user", "token", "张科长");
        assertThat(token.code()).isZero();
        assertThat(token.out().strip()).startsWith("gk_").hasSizeGreaterThan(40);
    }

    @Test
    void userDisableEnableAndTokenRevokeWorkFromTheCommandLine() {
        addUser("张科长", "dept-leader");
        String first = run("user", "token", "张科长").out().strip();
        Run second = run("user", "token", "张科长");
        String secondId = cn.gongkai.review.Users.tokenId(second.out().strip());
        assertThat(second.err()).contains("编号 " + secondId, "--revoke " + secondId);

        Run list = run("user", "token", "张科长", "--list");
        assertThat(list.out()).contains(cn.gongkai.review.Users.tokenId(first), secondId, "从未使用")
                .doesNotContain(first);
        Run one = run("user", "token", "张科长", "--revoke", secondId.substring(0, 8));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(run("user", "token", "张科长", "--list").out()).doesNotContain(secondId)
                .contains(cn.gongkai.review.Users.tokenId(first));
        Run all = run("user", "token", "张科长", "--revoke");
        assertThat(all.out()).contains("全部接口令牌（1 个）");

        Run disable = run("user", "disable", "张科长");
        assertThat(disable.code()).isZero();
        assertThat(disable.out()).contains("已停用用户 张科长");
        assertThat(run("user", "list").out()).contains("已停用");
        assertThat(run("user", "token", "张科长").err()).contains("已停用");
        Run enable = run("user", "enable", "张科长");
        assertThat(enable.out()).contains("已启用用户 张科长");
        assertThat(run("user", "disable", "路人甲").err()).contains("用户“路人甲”不存在");
    }

    @Test
    void userPasswdRefusesAWeakPasswordAndNamesTheRule() {
        addUser("张科长", "dept-leader");

        Run weak = runWithInput("1111111111\n", "user", "passwd", "张科长");
        Run ok = runWithInput("new-password-Tea-9\n", "user", "passwd", "张科长");

        assertThat(weak.code()).isEqualTo(1);
        assertThat(weak.err()).contains("简单重复");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("接口令牌已失效");
    }

    @Test
    void itemShowPrintsTheHistoryAndAnUpdateSendsTheItemBackToReview() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);
        addReviewers();
        Path file = sample("05-waimao-jinchukou.md");
        run("item", "import", "--as", "刘科员", file.toString());
        run("review", "approve", "1", "--as", "张科长", "--hash", shownHash(1), "--comment", "同意");
        Path edited = file.resolveSibling("05-edited.md");
        Files.writeString(edited, Files.readString(file).replace("进出口", "进出口贸易"), StandardCharsets.UTF_8);

        Run update = run("item", "update", "1", edited.toString(), "--as", "刘科员");
        assertThat(update.code()).as(update.err()).isZero();
        assertThat(update.out()).contains("等待业务部门分管领导审核");

        Run show = run("item", "show", "1");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("审核记录", "刘科员", "张科长", "提交审核", "修改", "同意", "重新进入审核",
                "公开时限", "内容指纹", "检查结果");
        assertThat(run("review", "approve", "1", "--as", "李主任", "--hash", shownHash(1)).err())
                .contains("需要业务部门分管领导");
    }

    @Test
    void aRepeatedApprovalReschedulingAndDeletingFromTheCommandLine() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);
        addReviewers();
        run("item", "import", "--as", "刘科员", sample("05-waimao-jinchukou.md").toString(),
                sample("01-zhaoshang-tuijinhui.md").toString());
        String hash = shownHash(1);
        run("review", "approve", "1", "--as", "张科长", "--hash", hash);
        Run again = run("review", "approve", "1", "--as", "张科长", "--hash", hash);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("已同意，无需重复操作");
        run("review", "approve", "1", "--as", "李主任", "--hash", hash);
        run("review", "approve", "1", "--as", "王副局长", "--hash", hash);

        Run moved = run("item", "reschedule", "1", "--at", "2030-01-02 09:00", "--as", "刘科员", "--reason", "推迟");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("已调整发布时间：已审定待发布");
        assertThat(run("item", "show", "1").out()).contains("2030-01-02 09:00", "调整发布时间", "推迟");
        Run deleteApproved = run("item", "delete", "1", "--as", "刘科员");
        assertThat(deleteApproved.code()).isEqualTo(1);
        assertThat(deleteApproved.err()).contains("已审定待发布").contains("不能删除");
        Run deleted = run("item", "delete", "2", "--as", "刘科员", "--reason", "重复提交");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("稿件 2", "已删除");
        assertThat(run("item", "list").out()).doesNotContain("招商引资工作推进会");
    }

    @Test
    void inboxRunImportsGoodFilesAndExplainsRefusedOnes() throws IOException {
        Path inbox = dir.resolve("data").resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(sample("04-waimao-kuajing.md"), inbox.resolve("good.md"));
        Files.createDirectories(inbox.resolve("images"));
        try (var images = Files.list(sample("images"))) {
            for (Path image : images.toList()) {
                Files.copy(image, inbox.resolve("images").resolve(image.getFileName()));
            }
        }
        Files.writeString(inbox.resolve("bad.md"), "---\ntitle: 测试\ncategory: 体育\n---\n正文\n", StandardCharsets.UTF_8);

        Run r = run("inbox", "run");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("导入 1 个文件，失败 1 个");
        assertThat(inbox.resolve("done").resolve("good.md")).exists();
        assertThat(Files.readString(inbox.resolve("failed").resolve("bad.md.errors.txt")))
                .contains("bad.md:3: [category] 分类“体育”不在配置的分类中");
        assertThat(run("item", "list").out()).contains("我区举办跨境电商业务培训会");
    }

    @Test
    void renderWritesTheArticleAndAPhoneWidthPreview() throws IOException {
        run("item", "import", sample("06-shangmao-nongmao.md").toString());
        Path out = dir.resolve("out").resolve("article.html");

        Run r = run("render", "1", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("名词解释", "标准化菜市场", "http://mmbiz.qpic.cn/");
        assertThat(html).doesNotContain("<script", "class=", "data:");
        assertThat(Files.readString(dir.resolve("out").resolve("article-preview.html")))
                .contains("class=\"wx-content\"", "font-size: 17px", "data:image/png;base64,")
                .doesNotContain("mmbiz.qpic.cn");
    }

    @Test
    void renderSendsAPreviewToAConfiguredReviewerAndTheArticleShowsTheQrCode() throws IOException {
        Path qr = dir.resolve("qrcode.png");
        Files.copy(Path.of("src/test/resources/render/golden/images/qrcode.png"), qr);
        Files.writeString(config, """
                data-dir: %s
                review:
                  chain: []
                accounts:
                  - id: hongqi
                    name: 红旗商务
                    app-id: wx0000000000000000
                    api-base-url: https://api.weixin.qq.com
                    mode: freepublish
                    cron: "0 0 10 ? * MON-FRI"
                    max-articles-per-draft: 8
                    qr-code: %s
                    preview-to:
                      张科长: zhangke2023
                """.formatted(dir.resolve("data"), qr), StandardCharsets.UTF_8);
        run("item", "import", sample("06-shangmao-nongmao.md").toString());
        Path out = dir.resolve("out").resolve("article.html");

        Run r = run("render", "1", "--preview-to", "张科长", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("已发送预览给 张科长（微信号 zhangke2023）", "临时草稿已删除");
        assertThat(Files.readString(out)).contains("长按识别二维码，关注“红旗商务”");
        assertThat(Files.readString(dir.resolve("out").resolve("article-preview.html")))
                .contains("长按识别二维码").doesNotContain("mmbiz.qpic.cn");

        Run unknown = run("render", "1", "--preview-to", "李主任");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("没有“李主任”", "张科长");
    }

    @Test
    void benchRenderPrintsArticlesPerSecondForAnItemFile() {
        Run r = run("bench", "render", "--n", "5", "--warmup", "2", "docs/bench/typical-2000.md");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("正文 1873 字", "排版 5 次").containsPattern("每秒 \\d+ 篇");
    }

    @Test
    void benchRenderOfAFileWithProblemsSaysWhatIsWrong() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.md"), "---\ntitle: 无分类\n---\n正文。\n", StandardCharsets.UTF_8);

        Run r = run("bench", "render", bad.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("缺少必填字段 category");
    }

    @Test
    void benchCountsFillsTheLedgerOnceAndTimesTheYearInProcessAndInNewProcesses() {
        Run first = run("bench", "counts", "--rows", "2000", "--year", "2025", "--fresh-runs", "1");

        assertThat(first.code()).as(first.err()).isZero();
        // 20 accounts × 100 rows in pushes of four articles, spread over 2021–2025: 400 articles in 100 pushes a year.
        assertThat(first.out()).contains("写入 2000 行", "2021–2025 年，20 个公众号",
                "2025 年统计（按分类）：文章 400 条、推送 100 次", "2025 年统计（按月份）：文章 400 条")
                .containsPattern("新进程中的 gongkai counts（从启动 JVM 到进程结束，1 次中位数）：2025 年 \\d+ ms；"
                        + "无数据的 2020 年 \\d+ ms");

        Run again = run("bench", "counts", "--rows", "2000", "--year", "2025", "--fresh-runs", "0");

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("台账已有 2000 行基准数据，直接计时。", "2025 年统计（按公众号）：文章 400 条")
                .doesNotContain("新进程");
    }

    @Test
    void benchCountsRefusesALedgerThatHoldsRealArticles() throws IOException {
        assertThat(run("demo", "--dir", dir.resolve("demo").toString()).code()).isZero();
        Path demoConfig = Files.writeString(dir.resolve("demo.yml"), "data-dir: " + dir.resolve("demo") + "\n",
                StandardCharsets.UTF_8);

        Run r = run("bench", "counts", "--rows", "100", "--config", demoConfig.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("已有公众号", "的真实记录", "GONGKAI_DATA_DIR=/tmp/gongkai-bench");
    }
}
