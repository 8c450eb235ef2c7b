package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cell a number ≥ 0, never blank (V5, V6), each with a report that fails it and one that passes it. */
class CellChecksTest extends ReportChecksFixture {
    // ---- V5: whole numbers ≥ 0; the fee may be a decimal ----

    @Test
    void v5FailsOnNegativeFractionalOrNonNumericCounts() throws IOException {
        List<Finding> f = check("表二:\n  行政许可: -1\n  行政处罚: 1.5\n  行政强制: 三\n  行政事业性收费: -2\n");

        assertThat(errors(f, "V5")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("表二“行政许可”行“本年处理决定数量”列为负数 -1"),
                m -> assertThat(m).contains("“行政处罚”", "1.5", "整数"),
                m -> assertThat(m).contains("“行政强制”", "不是数字：“三”"),
                m -> assertThat(m).contains("“行政事业性收费”行“本年收费金额（单位：万元）”列为负数 -2"));
    }

    @Test
    void v5PassesADecimalFeeInTenThousandYuan() throws IOException {
        List<Finding> f = check("表二:\n  行政许可: 12\n  行政事业性收费: 2.35\n");

        assertThat(errors(f)).isEmpty();
    }

    // ---- V6: 0, never blank ----

    @Test
    void v6FailsOnABlankSlashOrDashCell() throws IOException {
        List<Finding> f = check("表二:\n  规章: [0, /, 0]\n  行政许可: ~\n  行政处罚: —\n");

        assertThat(errors(f, "V6")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("表二“规章”行“本年废止件数”列写作“/”", "没有的填 0"),
                m -> assertThat(m).contains("“行政许可”", "为空"),
                m -> assertThat(m).contains("“行政处罚”", "写作“—”"));
    }

    @Test
    void v6PassesWhenEveryCellIsANumberAndPrintsZeroNotBlank() throws IOException {
        List<Finding> f = check("");

        assertThat(errors(f)).isEmpty();
        String md = new String(writer().write(report(facts("")), ReportWriter.Format.MARKDOWN), StandardCharsets.UTF_8);
        assertThat(md).contains("| 行政许可 | 0 |").doesNotContain("| / |");
    }
}
