package cn.gongkai.report;

import static cn.gongkai.report.FactsNodes.absent;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Tables 二/三/四 of a facts file as cells. A row or a whole table left out is 0 (a table left out is named in
 * {@code omitted}); a total left out is the sum of its parts; a cell written blank, "/" or "—" is kept blank, so
 * that the checks can refuse it (V6) by name.
 */
final class FactsTables {
    private static final List<String> TABLE2_KEYS = List.of(Format2021.T2_RULES, Format2021.T2_NORMATIVE,
            Format2021.T2_LICENSING, Format2021.T2_PENALTY, Format2021.T2_COERCION, Format2021.T2_CHARGES);
    private static final Num BLANK = new Num(null, "", false);

    private final FactsNodes nodes;
    private final List<String> omitted;

    /** @param omitted gets the name of each table the file leaves out */
    FactsTables(FactsNodes nodes, List<String> omitted) {
        this.nodes = nodes;
        this.omitted = omitted;
    }

    List<List<Num>> table2(JsonNode t) {
        checkTable(t, "表二", Set.copyOf(TABLE2_KEYS));
        List<List<Num>> rows = new ArrayList<>();
        for (int i = 0; i < TABLE2_KEYS.size(); i++) {
            int width = i < 2 ? 3 : 1;
            JsonNode n = absent(t) ? null : t.get(TABLE2_KEYS.get(i));
            if (n != null && n.isNull()) {
                rows.add(blanks(width));
            } else if (absent(n)) {
                rows.add(zeros(width));
            } else if (width == 1 && !n.isArray()) {
                rows.add(new ArrayList<>(List.of(cell(n))));
            } else {
                rows.add(cells(n, "表二." + TABLE2_KEYS.get(i), width, width));
            }
        }
        return rows;
    }

    List<List<Num>> table3(JsonNode t) {
        checkTable(t, "表三", Set.copyOf(Format2021.T3_ROWS.stream().map(Format2021.Row::key).toList()));
        List<List<Num>> rows = new ArrayList<>();
        for (Format2021.Row r : Format2021.T3_ROWS) {
            JsonNode n = absent(t) ? null : t.get(r.key());
            rows.add(n != null && n.isNull() ? blanks(7) : absent(n) ? null
                    : withTotal(cells(n, "表三." + r.key(), 6, 7), 7));
        }
        if (rows.get(Format2021.R24) == null) {
            rows.set(Format2021.R24, outcomesTotal(rows));
        }
        rows.replaceAll(row -> row == null ? zeros(7) : row);
        return rows;
    }

    List<List<Num>> table4(JsonNode t) {
        checkTable(t, "表四", Set.copyOf(Format2021.T4_GROUPS));
        List<List<Num>> groups = new ArrayList<>();
        for (String g : Format2021.T4_GROUPS) {
            JsonNode n = absent(t) ? null : t.get(g);
            groups.add(n != null && n.isNull() ? blanks(5) : absent(n) ? zeros(5)
                    : withTotal(cells(n, "表四." + g, 4, 5), 5));
        }
        return groups;
    }

    /** Notes a table left out; refuses a table with a key outside {@code keys}. */
    private void checkTable(JsonNode t, String name, Set<String> keys) {
        if (absent(t)) {
            omitted.add(name);
        } else {
            nodes.known(t, keys, name + ".");
        }
    }

    /** Row R24 （七）总计 of table 三 when the file leaves it out: the sum of the outcome rows R3 … R23. */
    private static List<Num> outcomesTotal(List<List<Num>> rows) {
        List<Num> total = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int r = Format2021.R3; r <= Format2021.R23; r++) {
                sum = sum.add(rows.get(r) == null ? BigDecimal.ZERO : rows.get(r).get(c).orZero());
            }
            total.add(Num.computed(sum));
        }
        return total;
    }

    private List<Num> cells(JsonNode n, String key, int min, int max) {
        if (!n.isArray() || n.size() < min || n.size() > max) {
            String count = min == max ? String.valueOf(min) : min + " 或 " + max;
            throw nodes.refuse(key, "应写作 " + count + " 个数的列表，如 [" + String.join(", ",
                    Collections.nCopies(max, "0")) + "]，实际为 " + n);
        }
        List<Num> row = new ArrayList<>();
        n.forEach(c -> row.add(cell(c)));
        return row;
    }

    private static List<Num> withTotal(List<Num> row, int width) {
        if (row.size() == width) {
            return row;
        }
        BigDecimal sum = row.stream().map(Num::orZero).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Num> full = new ArrayList<>(row);
        full.add(Num.computed(sum));
        return full;
    }

    private static Num cell(JsonNode c) {
        if (c == null || c.isNull()) {
            return BLANK;
        }
        if (c.isNumber()) {
            return new Num(c.decimalValue(), c.asText(), false);
        }
        String text = c.asText().strip();
        try {
            return new Num(new BigDecimal(text), text, false);
        } catch (NumberFormatException e) {
            return new Num(null, text, false);
        }
    }

    private static List<Num> blanks(int n) {
        return new ArrayList<>(Collections.nCopies(n, BLANK));
    }

    private static List<Num> zeros(int n) {
        return new ArrayList<>(Collections.nCopies(n, Num.ZERO));
    }
}
