package cn.gongkai.report;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** V10: the written report carries every heading and label of the 2021 format exactly, and none of the old ones. */
final class LabelChecks {
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private LabelChecks() {
    }

    /** @param rendered the text of the written report: Markdown, HTML, or the text of the Word file */
    static void v10(String rendered, Findings out) {
        String text = TAGS.matcher(rendered).replaceAll("\n").replace("&ldquo;", "“").replace("&rdquo;", "”")
                .replace("&amp;", "&");
        for (String label : Format2021.requiredLabels()) {
            if (!text.contains(label)) {
                out.error("V10", "报告中缺少规定的标签“" + label + "”（须与 2021 年格式逐字一致）");
            }
        }
        List<String> tokens = text.lines().flatMap(l -> Arrays.stream(l.split("[|\\t]"))).map(String::strip)
                .map(s -> s.replaceAll("^#+\\s*|\\*\\*", "").strip()).toList();
        for (List<String> wrong : Format2021.WRONG_LABELS) {
            if (tokens.contains(wrong.get(0))) {
                out.error("V10", "报告中有旧格式或不规范的标签“" + wrong.get(0) + "”，应为“" + wrong.get(1) + "”");
            }
        }
    }
}
