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

/** publish status, item requeue|withdraw|correct as users run them, in-process, with the sandbox simulator. */
class PublishCliTest {
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
        return CliHarness.gongkai().withConfig(config).run(args);
    }

    private String sample(String name) {
        Path samples = dir.resolve("samples");
        if (!Files.isDirectory(samples)) {
            Bundled.extract("samples", samples);
        }
        return samples.resolve(name).toString();
    }

    @Test
    void statusShowsTheAccountsModeNextSlotAndBatchesInChinese() {
        run("item", "import", sample("04-waimao-kuajing.md"));
        run("publish", "run");

        Run status = run("publish", "status");

        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("公众号 红旗商务（hongqi）：发布（不推送给粉丝）", "下一个", "今日已排发 1 篇",
                "上次发布", "已发布", "publish_id/msg_id");
    }

    @Test
    void aCorrectionNoticeIsQueuedPublishedAndTheYearStillCountsOneArticle() throws IOException {
        run("item", "import", sample("04-waimao-kuajing.md"));
        run("publish", "run");

        Run correct = run("item", "correct", "1", "--as", "李主任", "--text", "原文第二段“5月”应为“6月”。");
        Run publish = run("publish", "run");

        assertThat(correct.code()).as(correct.err()).isZero();
        assertThat(correct.out().lines().findFirst()).contains("2");
        assertThat(correct.out()).contains("更正说明：");
        assertThat(publish.out()).contains("发布文章 1 篇");
        assertThat(run("item", "list", "--status", "CORRECTED").out()).contains("我区举办跨境电商业务培训会");
        int year = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode counts = new ObjectMapper().readTree(run("counts", "--year", String.valueOf(year), "--format",
                "json").out());
        assertThat(counts.get("articles").asInt()).isEqualTo(1);
    }

    @Test
    void requeueAndWithdrawRefuseItemsInTheWrongStateWithAMessage() {
        run("item", "import", sample("04-waimao-kuajing.md"));

        Run requeue = run("item", "requeue", "1", "--as", "李主任");
        Run withdraw = run("item", "withdraw", "1", "--as", "李主任", "--reason", "数据有误");

        assertThat(requeue.code()).isEqualTo(ExitCodes.USER);
        assertThat(requeue.err()).contains("只有“发布失败”的稿件可以重新排队");
        assertThat(withdraw.code()).isEqualTo(ExitCodes.USER);
        assertThat(withdraw.err()).contains("只有已发布的文章可以撤回");
    }
}
