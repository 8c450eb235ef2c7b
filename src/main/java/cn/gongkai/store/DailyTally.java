package cn.gongkai.store;

import cn.gongkai.report.CountBy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ledger rows add to the per-day summary (V12): for each row, one cell per dimension (category, account,
 * department, mode) of its publish day, counting articles, deleted articles, corrections and pushes. Cells are kept
 * in key order, so that writers update summary rows in one order and do not deadlock each other.
 */
final class DailyTally {
    /** The dimensions a row is counted by, with the column names the summary stores them under. */
    static final Map<CountBy, String> DIMENSIONS = Map.of(CountBy.CATEGORY, "category", CountBy.ACCOUNT, "account",
            CountBy.DEPARTMENT, "department", CountBy.MODE, "mode");

    private final ZoneId zone;
    private final TreeMap<Cell, long[]> cells = new TreeMap<>();

    DailyTally(ZoneId zone) {
        this.zone = zone;
    }

    /** One summary row's key. */
    record Cell(String dim, LocalDate day, String key) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell o) {
            int c = dim.compareTo(o.dim);
            if (c == 0) {
                c = day.compareTo(o.day);
            }
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    /** The columns of a ledger row that counting reads. */
    record Row(Instant publishedAt, String account, String category, String department, String mode,
               boolean correction, boolean deleted, boolean pushHead) {
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one ledger row. */
    void add(Row r, int sign) {
        LocalDate day = LocalDate.ofInstant(r.publishedAt(), zone);
        long[] counts = {r.correction() ? 0 : sign, !r.correction() && r.deleted() ? sign : 0,
            r.correction() ? sign : 0, r.pushHead() ? sign : 0};
        add(new Cell("category", day, orEmpty(r.category())), counts);
        add(new Cell("account", day, orEmpty(r.account())), counts);
        add(new Cell("department", day, orEmpty(r.department())), counts);
        add(new Cell("mode", day, orEmpty(r.mode())), counts);
    }

    /** Adds counts (articles, deleted, corrections, pushes) to one cell. */
    void add(Cell cell, long[] counts) {
        long[] sum = cells.computeIfAbsent(cell, c -> new long[4]);
        for (int i = 0; i < 4; i++) {
            sum[i] += counts[i];
        }
    }

    /** The cells with anything in them, in key order. */
    Map<Cell, long[]> cells() {
        TreeMap<Cell, long[]> nonZero = new TreeMap<>();
        cells.forEach((cell, counts) -> {
            if (counts[0] != 0 || counts[1] != 0 || counts[2] != 0 || counts[3] != 0) {
                nonZero.put(cell, counts);
            }
        });
        return nonZero;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
