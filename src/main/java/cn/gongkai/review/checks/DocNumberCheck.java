package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers (文号) in the form 机关代字〔年份〕序号号: 国发办 written for 国办发, a year in the wrong brackets
 * ([] 【】 () （） instead of 〔〕), and a missing 号. A text counts as a document number when it uses 〔〕, ends with
 * 号, or its prefix ends with 发, 函 or 字 — so “预算（2023）12项” is left alone.
 */
final class DocNumberCheck implements Check {
    static final String ID = "doc-number";
    private static final Pattern CANDIDATE = Pattern.compile(
            "([\\u4e00-\\u9fa5]{1,12})\\s*([〔\\[【(（])\\s*((?:19|20)\\d{2})\\s*([〕\\]】)）])\\s*(\\d{1,4})(\\s*号)?");

    @Override
    public void run(ItemContent c, Findings out) {
        for (TextFields.Field f : TextFields.of(c)) {
            scan(f.name(), f.text(), out);
        }
    }

    private static void scan(String field, String text, Findings out) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String prefix = m.group(1);
            boolean sixfold = m.group(2).equals("〔") && m.group(4).equals("〕");
            boolean hasHao = m.group(6) != null;
            boolean docLike = sixfold || hasHao || prefix.endsWith("发") || prefix.endsWith("函")
                    || prefix.endsWith("字");
            if (!docLike) {
                continue;
            }
            String shown = m.group().strip();
            int prefixAt = m.start(1);
            int swap = prefix.lastIndexOf("国发办");
            if (swap >= 0 && swap + 3 == prefix.length()) {
                out.at(Severity.ERROR, ID, field, text, prefixAt + swap, prefixAt + swap + 3, "文号“" + shown
                        + "”中的“国发办”应为“国办发”（国务院办公厅发文代字）");
            }
            if (!sixfold) {
                out.at(Severity.ERROR, ID, field, text, m.start(2), m.end(4), "文号“" + shown + "”的年份应使用六角括号〔〕，而不是"
                        + m.group(2) + m.group(4));
            }
            if (!hasHao) {
                out.at(Severity.ERROR, ID, field, text, m.start(5), m.end(5), "文号“" + shown + "”缺少“号”字，应为“"
                        + shown + "号”");
            }
        }
    }
}
