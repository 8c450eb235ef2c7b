package cn.gongkai.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The figures of a unit's annual report that the district office adds up for its summary table: from table 二 the
 * 行政规范性文件 made and in force, the 行政许可, 行政处罚 and 行政强制 decisions and the fees (万元); from table 三
 * the 总计 column of 新收, 上年结转, the results' 总计 and 结转下年度; from table 四 the 总计 of 行政复议 and of 行政诉讼
 * (both groups). A cell the facts file left blank is null (check V6 reports it).
 */
public final class ReportFigures {
    private record Figure(String label, Function<ReportFacts, Num> cell) {
    }

    private static final int T3 = Format2021.TOTAL_COLUMN;
    private static final int T4 = 4;
    private static final List<Figure> FIGURES = List.of(
            new Figure(Format2021.T2_NORMATIVE + "本年制发", f -> f.table2().get(1).get(0)),
            new Figure(Format2021.T2_NORMATIVE + "现行有效", f -> f.table2().get(1).get(2)),
            new Figure(Format2021.T2_LICENSING + "决定", f -> f.table2().get(2).get(0)),
            new Figure(Format2021.T2_PENALTY + "决定", f -> f.table2().get(3).get(0)),
            new Figure(Format2021.T2_COERCION + "决定", f -> f.table2().get(4).get(0)),
            new Figure(Format2021.T2_CHARGES + "（万元）", f -> f.table2().get(5).get(0)),
            new Figure("新收申请", f -> f.table3().get(Format2021.R1).get(T3)),
            new Figure("上年结转", f -> f.table3().get(Format2021.R2).get(T3)),
            new Figure("办理结果总计", f -> f.table3().get(Format2021.R24).get(T3)),
            new Figure("结转下年度", f -> f.table3().get(Format2021.R25).get(T3)),
            new Figure(Format2021.T4_REVIEW, f -> f.table4().get(0).get(T4)),
            new Figure(Format2021.T4_LITIGATION, f -> sum(f.table4().get(1).get(T4), f.table4().get(2).get(T4))));

    /** The labels, in order. */
    public static final List<String> LABELS = FIGURES.stream().map(Figure::label).toList();

    private ReportFigures() {
    }

    /** The figures of {@code facts} under {@link #LABELS}; an entry is null where the facts file left a cell blank. */
    public static List<BigDecimal> of(ReportFacts facts) {
        List<BigDecimal> out = new ArrayList<>();
        FIGURES.forEach(f -> out.add(f.cell().apply(facts).value()));
        return out;
    }

    /** Adds {@code figures} into {@code into} (same length), a null leaving the sum as it is. */
    static void add(List<BigDecimal> into, List<BigDecimal> figures) {
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i) != null) {
                into.set(i, into.get(i).add(figures.get(i)));
            }
        }
    }

    private static Num sum(Num a, Num b) {
        return a.blank() || b.blank() ? new Num(null, "", false) : Num.computed(a.value().add(b.value()));
    }
}
