package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 报区政府办 channel beyond its own commands: the report's sentence when the facts file asks for it, the ledger
 * export's CSV of the channel, doctor's portal lines and demo's delivery to the sandbox mailbox.
 */
class PortalReportDoctorDemoTest {
    private static final Instant MAY = Instant.parse("2023-05-12T02:00:00Z");

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
        return CliHarness.gongkai().withConfig(config).run(args);
    }

    /** Two samples sent to qzfb in May 2023, the first adopted. */
    private void twoSentOneAdopted() {
        Path samples = dir.resolve("samples");
        Bundled.extract("samples", samples);
        assertThat(run("item", "import", samples.resolve("04-waimao-kuajing.md").toString(),
                samples.resolve("01-zhaoshang-tuijinhui.md").toString()).code()).isZero();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("data").resolve("gongkai"), "gongkai", "")) {
            for (long id = 1; id <= 2; id++) {
                PortalDelivery row = new PortalDelivery(id, "qzfb", "", DeliveryState.PREPARED,
                        new DeliveryIdentity("<gongkai." + id + ".qzfb@gongkai.local>", "gongkai-" + id + "-qzfb"), "",
                        "", "", 1, "", "外资外贸", "", MAY, MAY, MAY.plusSeconds(120), null, null);
                db.portalDeliveries().prepare(row);
                db.portalDeliveries().sent(id, "qzfb", row.identity().messageId(), "", MAY);
            }
            db.portalDeliveries().decide(1, "qzfb", DeliveryState.ADOPTED, "https://www.hongqi.gov.cn/1.html", "王主任",
                    MAY.plusSeconds(86_400));
        }
    }

    private Path facts(String portalKey) throws IOException {
        Path facts = dir.resolve("report/2023.yml");
        Files.createDirectories(facts.getParent());
        Files.writeString(facts, "单位: 红旗区商务局\n年度: 2023\n发布日期: 2024-01-20\n" + portalKey
                + "存在的主要问题及改进情况: 问题。\n其他需要报告的事项: 无。\n", StandardCharsets.UTF_8);
        return facts;
    }

    private String reportText(String out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(dir.resolve(out)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    @Test
    void theReportStatesSentAndAdoptedOnlyWhenTheFactsFileAsksForIt() throws IOException {
        twoSentOneAdopted();

        facts("报区政府办: true\n");
        Run all = run("report", "--year", "2023", "--out", dir.resolve("all.docx").toString());
        String allText = reportText("all.docx");
        facts("报区政府办: qzfb\n");
        Run one = run("report", "--year", "2023", "--out", dir.resolve("one.docx").toString());
        String oneText = reportText("one.docx");
        facts("");
        Run none = run("report", "--year", "2023", "--out", dir.resolve("none.docx").toString());
        facts("报区政府办: qzbf\n");
        Run unknown = run("report", "--year", "2023", "--out", dir.resolve("unknown.docx").toString());

        assertThat(all.code()).as(all.err()).isZero();
        assertThat(allText).contains("全年报区政府办2条，被采用1条。");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(oneText).contains("全年报区政府办2条，被采用1条。");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(reportText("none.docx")).doesNotContain("报区政府办2条");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("报区政府办", "qzbf", "qzfb");
        assertThat(Files.exists(dir.resolve("unknown.docx"))).isFalse();
    }

    @Test
    void theLedgerExportWritesTheChannelAsCsvWhenAsked() throws IOException {
        twoSentOneAdopted();

        Run csv = run("ledger", "export", "--year", "2023", "--channel", "portal", "--out",
                dir.resolve("portal.csv").toString());
        Run wrong = run("ledger", "export", "--year", "2023", "--channel", "portal", "--out",
                dir.resolve("portal.xlsx").toString());

        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("报区政府办台账");
        String text = Files.readString(dir.resolve("portal.csv"), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(3);
        assertThat(text).contains("红旗区人民政府办公室（qzfb）,已采用,2023-05-12 10:00", "https://www.hongqi.gov.cn/1.html",
                "已报送");
        assertThat(wrong.code()).isEqualTo(ExitCodes.USER);
        assertThat(wrong.err()).contains(".xlsx 已同时包含");
    }

    @Test
    void doctorChecksThePortalAndSendsATestMailOnlyWhenAsked() throws Exception {
        Path mailbox = dir.resolve("data").resolve("sandbox-mailbox");
        Run plain = run("doctor");
        assertThat(Files.exists(mailbox) ? Files.list(mailbox).count() : 0).isZero();
        Run test = run("doctor", "--portal-test-to", "xinxi@hongqi.gov.cn");
        Run bad = run("doctor", "--portal-test-to", "not-an-address");

        assertThat(plain.out()).contains("[ok] 红旗区人民政府办公室（qzfb） 邮件服务器：沙箱邮箱")
                .doesNotContain("测试邮件");
        assertThat(test.out()).contains("[ok] 红旗区人民政府办公室（qzfb） 测试邮件：已放入沙箱邮箱（收件人 xinxi@hongqi.gov.cn）");
        try (var mails = Files.list(mailbox)) {
            assertThat(mails.map(f -> f.getFileName().toString()).toList()).containsExactly("000001.eml");
        }
        assertThat(bad.code()).isEqualTo(ExitCodes.USER);
        assertThat(bad.err()).contains("--portal-test-to", "not-an-address");
    }

    @Test
    void demoDeliversToTheSandboxMailboxAndCountsBothChannels() {
        long samples = Bundled.index("samples").stream().filter(f -> f.endsWith(".md")).count();

        Run r = run("demo", "--dir", dir.resolve("demo").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("5. 报区政府办：报送成功 " + samples + " 篇", "   红旗区人民政府办公室（qzfb）：",
                "区政府办邮箱（沙箱）收到 " + samples + " 封",
                "- 【信息报送】", "本年统计（报区政府办）", "报送 " + samples + " 条，被采用 0 条");
        assertThat(r.out().lines().filter(l -> l.startsWith("   - 【信息报送】"))).hasSize((int) samples);
    }
}
