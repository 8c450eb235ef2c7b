package cn.gongkai.web;

import cn.gongkai.report.FactsForm;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables 二/三/四 of the 年报 form. Every 总计 — the last column of tables 三 and 四 and table 三's row （七）总计 — is
 * computed: shown read-only with the cells it adds up (which {@code assets/report.js} uses to recompute it while
 * staff type), never posted, and left out of the saved facts file so that the server sums it again. Table 三's
 * rows carry the group headings of the national format.
 */
final class ReportFormTables {
    private ReportFormTables() {
    }

    static List<ReportView.TableRow> table2(Map<String, List<String>> cells) {
        return rows("t2", FactsForm.table2(), cells, false);
    }

    static List<ReportView.TableRow> table3(Map<String, List<String>> cells) {
        return rows("t3", FactsForm.table3(), cells, true);
    }

    static List<ReportView.TableRow> table4(Map<String, List<String>> cells) {
        return rows("t4", FactsForm.table4(), cells, true);
    }

    private static List<ReportView.TableRow> rows(String table, List<FactsForm.Row> rows,
                                                 Map<String, List<String>> cells, boolean totals) {
        Map<String, String> headings = table.equals("t3") ? FactsForm.table3Headings() : Map.of();
        List<ReportView.TableRow> out = new ArrayList<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (FactsForm.Row r : rows) {
            List<String> given = cells.getOrDefault(r.key(), List.of());
            List<ReportView.Cell> inputs = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                String name = name(table, r.key(), i);
                List<String> parts = totals ? parts(table, rows, r, i) : List.of();
                String value = parts.isEmpty() ? (i < given.size() ? given.get(i) : "") : sum(parts, shown);
                shown.put(name, value);
                inputs.add(new ReportView.Cell(name, value, r.columns().get(i), !parts.isEmpty(),
                        String.join(" ", parts)));
            }
            out.add(new ReportView.TableRow(r.label(), inputs, headings.getOrDefault(r.key(), "")));
        }
        return out;
    }

    private static String name(String table, String row, int column) {
        return table + "|" + row + "|" + column;
    }

    /** The cells a computed cell adds up, or none when the cell is typed. */
    private static List<String> parts(String table, List<FactsForm.Row> rows, FactsForm.Row r, int column) {
        List<String> parts = new ArrayList<>();
        int last = r.columns().size() - 1;
        if (column == last) {
            for (int i = 0; i < last; i++) {
                parts.add(name(table, r.key(), i));
            }
        } else if (table.equals("t3") && r.key().equals(FactsForm.table3TotalRow())) {
            List<String> keys = rows.stream().map(FactsForm.Row::key).toList();
            for (String k : keys.subList(2, keys.indexOf(r.key()))) {
                parts.add(name(table, k, column));
            }
        }
        return parts;
    }

    /** The sum of cells shown before; blank when one of them is not a number (V5/V6 then say which). */
    private static String sum(List<String> parts, Map<String, String> shown) {
        BigDecimal total = BigDecimal.ZERO;
        for (String p : parts) {
            String v = shown.getOrDefault(p, "").strip();
            if (!v.matches("\\d+(\\.\\d+)?")) {
                return "";
            }
            total = total.add(new BigDecimal(v));
        }
        return total.stripTrailingZeros().toPlainString();
    }

    /** The cells of {@code t2}, {@code t3} or {@code t4} as posted; computed cells are blank whatever was sent. */
    static Map<String, List<String>> posted(Context ctx, String table) {
        List<FactsForm.Row> rows = table.equals("t2") ? FactsForm.table2()
                : table.equals("t3") ? FactsForm.table3() : FactsForm.table4();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FactsForm.Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                boolean computed = !table.equals("t2") && !parts(table, rows, r, i).isEmpty();
                String v = computed ? null : ctx.formParam(name(table, r.key(), i));
                cells.add(v == null ? "" : v.strip());
            }
            out.put(r.key(), cells);
        }
        return out;
    }
}
