package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sums of tables 三 and 四 (V1–V4, V11), each with a report that fails it and one that passes it. */
class SumChecksTest extends ReportChecksFixture {
    // ---- V1: 第一项加第二项之和，等于第三项加第四项之和 ----

    @Test
    void v1FailsWhenRequestsDoNotEqualOutcomesPlusCarriedOverAndNamesColumnAndBothSums() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 0, 0, 0, 0, 0, 2]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(errors(f, "V1")).hasSize(2).first().asString()
                .contains("表三", "“自然人”列", "第一项加第二项之和 2", "第三项加第四项之和 1", "（七）总计 1",
                        "四、结转下年度继续办理 0");
    }

    @Test
    void v1PassesWhenEveryColumnBalances() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 1, 0, 0, 0, 0, 3]\n  上年结转: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  予以公开: [2, 0, 0, 0, 0, 0, 2]\n  部分公开: [0, 1, 0, 0, 0, 0, 1]\n"
                + "  结转下年度: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(errors(f)).isEmpty();
    }

    // ---- V2: 总计 = the six applicant columns ----

    @Test
    void v2FailsWhenARowsTotalIsNotTheSumOfItsApplicants() throws IOException {
        List<Finding> f = check(table3("本年新收: [1, 1, 0, 0, 0, 0, 1]\n  予以公开: [1, 1, 0, 0, 0, 0, 1]"));

        assertThat(errors(f, "V2")).hasSize(3).first().asString()
                .contains("表三“一、本年新收政府信息公开申请数量”行“总计”列为 1", "六列之和为 2", "1 + 1 + 0");
    }

    @Test
    void v2PassesWhenTotalsAreLeftOutAndAdded() throws IOException {
        List<Finding> f = check(table3("本年新收: [1, 1, 0, 0, 0, 0]\n  予以公开: [1, 1, 0, 0, 0, 0]"));

        assertThat(errors(f)).isEmpty();
    }

    // ---- V3: （七）总计 = the outcomes ----

    @Test
    void v3FailsWhenTheStatedGrandTotalIsNotTheSumOfTheOutcomes() throws IOException {
        List<Finding> f = check(table3("本年新收: [3, 0, 0, 0, 0, 0, 3]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  重复申请: [1, 0, 0, 0, 0, 0, 1]\n  总计: [3, 0, 0, 0, 0, 0, 3]"));

        assertThat(errors(f, "V3")).hasSize(2).first().asString()
                .contains("“（七）总计”行“自然人”列为 3", "各项办理结果之和为 2");
    }

    @Test
    void v3PassesWhenTheStatedGrandTotalAddsUp() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 0, 0, 0, 0, 0, 2]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  重复申请: [1, 0, 0, 0, 0, 0, 1]\n  总计: [2, 0, 0, 0, 0, 0, 2]"));

        assertThat(errors(f)).isEmpty();
    }

    // ---- V4: table 四 总计 ----

    @Test
    void v4FailsWhenAReviewOrLawsuitTotalDoesNotAddUp() throws IOException {
        List<Finding> f = check("表四:\n  行政复议: [1, 0, 0, 0, 2]\n  复议后起诉: [0, 1, 0, 0, 0]\n");

        assertThat(errors(f, "V4")).hasSize(2);
        assertThat(errors(f, "V4").get(0)).asString().contains("表四“行政复议”的“总计”列为 2", "之和为 1");
        assertThat(errors(f, "V4").get(1)).asString().contains("行政诉讼·复议后起诉");
    }

    @Test
    void v4PassesWhenEachGroupAddsUp() throws IOException {
        List<Finding> f = check("表四:\n  行政复议: [1, 0, 0, 1, 2]\n  未经复议直接起诉: [0, 0, 0, 1]\n");

        assertThat(errors(f)).isEmpty();
    }

    // ---- V11: each request counted once ----

    @Test
    void v11FailsWhenARequestIsCountedUnderTwoOutcomes() throws IOException {
        List<Finding> f = check(table3("本年新收: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  部分公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(errors(f, "V11")).hasSize(2).first().asString()
                .contains("“自然人”列", "之和 2 多于申请数 1", "部分公开的只计入（二）");
    }

    @Test
    void v11PassesWhenEachRequestHasOneOutcome() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 0, 0, 0, 0, 0, 2]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  部分公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V11")).isEmpty();
    }
}
