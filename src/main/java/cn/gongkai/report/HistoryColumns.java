package cn.gongkai.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a history file: which column holds which field. A column may be named in English
 * ({@code published_at}) or in Chinese ({@code 发布时间}, or a common variant such as {@code 发布日期} or {@code 栏目}),
 * in any order; a note in brackets after the name ({@code 发布时间（北京时间）}) is ignored. Only {@code account} may be
 * left out (one configured account). An unknown, repeated or missing column is refused by name.
 */
final class HistoryColumns {
    /** The fields of a history row, each with the header names accepted for it (the first Chinese one is the template's). */
    enum Field {
        PUBLISHED_AT("published_at", "发布时间", "发布日期", "日期", "时间"),
        TITLE("title", "标题", "文章标题", "题目"),
        CATEGORY("category", "分类", "栏目", "类别", "信息分类"),
        URL("url", "链接", "文章链接", "原文链接", "网址"),
        DEPARTMENT("department", "部门", "发布部门", "来源部门", "责任部门", "科室"),
        ACCOUNT("account", "公众号", "微信公众号", "公众号id", "账号");

        private final String english;
        private final List<String> chinese;

        Field(String english, String... chinese) {
            this.english = english;
            this.chinese = List.of(chinese);
        }

        String english() {
            return english;
        }

        /** The name the template's header row uses. */
        String chinese() {
            return chinese.get(0);
        }

        boolean names(String header) {
            return english.equals(header) || chinese.stream().anyMatch(c -> normalise(c).equals(header));
        }
    }

    private final Map<Field, Integer> index;
    private final Map<Field, String> label;
    private final int width;

    private HistoryColumns(Map<Field, Integer> index, Map<Field, String> label, int width) {
        this.index = index;
        this.label = label;
        this.width = width;
    }

    /** The columns of a header row, or the problems with it (each names the column as the file writes it). */
    record Parsed(HistoryColumns columns, List<String> problems) {
    }

    static Parsed parse(List<String> header) {
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        Map<Field, String> label = new EnumMap<>(Field.class);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String written = header.get(i).strip();
            Field f = field(normalise(written));
            if (written.isEmpty()) {
                problems.add("第 " + (i + 1) + " 列没有表头");
            } else if (f == null) {
                problems.add("不认识的列“" + written + "”");
            } else if (index.containsKey(f)) {
                problems.add("“" + label.get(f) + "”和“" + written + "”是同一列，只能有一个");
            } else {
                index.put(f, i);
                label.put(f, written);
            }
        }
        for (Field f : Field.values()) {
            if (f != Field.ACCOUNT && !index.containsKey(f)) {
                problems.add("缺少“" + f.chinese() + "”列（也可写作 " + f.english() + "）");
            }
        }
        return new Parsed(problems.isEmpty() ? new HistoryColumns(index, label, header.size()) : null, problems);
    }

    private static Field field(String header) {
        for (Field f : Field.values()) {
            if (f.names(header)) {
                return f;
            }
        }
        return null;
    }

    /** Lower case, without spaces or a bracketed note at the end. */
    private static String normalise(String header) {
        return header.strip().replaceAll("\\s+", "").replaceAll("[（(][^）)]*[）)]$", "").toLowerCase(Locale.ROOT);
    }

    /** How many columns the header has: every row must have as many. */
    int width() {
        return width;
    }

    boolean has(Field f) {
        return index.containsKey(f);
    }

    /** The cell of {@code row} for the field, empty when the file has no such column. */
    String cell(List<String> row, Field f) {
        Integer i = index.get(f);
        return i == null || i >= row.size() ? "" : row.get(i);
    }

    /** The field's column as the file's header names it, for messages; the Chinese name when there is no column. */
    String label(Field f) {
        return label.getOrDefault(f, f.chinese());
    }

    /** The names accepted for every field, for the refusal of a bad header. */
    static String accepted() {
        List<String> out = new ArrayList<>();
        for (Field f : Field.values()) {
            out.add(f.chinese() + "（" + f.english() + "）");
        }
        return String.join("、", out);
    }
}
