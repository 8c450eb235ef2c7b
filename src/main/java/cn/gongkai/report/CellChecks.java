package cn.gongkai.report;

import java.util.List;

/** V5 and V6: every cell of tables 二/三/四 is a number ≥ 0, an integer except the fee, and never blank. */
final class CellChecks {
    private final Findings out;

    CellChecks(Findings out) {
        this.out = out;
    }

    private interface RowName {
        String of(int row);
    }

    private interface ColumnName {
        String of(int row, int column);
    }

    void run(ReportFacts facts) {
        cells("表二", facts.table2(), TableCells::table2Row, CellChecks::table2Column, true);
        cells("表三", facts.table3(), r -> Format2021.T3_ROWS.get(r).label(), (r, col) -> Format2021.T3_COLUMNS.get(col),
                false);
        cells("表四", facts.table4(), r -> Format2021.T4_GROUPS.get(r), (r, col) -> Format2021.T4_COLUMNS.get(col),
                false);
    }

    private void cells(String table, List<List<Num>> rows, RowName rowName, ColumnName columnName, boolean feeRow) {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String where = table + "“" + rowName.of(r) + "”行“" + columnName.of(r, c) + "”列";
                cell(rows.get(r).get(c), where, feeRow && r == 5);
            }
        }
    }

    private void cell(Num n, String where, boolean fee) {
        if (n.blank()) {
            String raw = n.raw().strip();
            if (raw.isEmpty() || raw.equals("/") || raw.equals("—") || raw.equals("-") || raw.equals("／")
                    || raw.equals("——")) {
                out.error("V6", where + (raw.isEmpty() ? "为空" : "写作“" + raw + "”") + "：表中不能留空或写斜杠、横线，没有的填 0");
            } else {
                out.error("V5", where + "不是数字：“" + raw + "”");
            }
        } else if (n.value().signum() < 0) {
            out.error("V5", where + "为负数 " + n.raw() + "：" + (fee ? "金额" : "件数") + "不能小于 0");
        } else if (!fee && n.value().stripTrailingZeros().scale() > 0) {
            out.error("V5", where + "为 " + n.raw() + "：件数必须是整数（只有收费金额可以有小数）");
        }
    }

    private static String table2Column(int r, int c) {
        return r < 2 ? Format2021.T2_DOC_COLUMNS.get(c) : r == 5 ? Format2021.T2_FEES : Format2021.T2_DECISIONS;
    }
}
