package cn.gongkai.report;

import cn.gongkai.config.UnitConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The district's year by unit and category (全区汇总表): one line per unit with the articles its accounts published
 * in each category (栏目) — each unit's own counter, so a line is what {@code counts --unit U} prints — and the
 * district's line from the district's counter. Ledger rows of accounts no unit lists any more are the difference,
 * shown on a line of their own, so that the total line is the district's count and every column adds up.
 */
public final class DistrictCategories {
    /** The name of the line of what belongs to no configured unit. */
    public static final String UNASSIGNED = "（未归属任何单位）";
    /** The name of the total line. */
    public static final String TOTAL = "全区合计";

    /** A unit: its id and name. */
    public record Unit(String id, String name) {
    }

    /** One line: a unit's (or the unassigned, or the total) articles per category and in all. */
    public record Line(String id, String name, Map<String, Integer> cells, int total) {
        public Line {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        /** The articles of {@code category} (0 when this line has none of it). */
        public int cell(String category) {
            return cells.getOrDefault(category, 0);
        }
    }

    /** The year's table: the categories in the configured order (then any others found), the lines and the total. */
    public record Table(int year, List<String> categories, List<Line> units, Line total) {
        public Table {
            categories = List.copyOf(categories);
            units = List.copyOf(units);
        }
    }

    private final List<Unit> units;
    private final Counter district;
    private final Function<String, Counter> unitCounter;

    public DistrictCategories(List<Unit> units, Counter district, Function<String, Counter> unitCounter) {
        this.units = List.copyOf(units);
        this.district = district;
        this.unitCounter = unitCounter;
    }

    /**
     * {@code units} (the configuration's and those added on the 单位 page), counted by {@code unitCounter} (a unit id →
     * its counter) and {@code district}.
     */
    public static DistrictCategories of(List<UnitConfig> units, Counter district,
                                        Function<String, Counter> unitCounter) {
        return new DistrictCategories(units.stream().map(u -> new Unit(u.id(), u.name())).toList(), district,
                unitCounter);
    }

    /** One count by category per unit and one for the district. */
    public Table year(int year) {
        YearCounts all = district.count(year, CountBy.CATEGORY);
        Set<String> categories = new LinkedHashSet<>(all.groups().keySet());
        List<Line> lines = new ArrayList<>();
        for (Unit u : units) {
            YearCounts c = unitCounter.apply(u.id()).count(year, CountBy.CATEGORY);
            categories.addAll(c.groups().keySet());
            lines.add(new Line(u.id(), u.name(), c.groups(), c.articles()));
        }
        Map<String, Integer> rest = new LinkedHashMap<>(all.groups());
        lines.forEach(l -> l.cells().forEach((k, n) -> rest.merge(k, -n, Integer::sum)));
        int restTotal = all.articles() - lines.stream().mapToInt(Line::total).sum();
        if (restTotal != 0 || rest.values().stream().anyMatch(n -> n != 0)) {
            lines.add(new Line("", UNASSIGNED, rest, restTotal));
        }
        return new Table(year, List.copyOf(categories), lines, new Line("district", TOTAL, all.groups(),
                all.articles()));
    }

    /** The head of the download: 单位, the categories, 合计. */
    public static List<String> columns(Table t) {
        List<String> head = new ArrayList<>(List.of("单位"));
        head.addAll(t.categories());
        head.add("合计");
        return head;
    }

    /** The lines as cells under {@link #columns}: the name as text, the counts as numbers; the total line last. */
    public static List<List<Object>> rows(Table t) {
        List<List<Object>> out = new ArrayList<>();
        List<Line> lines = new ArrayList<>(t.units());
        lines.add(t.total());
        for (Line l : lines) {
            List<Object> row = new ArrayList<>(List.of(l.name()));
            t.categories().forEach(c -> row.add(l.cell(c)));
            row.add(l.total());
            out.add(row);
        }
        return out;
    }

    /** The table as a workbook of one sheet. */
    public static byte[] xlsx(Table t) {
        int[] widths = new int[t.categories().size() + 2];
        java.util.Arrays.fill(widths, 12);
        widths[0] = 24;
        return XlsxSheets.write(List.of(new XlsxSheets.Sheet(t.year() + "年各单位分栏目发布数", columns(t), widths,
                rows(t))));
    }

    /** The table as UTF-8 CSV with a byte-order mark (Excel shows the Chinese text). */
    public static byte[] csv(Table t) {
        StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(columns(t))).append("\r\n");
        for (List<Object> row : rows(t)) {
            out.append(Csv.text((String) row.get(0)));
            row.subList(1, row.size()).forEach(n -> out.append(',').append(Csv.number((Integer) n)));
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
