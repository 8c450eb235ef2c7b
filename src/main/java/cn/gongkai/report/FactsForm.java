package cn.gongkai.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts file as a form staff fill in (the console's 年报 page): the fields and table rows with their exact
 * labels, the values of a read facts file, and the facts file written back from the form. A cell is kept as typed,
 * so a blank or "/" still reaches the checks (V5, V6); a blank 总计 is left out and summed by {@link FactsFile}.
 */
public final class FactsForm {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    private FactsForm() {
    }

    /**
     * A table row of the form.
     *
     * @param key     the key in the facts file
     * @param label   the row's label in the report
     * @param columns the labels of its cells, the last one 总计 where the table has one
     */
    public record Row(String key, String label, List<String> columns) {
    }

    /** A sub-section of section 一 the bureau writes. */
    public record Section(String heading, String text) {
        public Section {
            heading = heading == null ? "" : heading.strip();
            text = text == null ? "" : text.strip();
        }
    }

    /**
     * What the form holds. Table cells are the text typed; maps are keyed by {@link Row#key()}.
     *
     * @param publishedOn  ISO date or empty
     * @param portalFigures the {@code 报区政府办} key: empty (not stated), {@code true} (all portals) or a portal id
     */
    public record Values(String unit, int year, String publishedOn, String channel, boolean categoryBreakdown,
                         boolean statePushes, String opening, String proactiveHeading, String proactiveExtra,
                         List<Section> sections, Map<String, List<String>> table2, Map<String, List<String>> table3,
                         Map<String, List<String>> table4, String problems, String otherMatters,
                         String portalFigures) {
        /** A form without the 报区政府办 figures (not stated). */
        public Values(String unit, int year, String publishedOn, String channel, boolean categoryBreakdown,
                      boolean statePushes, String opening, String proactiveHeading, String proactiveExtra,
                      List<Section> sections, Map<String, List<String>> table2, Map<String, List<String>> table3,
                      Map<String, List<String>> table4, String problems, String otherMatters) {
            this(unit, year, publishedOn, channel, categoryBreakdown, statePushes, opening, proactiveHeading,
                    proactiveExtra, sections, table2, table3, table4, problems, otherMatters, "");
        }

        public Values {
            portalFigures = portalFigures == null ? "" : portalFigures.strip();
            unit = unit == null ? "" : unit.strip();
            publishedOn = publishedOn == null ? "" : publishedOn.strip();
            channel = channel == null ? "" : channel.strip();
            opening = opening == null ? "" : opening.strip();
            proactiveHeading = proactiveHeading == null ? "" : proactiveHeading.strip();
            proactiveExtra = proactiveExtra == null ? "" : proactiveExtra.strip();
            problems = problems == null ? "" : problems.strip();
            otherMatters = otherMatters == null ? "" : otherMatters.strip();
            sections = List.copyOf(sections);
            table2 = Map.copyOf(table2);
            table3 = Map.copyOf(table3);
            table4 = Map.copyOf(table4);
        }
    }

    /** Table 二: 规章 and 行政规范性文件 with three cells, the others with one. */
    public static List<Row> table2() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Format2021.T2_RULES, Format2021.T2_RULES, Format2021.T2_DOC_COLUMNS));
        rows.add(new Row(Format2021.T2_NORMATIVE, Format2021.T2_NORMATIVE, Format2021.T2_DOC_COLUMNS));
        for (String k : List.of(Format2021.T2_LICENSING, Format2021.T2_PENALTY, Format2021.T2_COERCION)) {
            rows.add(new Row(k, k, List.of(Format2021.T2_DECISIONS)));
        }
        rows.add(new Row(Format2021.T2_CHARGES, Format2021.T2_CHARGES, List.of(Format2021.T2_FEES)));
        return rows;
    }

    /** Table 三: the 25 rows of seven cells (the last 总计). */
    public static List<Row> table3() {
        return Format2021.T3_ROWS.stream().map(r -> new Row(r.key(), r.label(), Format2021.T3_COLUMNS)).toList();
    }

    /** The key of table 三's row （七）总计, which the form computes from the outcome rows. */
    public static String table3TotalRow() {
        return Format2021.T3_ROWS.get(Format2021.R24).key();
    }

    /**
     * The group headings of table 三 as the 2021 format prints them, keyed by the first row under each: 三、本年度办理结果
     * over （一）予以公开, then （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理 over their numbered rows.
     */
    public static Map<String, String> table3Headings() {
        return Map.of(Format2021.T3_ROWS.get(Format2021.R3).key(), Format2021.T3_RESULTS,
                Format2021.T3_ROWS.get(4).key(), Format2021.T3_WITHHELD,
                Format2021.T3_ROWS.get(12).key(), Format2021.T3_UNABLE,
                Format2021.T3_ROWS.get(15).key(), Format2021.T3_NOT_HANDLED,
                Format2021.T3_ROWS.get(20).key(), Format2021.T3_OTHER);
    }

    /** Table 四: three groups of five cells (the last 总计). */
    public static List<Row> table4() {
        return Format2021.T4_GROUPS.stream().map(g -> new Row(g, g.equals(Format2021.T4_REVIEW) ? g
                : Format2021.T4_LITIGATION + "（" + g + "）", Format2021.T4_COLUMNS)).toList();
    }

    /** The form filled in from a read facts file; totals the file left out are blank. */
    public static Values of(ReportFacts f) {
        List<Section> sections = f.subsections().stream().map(s -> new Section(s.heading(), s.text())).toList();
        return new Values(f.unit(), f.year(), f.publishedOn() == null ? "" : f.publishedOn().toString(), f.channel(),
                f.categoryBreakdown(), f.statePushes(), f.opening(), f.proactive().heading(), f.proactive().text(),
                sections, cells(table2(), f.table2()), cells(table3(), f.table3()), cells(table4(), f.table4()),
                f.problems(), f.otherMatters(), f.portalFigures() == null ? ""
                : f.portalFigures().portalId() == null ? "true" : f.portalFigures().portalId());
    }

    private static Map<String, List<String>> cells(List<Row> rows, List<List<Num>> table) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Num> row = table.get(r);
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                Num n = row.get(c);
                boolean total = row.size() > 3 && c == row.size() - 1;
                texts.add(total && n.computed() ? "" : n.blank() ? n.raw() : n.text());
            }
            out.put(rows.get(r).key(), texts);
        }
        return out;
    }

    /** The facts file of the form, in the shape {@link FactsFile} reads. */
    public static String yaml(Values v) {
        ObjectNode root = YAML.createObjectNode();
        root.put("单位", v.unit());
        root.put("年度", v.year());
        putUnlessEmpty(root, "发布日期", v.publishedOn());
        putUnlessEmpty(root, "发布渠道", v.channel());
        root.put("分类明细", v.categoryBreakdown());
        root.put("写明推送次数", v.statePushes());
        if (v.portalFigures().equals("true")) {
            root.put("报区政府办", true);
        } else {
            putUnlessEmpty(root, "报区政府办", v.portalFigures());
        }
        section1(root.putObject("总体情况"), v);
        table2(root.putObject("表二"), v.table2());
        numberTable(root.putObject("表三"), table3(), v.table3());
        numberTable(root.putObject("表四"), table4(), v.table4());
        putUnlessEmpty(root, "存在的主要问题及改进情况", v.problems());
        putUnlessEmpty(root, "其他需要报告的事项", v.otherMatters());
        try {
            return "# " + v.year() + " 年度报告事实文件，由控制台“年报”页保存；也可以直接编辑，各项说明见 config/report/example.yml。\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts form not writable as YAML", e);
        }
    }

    private static void putUnlessEmpty(ObjectNode node, String key, String value) {
        if (!value.isEmpty()) {
            node.put(key, value);
        }
    }

    /** 总体情况: the opening, 主动公开 and the subsections that have a heading or a text. */
    private static void section1(ObjectNode s1, Values v) {
        putUnlessEmpty(s1, "开头", v.opening());
        ObjectNode pro = s1.putObject("主动公开");
        pro.put("标题", v.proactiveHeading().isEmpty() ? "主动公开情况" : v.proactiveHeading());
        pro.put("补充", v.proactiveExtra());
        ArrayNode sections = s1.putArray("小节");
        for (Section s : v.sections()) {
            if (s.heading().isEmpty() && s.text().isEmpty()) {
                continue;
            }
            ObjectNode n = sections.addObject();
            n.put("标题", s.heading());
            n.put("内容", s.text());
        }
    }

    /** 表二: a row of one column is a single value, wider rows are lists. */
    private static void table2(ObjectNode t2, Map<String, List<String>> values) {
        for (Row r : table2()) {
            List<String> cells = values.getOrDefault(r.key(), List.of());
            if (r.columns().size() == 1) {
                cell(t2, r.key(), cells.isEmpty() ? "" : cells.get(0));
            } else {
                cells(t2.putArray(r.key()), cells, r.columns().size(), false);
            }
        }
    }

    /**
     * 表三 or 表四: each row a list whose blank total is left to be summed; table 三's （七）总计 row left all blank is
     * left out, so that it is summed from the outcome rows.
     */
    private static void numberTable(ObjectNode table, List<Row> rows, Map<String, List<String>> values) {
        for (Row r : rows) {
            List<String> cells = values.getOrDefault(r.key(), List.of());
            if (r.key().equals(table3TotalRow()) && cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            cells(table.putArray(r.key()), cells, r.columns().size(), true);
        }
    }

    /** The cells of a row; a blank last cell of a row with a total is left out (the total is then summed). */
    private static void cells(ArrayNode out, List<String> cells, int width, boolean total) {
        int n = width;
        if (total && (cells.size() < width || cells.get(width - 1).isBlank())) {
            n = width - 1;
        }
        for (int i = 0; i < n; i++) {
            add(out, i < cells.size() ? cells.get(i) : "");
        }
    }

    private static void cell(ObjectNode out, String key, String text) {
        BigDecimal number = number(text);
        if (number != null) {
            out.put(key, number);
        } else {
            out.put(key, text.strip());
        }
    }

    private static void add(ArrayNode out, String text) {
        BigDecimal number = number(text);
        if (number != null) {
            out.add(number);
        } else {
            out.add(text.strip());
        }
    }

    private static BigDecimal number(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }
}
