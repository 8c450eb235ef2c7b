package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bureau's text agrees with the tables and itself (V8, V9) and has no known slips (提示). */
class ProseChecksTest extends ReportChecksFixture {
    // ---- V8: numbers in the prose = the tables (warning) ----

    @Test
    void v8WarnsWhenTheProseContradictsTheTables() throws IOException {
        List<Finding> f = check(sections("2023年我局无依申请公开事项。", "全年被申请行政复议2件。")
                + table3("本年新收: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V8")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("没有依申请公开事项", "为 1"),
                m -> assertThat(m).contains("行政复议 2 件", "表四“行政复议·总计”为 0"));
    }

    @Test
    void v8PassesWhenTheProseAgreesWithTheTables() throws IOException {
        List<Finding> f = check(sections("2023年共收到政府信息公开申请1件，已按时答复。", "全年未发生行政复议和行政诉讼。")
                + table3("本年新收: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V8")).isEmpty();
    }

    // ---- V9: a stated total = the sum of its parts (warning) ----

    @Test
    void v9WarnsWhenAStatedTotalIsNotTheSumOfItsParts() throws IOException {
        List<Finding> f = check(proactiveExtra("通过区政府门户网站公开信息共20条，其中政策文件8条、工作动态10条。"));

        assertThat(findings(f, "V9")).singleElement().asString().contains("共 20 条", "之和为 18", "8 + 10");
    }

    @Test
    void v9PassesWhenThePartsAddUpAndTheGeneratedBreakdownAlwaysDoes() throws IOException {
        List<Finding> f = check("分类明细: true\n"
                + proactiveExtra("通过区政府门户网站公开信息共20条，其中政策文件8条、工作动态12条。"));

        assertThat(findings(f, "V9")).isEmpty();
        AnnualReport r = report(facts("分类明细: true\n"));
        assertThat(r.paragraphs()).extracting(AnnualReport.Located::text)
                .anyMatch(t -> t.contains("共9条，其中促消费5条、招商引资3条、其他1条。"));
    }

    // ---- reminders outside V1–V12 ----

    @Test
    void aKnownTypoInTheBureausTextIsPointedOut() throws IOException {
        List<Finding> f = check(sections("办公室主任校队后，由办公室分管领导审核。", "今年来我局共开展2次培训。"));

        assertThat(findings(f, "提示")).extracting(Finding::message).anyMatch(m -> m.contains("“校队”应为“校对”"))
                .anyMatch(m -> m.contains("“今年来”") && m.contains("宜写“2023年”"));
    }
}
