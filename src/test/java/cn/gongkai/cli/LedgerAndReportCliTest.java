package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.CliHarness.Run;
import cn.gongkai.testsupport.CliHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ledger import/export/list/categorise and report, as users run them, on a temporary H2 database. */
class LedgerAndReportCliTest {
    private static final String HEADER = "published_at,title,category,url,department,account\n";

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\nreview:\n  chain: []\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void aHistoryCsvIsImportedOnceAndCounted() throws IOException {
        Path csv = write("history.csv", HEADER
                + "2023-03-01 10:00,红旗区召开招商引资推进会,招商引资,https://mp.weixin.qq.com/s/a,投资促进股,hongqi\n"
                + "2023-03-01 10:00,\"外贸企业座谈会，共话发展\",外资外贸,,外贸股,\n"
                + "2023-12-31 23:59,年末促消费活动,促消费,,,hongqi\n"
                + "2024-01-01 00:00,新年第一条,促消费,,,hongqi\n");

        Run first = run("ledger", "import", csv.toString());
        Run again = run("ledger", "import", csv.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("已导入 4 条");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("已导入 0 条", "另有 4 条此前已导入");
        JsonNode json = new ObjectMapper().readTree(run("counts", "--year", "2023", "--format", "json").out());
        assertThat(json.get("articles").asInt()).isEqualTo(3);
        assertThat(json.get("pushes").asInt()).isEqualTo(2);
        assertThat(json.get("by").get("外资外贸").asInt()).isEqualTo(1);
    }

    @Test
    void anArticleTheLedgerAlreadyHasUnderAnotherRowIsSkippedAndNamed() throws IOException {
        run("ledger", "import", write("first.csv", HEADER
                + "2023-03-01 10:00,红旗区召开招商引资推进会,招商引资,"
                + "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=ab#rd,投资促进股,hongqi\n"
                + "2023-04-02 09:00,外贸企业座谈会,外资外贸,,外贸股,hongqi\n").toString());

        // The same articles copied again by someone else: another share link, a corrected minute, one row twice.
        Run r = run("ledger", "import", write("second.csv", HEADER
                + "2023-03-01 10:05,红旗区召开招商引资推进会（修订）,招商引资,"
                + "http://MP.weixin.qq.com/s?mid=2650&__biz=MzA1&idx=1&chksm=xyz&scene=21,投资促进股,hongqi\n"
                + "2023-04-02 09:30,外贸企业座谈会,外资外贸,,外贸股,hongqi\n"
                + "2023-05-06 08:00,新的一条,促消费,,,hongqi\n"
                + "2023-05-06 08:00,新的一条,促消费,,,hongqi\n"
                + "2023-03-01 10:00,同一推送的第二篇,招商引资,"
                + "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=2,投资促进股,hongqi\n").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("已导入 2 条", "另有 3 条台账中已有，未重复计入",
                "second.csv 第 2 行：“红旗区召开招商引资推进会（修订）”与台账中编号 1 的记录", "（链接相同）",
                "second.csv 第 3 行：“外贸企业座谈会”与台账中编号 2 的记录", "（同一公众号、同一天、标题相同）",
                "second.csv 第 5 行：“新的一条”与本文件中前面的一行（2023-05-06 08:00）");
        JsonNode json = new ObjectMapper().readTree(run("counts", "--year", "2023", "--format", "json").out());
        assertThat(json.get("articles").asInt()).isEqualTo(4);
    }

    @Test
    void reconcilingASandboxAccountFromTheCommandLineIsRefusedWithWhereToDoItInstead() throws IOException {
        run("ledger", "import", write("h.csv", HEADER + "2023-03-01 10:00,历史文章,招商引资,,,hongqi\n").toString());

        Run r = run("ledger", "reconcile", "--year", "2023");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("公众号 hongqi 处于沙箱模式", "不做核对", "控制台“统计”页", "沙箱提示");
        assertThat(r.out()).doesNotContain("微信已发布列表中没有");
    }

    @Test
    void aBadRowRejectsTheWholeFileAndNamesItsLine() throws IOException {
        Path csv = write("bad.csv", HEADER
                + "2023-03-01 10:00,好的一行,招商引资,,,hongqi\n"
                + "2023-02-30 10:00,日期不存在,招商引资,,,hongqi\n"
                + "2023-03-02 10:00,分类不对,会议,,,hongqi\n"
                + "2023-03-03 10:00,公众号不对,促消费,,,nobody\n");

        Run r = run("ledger", "import", csv.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv 第 3 行：published_at", "2023-02-30", "第 4 行：category“会议”",
                "第 5 行：account“nobody”", "整个文件未导入");
        assertThat(run("ledger", "list", "--year", "2023").out()).doesNotContain("好的一行");
    }

    @Test
    void aCsvInNoKnownEncodingIsRefusedWithAHint() throws IOException {
        Path csv = dir.resolve("gbk.csv");
        byte[] bytes = (HEADER + "2023-03-01 10:00,标题,招商引资,,,hongqi\n").getBytes(Charset.forName("GBK"));
        bytes[bytes.length - 2] = (byte) 0xFF; // GBK with a byte neither UTF-8 nor GB18030 has
        Files.write(csv, bytes);

        Run r = run("ledger", "import", csv.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("第 2 行", "既不是 UTF-8 也不是 GB18030", "CSV UTF-8");
    }

    @Test
    void anXlsxWithDateCellsAndNoAccountColumnIsImported() throws IOException {
        Path xlsx = dir.resolve("history.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("历史");
            String[] head = {"published_at", "title", "category", "url", "department"};
            Row h = s.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(LocalDateTime.of(2023, 5, 12, 10, 0));
            r.getCell(0).setCellStyle(date);
            r.createCell(1).setCellValue("促消费工作推进会");
            r.createCell(2).setCellValue("促消费");
            Row text = s.createRow(2);
            text.createCell(0).setCellValue("2023-06-01 09:30");
            text.createCell(1).setCellValue("外资企业走访");
            text.createCell(2).setCellValue("外资外贸");
            wb.write(out);
        }

        Run r = run("ledger", "import", xlsx.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("已导入 2 条");
        assertThat(run("ledger", "list", "--year", "2023").out()).contains("2023-05-12 10:00", "促消费工作推进会",
                "历史导入");
        assertThat(run("ledger", "list", "--year", "2023", "--source", "import").out()).contains("促消费工作推进会");
        assertThat(run("ledger", "list", "--year", "2023", "--source", "external").out())
                .doesNotContain("促消费工作推进会");
    }

    @Test
    void theExportListsTheYearWithApproversAndOpensInExcel() throws IOException {
        run("ledger", "import", write("h.csv", HEADER + "2023-03-01 10:00,历史文章,招商引资,https://x.cn/1,投资促进股,\n")
                .toString());

        Run xlsx = run("ledger", "export", "--year", "2023", "--out", dir.resolve("out/2023.xlsx").toString());
        Run csv = run("ledger", "export", "--year", "2023", "--out", dir.resolve("out/2023.csv").toString());

        assertThat(xlsx.code()).as(xlsx.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("out/2023.xlsx")))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(7).getStringCellValue()).isEqualTo("审核人");
            assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("历史文章");
            assertThat(s.getRow(1).getCell(6).getStringCellValue()).isEqualTo("https://x.cn/1");
        }
        assertThat(csv.code()).isZero();
        byte[] bytes = Files.readAllBytes(dir.resolve("out/2023.csv"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFF序号,发布时间,标题,分类,部门")
                .contains("1,2023-03-01 10:00,历史文章,招商引资,投资促进股,hongqi,https://x.cn/1,,历史导入,");
    }

    @Test
    void anExternalOrImportedRowIsCategorisedByItsNumber() throws IOException {
        run("ledger", "import", write("h.csv", HEADER + "2023-03-01 10:00,分错了类,招商引资,,,\n").toString());
        String list = run("ledger", "list", "--year", "2023").out();
        String id = list.lines().filter(l -> l.contains("分错了类")).findFirst().orElseThrow().split("\\s+")[0];

        Run r = run("ledger", "categorise", id, "促消费");
        Run bad = run("ledger", "categorise", id, "会议");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(run("counts", "--year", "2023", "--format", "csv").out()).contains("促消费,1", "招商引资,0");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("不在配置中");
    }

    @Test
    void theReportIsWrittenAsWordWhenTheChecksPass() throws IOException {
        run("ledger", "import", write("h.csv", HEADER + "2023-03-01 10:00,招商文章,招商引资,,,\n"
                + "2023-04-01 10:00,外贸文章,外资外贸,,,\n").toString());
        Path facts = dir.resolve("report/2023.yml");
        Files.createDirectories(facts.getParent());
        Files.writeString(facts, "单位: 红旗区商务局\n年度: 2023\n发布日期: 2024-01-20\n"
                + "存在的主要问题及改进情况: 问题。\n其他需要报告的事项: 无。\n", StandardCharsets.UTF_8);

        Run r = run("report", "--year", "2023", "--out", dir.resolve("out/年报.docx").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("已生成", "主动公开 2 条");
        assertThat(r.err()).contains("提醒 V7", "没有找到上年的事实文件");
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(dir.resolve("out/年报.docx")))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("红旗区商务局2023年政府信息公开工作年度报告");
            assertThat(doc.getTables()).hasSize(3);
        }
    }

    @Test
    void aReportWithAnErrorIsNotWrittenAndTheMessageNamesTableRowColumnAndSums() throws IOException {
        Path facts = write("facts-2023.yml", "单位: 测试局\n年度: 2023\n发布日期: 2024-01-20\n表三:\n"
                + "  本年新收: [1, 0, 0, 0, 0, 0, 1]\n");
        Path out = dir.resolve("out/r.md");

        Run r = run("report", "--year", "2023", "--facts", facts.toString(), "--out", out.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("错误 V1：表三“自然人”列：第一项加第二项之和 1", "第三项加第四项之和 0", "报告未导出");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aMissingFactsFileSaysWhereItWasLookedFor() {
        Run r = run("report", "--year", "2022", "--out", dir.resolve("r.html").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(dir.resolve("report").resolve("2022.yml").toString(), "文件不存在", "example.yml");
    }

    @Test
    void theLedgerSummaryIsCheckedAndRebuiltOnDemand() throws IOException {
        run("ledger", "import", write("history.csv", HEADER
                + "2023-03-01 10:00,红旗区召开招商引资推进会,招商引资,,投资促进股,hongqi\n"
                + "2023-12-31 23:59,年末促消费活动,促消费,,,hongqi\n").toString());

        Run check = run("ledger", "rebuild-summary", "--check");
        Run rebuild = run("ledger", "rebuild-summary");

        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("统计汇总与台账一致");
        assertThat(rebuild.code()).as(rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("已按台账重建统计汇总（2 行台账）");
        assertThat(run("counts", "--year", "2023").out()).contains("文章 2 条");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Run run(String... args) {
        return CliHarness.gongkai().withConfig(config).run(args);
    }
}
