package cn.gongkai.report;

import java.math.BigDecimal;
import java.util.List;

/** Reading a cell of tables 二/三/四 for the checks, and the names of rows that messages use. */
final class TableCells {
    private TableCells() {
    }

    /** The cell's value; a blank cell counts as 0 (V6 reports it). */
    static BigDecimal v(List<List<Num>> t, int r, int c) {
        return t.get(r).get(c).orZero();
    }

    /** The cell as written, or （空） for a blank one. */
    static String text(List<List<Num>> t, int r, int c) {
        Num n = t.get(r).get(c);
        return n.blank() ? "（空）" : n.text();
    }

    /** The label of row {@code row} of table 三. */
    static String label(int row) {
        return Format2021.T3_ROWS.get(row).label();
    }

    /** The label of row {@code r} of table 二. */
    static String table2Row(int r) {
        return List.of(Format2021.T2_RULES, Format2021.T2_NORMATIVE, Format2021.T2_LICENSING, Format2021.T2_PENALTY,
                Format2021.T2_COERCION, Format2021.T2_CHARGES).get(r);
    }
}
