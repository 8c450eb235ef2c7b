package cn.gongkai.report;

import static cn.gongkai.report.ReportTable.Cell.label;
import static cn.gongkai.report.ReportTable.Cell.number;

import java.util.ArrayList;
import java.util.List;

/** Builds tables 二/三/四 in the layout of the 2021 format from the facts. */
final class Tables {
    private Tables() {
    }

    static ReportTable table2(ReportFacts f) {
        List<List<ReportTable.Cell>> rows = new ArrayList<>();
        List<List<Num>> v = f.table2();
        rows.add(List.of(label(Format2021.T2_ITEM_1, 1, 4)));
        List<ReportTable.Cell> head = new ArrayList<>(List.of(label(Format2021.T2_CONTENT)));
        Format2021.T2_DOC_COLUMNS.forEach(c -> head.add(label(c)));
        rows.add(head);
        rows.add(row(Format2021.T2_RULES, v.get(0)));
        rows.add(row(Format2021.T2_NORMATIVE, v.get(1)));
        block(rows, Format2021.T2_ITEM_5, Format2021.T2_DECISIONS);
        rows.add(List.of(label(Format2021.T2_LICENSING), number(v.get(2).get(0), 3)));
        block(rows, Format2021.T2_ITEM_6, Format2021.T2_DECISIONS);
        rows.add(List.of(label(Format2021.T2_PENALTY), number(v.get(3).get(0), 3)));
        rows.add(List.of(label(Format2021.T2_COERCION), number(v.get(4).get(0), 3)));
        block(rows, Format2021.T2_ITEM_8, Format2021.T2_FEES);
        rows.add(List.of(label(Format2021.T2_CHARGES), number(v.get(5).get(0), 3)));
        return new ReportTable("表二", 4, 0, rows);
    }

    private static void block(List<List<ReportTable.Cell>> rows, String item, String column) {
        rows.add(List.of(label(item, 1, 4)));
        rows.add(List.of(label(Format2021.T2_CONTENT), label(column, 1, 3)));
    }

    private static List<ReportTable.Cell> row(String label, List<Num> cells) {
        List<ReportTable.Cell> r = new ArrayList<>(List.of(label(label)));
        cells.forEach(n -> r.add(number(n)));
        return r;
    }

    static ReportTable table3(ReportFacts f) {
        List<List<ReportTable.Cell>> rows = new ArrayList<>();
        List<String> cols = Format2021.T3_COLUMNS;
        rows.add(List.of(label(Format2021.T3_NOTE, 3, 3), label(Format2021.T3_APPLICANTS, 1, 7)));
        rows.add(List.of(label(cols.get(0), 2, 1), label(Format2021.T3_ORGANISATIONS, 1, 5), label(cols.get(6), 2, 1)));
        rows.add(List.of(label(cols.get(1)), label(cols.get(2)), label(cols.get(3)), label(cols.get(4)),
                label(cols.get(5))));
        List<List<Num>> v = f.table3();
        for (int r = 0; r < 25; r++) {
            List<ReportTable.Cell> row = new ArrayList<>();
            String text = Format2021.T3_ROWS.get(r).label();
            if (r == Format2021.R1 || r == Format2021.R2 || r == Format2021.R25) {
                row.add(label(text, 1, 3));
            } else {
                if (r == Format2021.R3) {
                    row.add(label(Format2021.T3_RESULTS, 22, 1));
                }
                String group = switch (r) {
                    case 4 -> Format2021.T3_WITHHELD;
                    case 12 -> Format2021.T3_UNABLE;
                    case 15 -> Format2021.T3_NOT_HANDLED;
                    case 20 -> Format2021.T3_OTHER;
                    default -> null;
                };
                int span = switch (r) {
                    case 4 -> 8;
                    case 12 -> 3;
                    case 15 -> 5;
                    case 20 -> 3;
                    default -> 0;
                };
                if (group != null) {
                    row.add(label(group, span, 1));
                }
                boolean grouped = r >= 4 && r <= 22;
                row.add(grouped ? label(text) : label(text, 1, 2));
            }
            v.get(r).forEach(n -> row.add(number(n)));
            rows.add(row);
        }
        return new ReportTable("表三", 10, 3, rows);
    }

    static ReportTable table4(ReportFacts f) {
        List<List<ReportTable.Cell>> rows = new ArrayList<>();
        rows.add(List.of(label(Format2021.T4_REVIEW, 1, 5), label(Format2021.T4_LITIGATION, 1, 10)));
        List<ReportTable.Cell> second = new ArrayList<>();
        Format2021.T4_COLUMNS.forEach(c -> second.add(label(c, 2, 1)));
        second.add(label(Format2021.T4_DIRECT, 1, 5));
        second.add(label(Format2021.T4_AFTER_REVIEW, 1, 5));
        rows.add(second);
        List<ReportTable.Cell> third = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Format2021.T4_COLUMNS.forEach(c -> third.add(label(c)));
        }
        rows.add(third);
        List<ReportTable.Cell> data = new ArrayList<>();
        f.table4().forEach(g -> g.forEach(n -> data.add(number(n))));
        rows.add(data);
        return new ReportTable("表四", 15, 3, rows);
    }
}
