package cn.gongkai.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Describes, for staff, the cells in which the per-day summary and a count of the ledger differ. */
final class SummaryDifferences {
    private static final long[] NONE = new long[4];

    private SummaryDifferences() {
    }

    static List<String> describe(Map<DailyTally.Cell, long[]> summary, Map<DailyTally.Cell, long[]> ledger,
                                 int limit) {
        TreeSet<DailyTally.Cell> cells = new TreeSet<>(summary.keySet());
        cells.addAll(ledger.keySet());
        List<String> lines = new ArrayList<>();
        int differing = 0;
        for (DailyTally.Cell cell : cells) {
            long[] s = summary.getOrDefault(cell, NONE);
            long[] l = ledger.getOrDefault(cell, NONE);
            if (!java.util.Arrays.equals(s, l)) {
                differing++;
                if (lines.size() < limit) {
                    lines.add(cell.day() + " " + cell.dim() + "「" + cell.key() + "」：汇总 " + counts(s)
                            + "，台账 " + counts(l));
                }
            }
        }
        if (differing > lines.size()) {
            lines.add("……另有 " + (differing - lines.size()) + " 处不同");
        }
        return lines;
    }

    private static String counts(long[] c) {
        return "文章 " + c[0] + "、删除 " + c[1] + "、更正 " + c[2] + "、推送 " + c[3];
    }
}
