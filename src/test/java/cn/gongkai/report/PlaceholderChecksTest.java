package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** P1: a report whose facts still hold instruction text fails, naming the field; a filled one passes. */
class PlaceholderChecksTest extends ReportChecksFixture {

    private List<Finding> report(String unit, String extra) throws IOException {
        write("2023.yml", "单位: " + unit + "\n年度: 2023\n发布日期: 2024-01-15\n"
                + "存在的主要问题及改进情况: 问题与改进。\n其他需要报告的事项: 未收取费用。\n" + extra);
        return run(2023);
    }

    @Test
    void theUnitLeftAsTheFormsHintFailsAndBlocksTheExport() throws IOException {
        List<Finding> f = report("请填写单位名称", "");

        assertThat(errors(f, "P1")).extracting(Finding::message).singleElement().asString()
                .contains("“单位”", "“请填写单位名称”", "实际内容");
    }

    @Test
    void aFilledReportPasses() throws IOException {
        List<Finding> f = report("红旗区商务局", sections("本年度收到申请 0 件。", "开展培训 2 次。"));

        assertThat(findings(f, "P1")).isEmpty();
        assertThat(errors(f)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "待填写|待填写",
        "2023年XX局开展了培训。|XX",
        "2023年xxx局开展了培训。|xxx",
        "××局开展了培训。|××",
        "（此处写本年工作亮点）|（此处写本年工作亮点）",
        "(此处填写)|(此处填写)",
        "请输入监督保障情况|请输入监督保障情况",
        "待补充|待补充"})
    void eachMarkerInASectionNamesTheSectionAndTheText(String text, String quoted) throws IOException {
        List<Finding> f = report("红旗区商务局", sections("本年度收到申请 0 件。", text));

        assertThat(errors(f, "P1")).extracting(Finding::message).singleElement().asString()
                .contains("小节“监督保障”的内容", "“" + quoted + "”");
    }

    @Test
    void ordinaryTextWithCrossesOrLettersIsNotAMarker() throws IOException {
        List<Finding> f = report("红旗区商务局", sections("本年度收到申请 0 件。", "3×4 的展板，Box 与 Excel 表格。"));

        assertThat(findings(f, "P1")).isEmpty();
    }

    @Test
    void problemsAndOtherMattersAreSearchedToo() throws IOException {
        write("2023.yml", "单位: 红旗区商务局\n年度: 2023\n发布日期: 2024-01-15\n"
                + "存在的主要问题及改进情况: 请填写存在的问题\n其他需要报告的事项: 待填写\n");

        assertThat(errors(run(2023), "P1")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("“存在的主要问题及改进情况”", "“请填写存在的问题”"),
                m -> assertThat(m).contains("“其他需要报告的事项”", "“待填写”"));
    }
}
