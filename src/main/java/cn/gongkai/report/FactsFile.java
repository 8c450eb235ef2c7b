package cn.gongkai.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a per-year facts file ({@code config/report/YYYY.yml}). Keys are the Chinese names staff see in the report;
 * an unknown key is an error. A table row or a whole table left out is 0; a total left out is the sum of its parts;
 * a cell written blank, "/" or "—" is kept blank so that the checks can refuse it (V6) by name.
 */
public final class FactsFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("单位", "年度", "发布日期", "统计期限", "发布渠道", "分类明细", "写明推送次数",
            "总体情况", "表二", "表三", "表四", "存在的主要问题及改进情况", "其他需要报告的事项");
    private static final Set<String> SECTION_1 = Set.of("开头", "主动公开", "小节");
    private static final Set<String> SUBSECTION = Set.of("标题", "内容");
    private static final Set<String> PROACTIVE = Set.of("标题", "补充");
    private static final List<String> DEFAULT_HEADINGS = List.of("依申请公开情况", "政府信息管理", "政府信息公开平台建设",
            "监督保障");
    private static final List<String> TABLE2_KEYS = List.of(Format2021.T2_RULES, Format2021.T2_NORMATIVE,
            Format2021.T2_LICENSING, Format2021.T2_PENALTY, Format2021.T2_COERCION, Format2021.T2_CHARGES);

    private final String file;

    private FactsFile(String file) {
        this.file = file;
    }

    /** Reads the facts file at {@code path}. */
    public static ReportFacts read(Path path) {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new FactsException(name, "", "文件不存在（可复制 config/report/example.yml 改写）");
        }
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new FactsException(name, "", "YAML 格式错误，第 " + e.getLocation().getLineNr() + " 行："
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FactsException(name, "", "无法读取：" + e.getMessage());
        }
        return new FactsFile(name).parse(root);
    }

    private ReportFacts parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new FactsException(file, "", "顶层必须是“键: 值”的映射");
        }
        known(root, TOP, "");
        String unit = text(root, "单位", true);
        int year = year(root);
        LocalDate publishedOn = date(root.get("发布日期"), "发布日期");
        Period period = period(root.get("统计期限"));
        String channel = text(root, "发布渠道", false);
        if (channel.isEmpty()) {
            channel = unit + "微信公众号";
        }
        List<String> omitted = new ArrayList<>();
        JsonNode s1 = section1(root);
        ReportFacts.Subsection proactive = proactive(s1.path("主动公开"));
        List<ReportFacts.Subsection> subsections = subsections(s1.path("小节"));
        return new ReportFacts(file, unit, year, channel, publishedOn, period.from(), period.to(),
                bool(root, "分类明细"), bool(root, "写明推送次数"), text(s1, "开头", false), proactive, subsections,
                table2(root.get("表二"), omitted), table3(root.get("表三"), omitted), table4(root.get("表四"), omitted),
                text(root, "存在的主要问题及改进情况", false), text(root, "其他需要报告的事项", false), omitted);
    }

    private int year(JsonNode root) {
        JsonNode yearNode = root.get("年度");
        if (yearNode == null || !yearNode.canConvertToInt()) {
            throw new FactsException(file, "年度", "必须填写四位年份，如 年度: 2023");
        }
        return yearNode.asInt();
    }

    /** The 统计期限 of the report; both ends null when it is not given. */
    private record Period(LocalDate from, LocalDate to) {
    }

    private Period period(JsonNode period) {
        if (period == null || period.isNull()) {
            return new Period(null, null);
        }
        if (!period.isArray() || period.size() != 2) {
            throw new FactsException(file, "统计期限", "写作 [YYYY-01-01, YYYY-12-31]");
        }
        return new Period(date(period.get(0), "统计期限"), date(period.get(1), "统计期限"));
    }

    /** Section 1 (总体情况), checked for unknown keys; a missing node when it is not given. */
    private JsonNode section1(JsonNode root) {
        JsonNode s1 = root.path("总体情况");
        if (!s1.isMissingNode() && !s1.isNull()) {
            if (!s1.isObject()) {
                throw new FactsException(file, "总体情况", "必须是映射（开头、主动公开、小节）");
            }
            known(s1, SECTION_1, "总体情况.");
        }
        return s1;
    }

    private ReportFacts.Subsection proactive(JsonNode pro) {
        if (!pro.isMissingNode() && !pro.isNull()) {
            known(pro, PROACTIVE, "总体情况.主动公开.");
        }
        String proHeading = text(pro, "标题", false);
        return new ReportFacts.Subsection(proHeading.isEmpty() ? "主动公开情况" : proHeading, text(pro, "补充", false));
    }

    /** The subsections (二) to (十) of section 1; the default headings when none are given. */
    private List<ReportFacts.Subsection> subsections(JsonNode list) {
        List<ReportFacts.Subsection> subsections = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            DEFAULT_HEADINGS.forEach(h -> subsections.add(new ReportFacts.Subsection(h, "")));
        } else if (!list.isArray()) {
            throw new FactsException(file, "总体情况.小节", "必须是列表，每项有“标题”和“内容”");
        } else if (list.size() > 9) {
            throw new FactsException(file, "总体情况.小节", "最多 9 个小节（（二）至（十）），实际 " + list.size() + " 个");
        } else {
            for (int i = 0; i < list.size(); i++) {
                subsections.add(subsection(list.get(i), "总体情况.小节[" + (i + 1) + "]"));
            }
        }
        return subsections;
    }

    private ReportFacts.Subsection subsection(JsonNode n, String key) {
        if (!n.isObject()) {
            throw new FactsException(file, key, "必须有“标题”和“内容”");
        }
        known(n, SUBSECTION, key + ".");
        String heading = text(n, "标题", false);
        if (heading.isEmpty()) {
            throw new FactsException(file, key + ".标题", "不能为空");
        }
        return new ReportFacts.Subsection(heading, text(n, "内容", false));
    }

    private List<List<Num>> table2(JsonNode t, List<String> omitted) {
        if (absent(t)) {
            omitted.add("表二");
        } else {
            known(t, Set.copyOf(TABLE2_KEYS), "表二.");
        }
        List<List<Num>> rows = new ArrayList<>();
        for (int i = 0; i < TABLE2_KEYS.size(); i++) {
            int width = i < 2 ? 3 : 1;
            String key = "表二." + TABLE2_KEYS.get(i);
            JsonNode n = absent(t) ? null : t.get(TABLE2_KEYS.get(i));
            List<Num> row = new ArrayList<>();
            if (n != null && n.isNull()) {
                for (int c = 0; c < width; c++) {
                    row.add(new Num(null, "", false));
                }
            } else if (absent(n)) {
                for (int c = 0; c < width; c++) {
                    row.add(Num.ZERO);
                }
            } else if (width == 1 && !n.isArray()) {
                row.add(cell(n));
            } else {
                cells(n, key, width, width).forEach(row::add);
            }
            rows.add(row);
        }
        return rows;
    }

    private List<List<Num>> table3(JsonNode t, List<String> omitted) {
        if (absent(t)) {
            omitted.add("表三");
        } else {
            known(t, Set.copyOf(Format2021.T3_ROWS.stream().map(Format2021.Row::key).toList()), "表三.");
        }
        List<List<Num>> rows = new ArrayList<>();
        for (Format2021.Row r : Format2021.T3_ROWS) {
            JsonNode n = absent(t) ? null : t.get(r.key());
            rows.add(n != null && n.isNull() ? blanks(7) : absent(n) ? null
                    : withTotal(cells(n, "表三." + r.key(), 6, 7), 7));
        }
        int r24 = Format2021.R24;
        if (rows.get(r24) == null) {
            List<Num> total = new ArrayList<>();
            for (int c = 0; c < 7; c++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int r = Format2021.R3; r <= Format2021.R23; r++) {
                    sum = sum.add(rows.get(r) == null ? BigDecimal.ZERO : rows.get(r).get(c).orZero());
                }
                total.add(Num.computed(sum));
            }
            rows.set(r24, total);
        }
        rows.replaceAll(row -> row == null ? zeros(7) : row);
        return rows;
    }

    private List<List<Num>> table4(JsonNode t, List<String> omitted) {
        if (absent(t)) {
            omitted.add("表四");
        } else {
            known(t, Set.copyOf(Format2021.T4_GROUPS), "表四.");
        }
        List<List<Num>> groups = new ArrayList<>();
        for (String g : Format2021.T4_GROUPS) {
            JsonNode n = absent(t) ? null : t.get(g);
            groups.add(n != null && n.isNull() ? blanks(5) : absent(n) ? zeros(5)
                    : withTotal(cells(n, "表四." + g, 4, 5), 5));
        }
        return groups;
    }

    private List<Num> cells(JsonNode n, String key, int min, int max) {
        if (!n.isArray() || n.size() < min || n.size() > max) {
            String count = min == max ? String.valueOf(min) : min + " 或 " + max;
            throw new FactsException(file, key, "应写作 " + count + " 个数的列表，如 [" + String.join(", ",
                    java.util.Collections.nCopies(max, "0")) + "]，实际为 " + n);
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
            return new Num(null, "", false);
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
        return new ArrayList<>(java.util.Collections.nCopies(n, new Num(null, "", false)));
    }

    private static List<Num> zeros(int n) {
        return new ArrayList<>(java.util.Collections.nCopies(n, Num.ZERO));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private void known(JsonNode node, Set<String> keys, String prefix) {
        if (!node.isObject()) {
            throw new FactsException(file, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                    "必须是“键: 值”的映射");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw new FactsException(file, prefix + k, "不认识的项；可用的项：" + String.join("、",
                        keys.stream().sorted().toList()));
            }
        }
    }

    private String text(JsonNode node, String key, boolean required) {
        JsonNode n = node == null ? null : node.get(key);
        if (absent(n)) {
            if (required) {
                throw new FactsException(file, key, "必须填写");
            }
            return "";
        }
        if (!n.isValueNode()) {
            throw new FactsException(file, key, "必须是文字");
        }
        String s = n.asText().strip();
        if (required && s.isEmpty()) {
            throw new FactsException(file, key, "不能为空");
        }
        return s;
    }

    private boolean bool(JsonNode node, String key) {
        JsonNode n = node.get(key);
        if (absent(n)) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new FactsException(file, key, "只能是 true 或 false，实际为 " + n.asText());
        }
        return n.asBoolean();
    }

    private LocalDate date(JsonNode n, String key) {
        if (absent(n)) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText().strip());
        } catch (DateTimeParseException e) {
            throw new FactsException(file, key, "日期写作 YYYY-MM-DD，实际为 " + n.asText());
        }
    }
}
