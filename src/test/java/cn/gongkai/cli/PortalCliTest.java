package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai portal status|adopted|not-adopted|resend} and {@code counts --channel portal} as staff run them, on
 * the sandbox's built-in portal qzfb; the delivery itself is covered by PortalRunnerTest and the crash test.
 */
class PortalCliTest {
    private static final String PASSWORD = "hongqi-portal-2026\nhongqi-portal-2026\n";

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\nreview:\n  chain: []\n",
                StandardCharsets.UTF_8);
    }

    private Run run(String... args) {
        return CliHarness.gongkai().withConfig(config).withStdin(PASSWORD).run(args);
    }

    /** Imports a sample (approved at once: no review chain) and marks it sent to qzfb, as a run would. */
    private PortalDelivery importedAndSent() {
        Path samples = dir.resolve("samples");
        Bundled.extract("samples", samples);
        assertThat(run("item", "import", samples.resolve("04-waimao-kuajing.md").toString()).code()).isZero();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("data").resolve("gongkai"), "gongkai", "")) {
            Instant now = Instant.now();
            PortalDelivery row = new PortalDelivery(1, "qzfb", "", DeliveryState.PREPARED,
                    new DeliveryIdentity("<gongkai.1.qzfb.00aa@gongkai.local>", "gongkai-1-qzfb-00aa"), "", "", "",
                    1, "", "外资外贸", "", now, now, now.plusSeconds(120), null, null);
            db.portalDeliveries().prepare(row);
            db.portalDeliveries().sent(1, "qzfb", row.identity().messageId(), "", now);
            return db.portalDeliveries().find(1, "qzfb").orElseThrow();
        }
    }

    @Test
    void staffSeeTheDeliveryRecordItsAdoptionAndCountIt() throws IOException {
        PortalDelivery sent = importedAndSent();
        assertThat(run("user", "add", "王主任", "--role", "office-director").code()).isZero();
        int year = sent.sentAt().atZone(ZoneId.of("Asia/Shanghai")).getYear();

        Run status = run("portal", "status");
        Run adopted = run("portal", "adopted", "1", "--portal", "qzfb", "--url",
                "https://www.hongqi.gov.cn/zwgk/1.html", "--as", "王主任");
        Run json = run("counts", "--year", String.valueOf(year), "--channel", "portal", "--format", "json");
        Run table = run("counts", "--year", String.valueOf(year), "--channel", "portal", "--portal", "qzfb");
        Run csv = run("counts", "--year", String.valueOf(year), "--channel", "portal", "--format", "csv");

        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("qzfb：红旗区人民政府办公室", "所有分类", "已报送", sent.identity().messageId());
        assertThat(adopted.code()).as(adopted.err()).isZero();
        assertThat(adopted.out()).contains("已采用", "https://www.hongqi.gov.cn/zwgk/1.html", "王主任 登记");
        JsonNode counts = new ObjectMapper().readTree(json.out());
        assertThat(counts.get("channel").asText()).isEqualTo("portal");
        assertThat(counts.get("articles").asInt()).isEqualTo(1);
        assertThat(counts.get("adopted").asInt()).isEqualTo(1);
        assertThat(counts.at("/by/外资外贸/adopted").asInt()).isEqualTo(1);
        assertThat(table.out()).contains("报区政府办（红旗区人民政府办公室）：报送 1 条，被采用 1 条，采用率 100.0%");
        assertThat(csv.out().lines()).first().isEqualTo("category,month,articles,adopted");
        assertThat(csv.out()).contains("外资外贸," + sent.sentAt().atZone(ZoneId.of("Asia/Shanghai")).getMonthValue()
                + ",1,1");
        assertThat(run("counts", "--year", String.valueOf(year)).out()).as("WeChat stays the default channel")
                .contains("公众号发布");
    }

    @Test
    void wrongRequestsAreRefusedInChinese() {
        importedAndSent();
        run("user", "add", "王主任", "--role", "office-director");

        Run resend = run("portal", "resend", "1", "--portal", "qzfb", "--as", "王主任");
        Run unknownPortal = run("portal", "adopted", "1", "--portal", "qzbf", "--url", "https://x.cn", "--as", "王主任");
        Run badLink = run("portal", "adopted", "1", "--portal", "qzfb", "--url", "www.hongqi.gov.cn", "--as", "王主任");
        Run unknownUser = run("portal", "not-adopted", "1", "--portal", "qzfb", "--as", "无名氏");
        Run channel = run("counts", "--year", "2026", "--channel", "weibo");
        Run portalAlone = run("counts", "--year", "2026", "--portal", "qzfb");

        assertThat(resend.code()).isEqualTo(ExitCodes.USER);
        assertThat(resend.err()).contains("只有报送失败的才能重新报送");
        assertThat(unknownPortal.err()).contains("qzbf", "qzfb");
        assertThat(badLink.err()).contains("http://");
        assertThat(unknownUser.err()).contains("无名氏", "不存在");
        assertThat(channel.err()).contains("wechat 或 portal");
        assertThat(portalAlone.err()).contains("--channel portal");
    }

    @Test
    void withoutPortalsTheRunSaysSoAndSendsNothing() throws IOException {
        Files.writeString(config, "portals: []\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        Run r = run("portal", "run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("没有配置报送单位");
    }
}
