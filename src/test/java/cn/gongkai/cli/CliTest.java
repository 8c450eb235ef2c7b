package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it, in-process, on a temporary data directory with the sandbox simulator. */
class CliTest {
    @TempDir
    Path dir;

    private Path config;

    /** Exit code and what was printed. */
    record Run(int code, String out, String err) {
    }

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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--config") && !all.get(0).equals("demo")) {
            all.add("--config");
            all.add(config.toString());
        }
        int code = Cli.run(all.toArray(String[]::new), Map.of(), Clock.systemUTC(), new PrintWriter(out),
                new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
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

    @Test
    void reviewCommandsMoveAnItemThroughTheChain() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);
        run("item", "import", "--as", "刘科员", sample("05-waimao-jinchukou.md").toString());

        Run own = run("review", "approve", "1", "--as", "刘科员");
        assertThat(own.code()).isEqualTo(1);
        assertThat(own.err()).contains("不能审核自己提交的稿件");

        assertThat(run("review", "approve", "1", "--as", "张科长").out()).contains("等待办公室主任审核");
        assertThat(run("review", "approve", "1", "--as", "李主任").out()).contains("等待办公室分管领导审核");
        assertThat(run("review", "approve", "1", "--as", "王副局长").out()).contains("已审定待发布");
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
                .contains("max-width:375px", "data:image/png;base64,").doesNotContain("mmbiz.qpic.cn");
    }
}
