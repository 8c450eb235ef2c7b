package cn.gongkai.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P1: no instruction text is left where the bureau's own words belong. A form or a copied template says
 * "请填写单位名称" or "（此处写本年工作亮点）"; a report that still carries such text must not go out. The markers are
 * listed in {@link #MARKERS}; every text field of the facts file is searched, and each hit is an error naming the
 * field. Table cells need no search here: a cell that is not a number is already an error (V5).
 */
final class PlaceholderChecks {
    /** The instruction texts refused, each as a pattern of what is quoted back to staff. */
    static final List<Pattern> MARKERS = List.of(
            Pattern.compile("请填写[^，。；、,;\\s]{0,12}"),
            Pattern.compile("待填写"),
            Pattern.compile("请输入[^，。；、,;\\s]{0,12}"),
            Pattern.compile("待补充"),
            Pattern.compile("[XＸ]{2,}|[xｘ]{3,}"),
            Pattern.compile("[×✕╳]{2,}"),
            Pattern.compile("[（(]\\s*此处[^）)]{0,30}[）)]"));

    private final Findings out;

    PlaceholderChecks(Findings out) {
        this.out = out;
    }

    /** The first instruction text in {@code text}, as written, or empty. */
    static Optional<String> marker(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Pattern p : MARKERS) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** P1 on every text field of the facts. */
    void p1(ReportFacts f) {
        for (String[] field : fields(f)) {
            marker(field[1]).ifPresent(m -> out.error("P1", "“" + field[0] + "”中仍是填写提示“" + m
                    + "”：请改为本单位的实际内容（提示文字不能出现在报告中）"));
        }
    }

    /** Each text field of the facts file: its name as staff see it, and its text. */
    private static List<String[]> fields(ReportFacts f) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"单位", f.unit()});
        if (!f.channel().equals(f.unit() + "微信公众号")) {
            fields.add(new String[] {"发布渠道", f.channel()});
        }
        fields.add(new String[] {"总体情况·开头", f.opening()});
        fields.add(new String[] {"总体情况·主动公开·标题", f.proactive().heading()});
        fields.add(new String[] {"总体情况·主动公开·补充", f.proactive().text()});
        for (int i = 0; i < f.subsections().size(); i++) {
            ReportFacts.Subsection s = f.subsections().get(i);
            fields.add(new String[] {"总体情况·第 " + (i + 1) + " 个小节的标题", s.heading()});
            fields.add(new String[] {"总体情况·小节“" + s.heading() + "”的内容", s.text()});
        }
        fields.add(new String[] {"存在的主要问题及改进情况", f.problems()});
        fields.add(new String[] {"其他需要报告的事项", f.otherMatters()});
        return fields;
    }
}
