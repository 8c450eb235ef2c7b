package cn.gongkai.report;

import static cn.gongkai.report.TableCells.label;
import static cn.gongkai.report.TableCells.text;
import static cn.gongkai.report.TableCells.v;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** V1–V4 and V11: the sums of tables 三 and 四 add up; errors name the table, row, column and both sums. */
final class SumChecks {
    private final Findings out;

    SumChecks(Findings out) {
        this.out = out;
    }

    /** V1: R1 + R2 = R24 + R25 in every column. */
    void v1(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int c = 0; c < 7; c++) {
            BigDecimal left = v(t, Format2021.R1, c).add(v(t, Format2021.R2, c));
            BigDecimal right = v(t, Format2021.R24, c).add(v(t, Format2021.R25, c));
            if (left.compareTo(right) != 0) {
                out.error("V1", "表三“" + Format2021.T3_COLUMNS.get(c) + "”列：第一项加第二项之和 " + left.toPlainString()
                        + "（" + label(Format2021.R1) + " " + text(t, Format2021.R1, c) + " + " + label(Format2021.R2)
                        + " " + text(t, Format2021.R2, c) + "）不等于第三项加第四项之和 " + right.toPlainString() + "（"
                        + label(Format2021.R24) + " " + text(t, Format2021.R24, c) + " + " + label(Format2021.R25) + " "
                        + text(t, Format2021.R25, c) + "）");
            }
        }
    }

    /** V2: c7 总计 = c1 + … + c6 in every row. */
    void v2(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int r = 0; r < 25; r++) {
            Parts parts = parts(t, r, 6);
            if (parts.sum().compareTo(v(t, r, 6)) != 0) {
                out.error("V2", "表三“" + label(r) + "”行“总计”列为 " + text(t, r, 6) + "，而自然人至其他六列之和为 "
                        + parts.shown());
            }
        }
    }

    /** V3: R24 （七）总计 = R3 + … + R23 in every column. */
    void v3(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int c = 0; c < 7; c++) {
            BigDecimal sum = outcomes(t, c);
            if (sum.compareTo(v(t, Format2021.R24, c)) != 0) {
                out.error("V3", "表三“（七）总计”行“" + Format2021.T3_COLUMNS.get(c) + "”列为 " + text(t, Format2021.R24, c)
                        + "，而（一）至（六）各项办理结果之和为 " + sum.toPlainString());
            }
        }
    }

    /** V4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 in each group of table 四. */
    void v4(ReportFacts f) {
        List<List<Num>> t = f.table4();
        for (int g = 0; g < 3; g++) {
            Parts parts = parts(t, g, 4);
            if (parts.sum().compareTo(v(t, g, 4)) != 0) {
                String group = g == 0 ? "行政复议" : "行政诉讼·" + Format2021.T4_GROUPS.get(g);
                out.error("V4", "表四“" + group + "”的“总计”列为 " + text(t, g, 4) + "，而结果维持、结果纠正、其他结果、尚未审结之和为 "
                        + parts.shown());
            }
        }
    }

    /** V11: each request is counted once: the outcomes and the carried-over cannot exceed the requests. */
    void v11(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int c = 0; c < 7; c++) {
            BigDecimal handled = outcomes(t, c).add(v(t, Format2021.R25, c));
            BigDecimal requests = v(t, Format2021.R1, c).add(v(t, Format2021.R2, c));
            if (handled.compareTo(requests) > 0) {
                out.error("V11", "表三“" + Format2021.T3_COLUMNS.get(c) + "”列：各项办理结果与结转下年度之和 "
                        + handled.toPlainString() + " 多于申请数 " + requests.toPlainString()
                        + "（本年新收加上年结转）：每件申请只能计入一种办理结果，部分公开的只计入（二）");
            }
        }
    }

    /** The sum of the outcome rows R3 … R23 of table 三 in column {@code c}. */
    private static BigDecimal outcomes(List<List<Num>> t, int c) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int r = Format2021.R3; r <= Format2021.R23; r++) {
            sum = sum.add(v(t, r, c));
        }
        return sum;
    }

    /** The first cells of a row: their sum, and each as written. */
    private record Parts(BigDecimal sum, List<String> texts) {
        /** The sum, then the parts: {@code 2（1 + 1 + 0）}. */
        String shown() {
            return sum.toPlainString() + "（" + String.join(" + ", texts) + "）";
        }
    }

    /** Columns 0 … {@code count} − 1 of row {@code r}. */
    private static Parts parts(List<List<Num>> t, int r, int count) {
        BigDecimal sum = BigDecimal.ZERO;
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            sum = sum.add(v(t, r, c));
            texts.add(text(t, r, c));
        }
        return new Parts(sum, texts);
    }
}
