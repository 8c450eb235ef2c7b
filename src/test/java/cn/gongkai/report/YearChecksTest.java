package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's year joins last year's and it is published in time (V7, V12), failing and passing. */
class YearChecksTest extends ReportChecksFixture {
    // ---- V7: this year's 上年结转 = last year's 结转下年度 (warning) ----

    @Test
    void v7WarnsWhenCarriedOverDiffersFromLastYearsCarriedForward() throws IOException {
        write("2022.yml", base(2022) + table3("结转下年度: [1, 0, 0, 0, 0, 0, 1]\n  本年新收: [1, 0, 0, 0, 0, 0, 1]"));

        List<Finding> f = check("");

        assertThat(findings(f, "V7")).hasSize(2).first().satisfies(w -> {
            assertThat(w.error()).isFalse();
            assertThat(w.message()).contains("“自然人”列", "上年结转", "为 0", "2022.yml", "结转下年度继续办理", "为 1");
        });
        assertThat(errors(f)).isEmpty();
    }

    @Test
    void v7PassesWhenTheYearsJoinAndSaysSoWhenLastYearIsMissing() throws IOException {
        assertThat(findings(check(""), "V7")).singleElement().asString().contains("没有找到上年的事实文件");

        write("2022.yml", base(2022) + table3("结转下年度: [1, 0, 0, 0, 0, 0, 1]\n  本年新收: [1, 0, 0, 0, 0, 0, 1]"));
        List<Finding> f = check(table3("上年结转: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V7")).isEmpty();
    }

    // ---- V12: the calendar year, published by 31 January ----

    @Test
    void v12FailsOnTheWrongYearPeriodOrPublicationDate() throws IOException {
        write("2023.yml", "单位: 测试局\n年度: 2022\n发布日期: 2024-02-05\n统计期限: [2023-02-01, 2023-12-31]\n");
        List<Finding> f = run(2023);

        assertThat(errors(f, "V12")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("“年度”为 2022", "2023 年的报告"),
                m -> assertThat(m).contains("统计期限", "应为 2023-01-01 至 2023-12-31"),
                m -> assertThat(m).contains("2024-02-05 晚于法定期限 2024-01-31"));
        write("2023.yml", "单位: 测试局\n年度: 2023\n发布日期: 2023-12-20\n");
        assertThat(errors(run(2023), "V12")).singleElement().asString().contains("早于统计期限结束");
    }

    @Test
    void v12PassesForAReportPublishedInJanuaryAndOnlyRemindsWithoutADate() throws IOException {
        assertThat(findings(check("统计期限: [2023-01-01, 2023-12-31]\n"), "V12")).isEmpty();

        write("2023.yml", "单位: 测试局\n年度: 2023\n");
        assertThat(findings(run(2023), "V12")).singleElement()
                .satisfies(w -> assertThat(w.error()).isFalse())
                .asString().contains("2024-01-31 前公开");
    }
}
