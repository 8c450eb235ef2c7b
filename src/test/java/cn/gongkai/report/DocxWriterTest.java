package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** The Word report read back with POI: real tables, merged header cells, and the fonts of government documents. */
class DocxWriterTest {
    private static XWPFDocument doc;

    @BeforeAll
    static void writeAndReadBack() throws Exception {
        ReportFacts facts = FactsFile.read(Path.of("config/report/example.yml"));
        YearCounts counts = new YearCounts(2023, CountBy.CATEGORY, 108, 40,
                new LinkedHashMap<>(Map.of("招商引资", 34, "外资外贸", 29, "商贸流通", 24, "促消费", 21)));
        byte[] bytes = new ReportWriter(Path.of("templates")).write(ReportBuilder.build(facts, counts),
                ReportWriter.Format.DOCX);
        doc = new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    @Test
    void theTitleIsInFangzhengXiaobiaosongAndTheTextInTheOfficialFonts() {
        XWPFParagraph title = doc.getParagraphs().get(0);
        assertThat(title.getText()).isEqualTo("红旗区商务局2023年政府信息公开工作年度报告");
        assertThat(eastAsia(title)).isEqualTo("方正小标宋简体");
        assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);

        assertThat(eastAsia(paragraph("一、总体情况"))).isEqualTo("黑体");
        assertThat(eastAsia(paragraph("六、其他需要报告的事项"))).isEqualTo("黑体");
        assertThat(eastAsia(paragraph("（一）主动公开情况"))).isEqualTo("楷体_GB2312");
        assertThat(eastAsia(paragraph("（四）政府信息公开平台建设"))).isEqualTo("楷体_GB2312");
        XWPFParagraph body = paragraph("2023年，红旗区商务局微信公众号主动公开各类政务信息108条");
        assertThat(eastAsia(body)).isEqualTo("仿宋_GB2312");
        assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
        assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("Times New Roman");
    }

    @Test
    void thereAreThreeRealTablesWithTheirRowsAndColumns() {
        List<XWPFTable> tables = doc.getTables();
        assertThat(tables).hasSize(3);
        assertThat(tables.get(0).getRows()).hasSize(14);
        assertThat(tables.get(1).getRows()).hasSize(3 + 25);
        assertThat(tables.get(2).getRows()).hasSize(4);
        assertThat(tables.get(1).getRow(3).getCell(0).getText()).isEqualTo("一、本年新收政府信息公开申请数量");
        assertThat(tables.get(2).getRow(3).getTableCells()).hasSize(15)
                .allSatisfy(c -> assertThat(c.getText()).isEqualTo("0"));
        assertThat(eastAsia(tables.get(1).getRow(3).getCell(1).getParagraphs().get(0))).isEqualTo("仿宋_GB2312");
    }

    @Test
    void theHeaderCellsOfTableThreeAreMergedAcrossAndDown() {
        XWPFTable t = doc.getTables().get(1);
        XWPFTableCell note = t.getRow(0).getCell(0);
        assertThat(note.getText()).isEqualTo(Format2021.T3_NOTE);
        assertThat(span(note)).isEqualTo(3);
        assertThat(vMerge(note)).isEqualTo(STMerge.RESTART);
        assertThat(vMerge(t.getRow(1).getCell(0))).isEqualTo(STMerge.CONTINUE);
        assertThat(vMerge(t.getRow(2).getCell(0))).isEqualTo(STMerge.CONTINUE);
        XWPFTableCell applicants = t.getRow(0).getCell(1);
        assertThat(applicants.getText()).isEqualTo("申请人情况");
        assertThat(span(applicants)).isEqualTo(7);
        XWPFTableCell organisations = t.getRow(1).getCell(2);
        assertThat(organisations.getText()).isEqualTo("法人或其他组织");
        assertThat(span(organisations)).isEqualTo(5);
        assertThat(vMerge(t.getRow(1).getCell(1))).isEqualTo(STMerge.RESTART);
        assertThat(t.getRow(1).getCell(1).getText()).isEqualTo("自然人");

        XWPFTableCell results = t.getRow(5).getCell(0);
        assertThat(results.getText()).isEqualTo("三、本年度办理结果");
        assertThat(vMerge(results)).isEqualTo(STMerge.RESTART);
        for (int r = 6; r <= 26; r++) {
            assertThat(vMerge(t.getRow(r).getCell(0))).as("row %d", r).isEqualTo(STMerge.CONTINUE);
        }
        assertThat(vMerge(t.getRow(27).getCell(0))).isNull();
        assertThat(t.getRow(27).getCell(0).getText()).isEqualTo("四、结转下年度继续办理");
        assertThat(span(t.getRow(27).getCell(0))).isEqualTo(3);
        assertThat(t.getRow(7).getCell(1).getText()).isEqualTo("（三）不予公开");
        assertThat(vMerge(t.getRow(7).getCell(1))).isEqualTo(STMerge.RESTART);
    }

    @Test
    void theHeaderOfTableFourSpansItsGroups() {
        XWPFTable t = doc.getTables().get(2);
        assertThat(t.getRow(0).getCell(0).getText()).isEqualTo("行政复议");
        assertThat(span(t.getRow(0).getCell(0))).isEqualTo(5);
        assertThat(t.getRow(0).getCell(1).getText()).isEqualTo("行政诉讼");
        assertThat(span(t.getRow(0).getCell(1))).isEqualTo(10);
        assertThat(vMerge(t.getRow(1).getCell(0))).isEqualTo(STMerge.RESTART);
        assertThat(t.getRow(1).getCell(5).getText()).isEqualTo("未经复议直接起诉");
        assertThat(span(t.getRow(1).getCell(5))).isEqualTo(5);
        XWPFTable two = doc.getTables().get(0);
        assertThat(two.getRow(0).getCell(0).getText()).isEqualTo("第二十条第（一）项");
        assertThat(span(two.getRow(0).getCell(0))).isEqualTo(4);
    }

    private static XWPFParagraph paragraph(String startsWith) {
        return doc.getParagraphs().stream().filter(p -> p.getText().startsWith(startsWith)).findFirst().orElseThrow();
    }

    private static String eastAsia(XWPFParagraph p) {
        return p.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia);
    }

    private static int span(XWPFTableCell c) {
        CTTcPr pr = c.getCTTc().getTcPr();
        return pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
    }

    private static STMerge.Enum vMerge(XWPFTableCell c) {
        CTTcPr pr = c.getCTTc().getTcPr();
        if (!pr.isSetVMerge()) {
            return null;
        }
        return pr.getVMerge().getVal() == null ? STMerge.CONTINUE : pr.getVMerge().getVal();
    }
}
