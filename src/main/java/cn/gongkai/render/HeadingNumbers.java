package cn.gongkai.render;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * 公文-style heading numbers (GB/T 9704): the highest heading level used gets 一、二、, the next （一）（二）, then
 * 1. 2., then （1）（2）; deeper levels stay unnumbered. Counters restart under each higher heading. A heading that
 * staff already numbered keeps its own number (and still counts), so switching numbering on never doubles them.
 */
final class HeadingNumbers {
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");

    private static final String CN = "[一二三四五六七八九十百零〇]+";
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(" + CN + "、|[（(]" + CN + "[）)]|\\d+[.．、]|[（(]\\d+[）)]"
            + "|第" + CN + "[章节条部分])");
    private static final int LEVELS = 4;

    private HeadingNumbers() {
    }

    static void apply(Element body) {
        Elements headings = body.select(HEADINGS);
        TreeSet<Integer> present = new TreeSet<>();
        for (Element h : headings) {
            present.add(level(h));
        }
        List<Integer> ranked = new ArrayList<>(present);
        int[] counters = new int[LEVELS];
        for (Element h : headings) {
            int rank = ranked.indexOf(level(h));
            if (rank >= LEVELS) {
                continue;
            }
            counters[rank]++;
            for (int deeper = rank + 1; deeper < LEVELS; deeper++) {
                counters[deeper] = 0;
            }
            if (!NUMBERED.matcher(h.text()).find()) {
                h.prependText(prefix(rank, counters[rank]));
            }
        }
    }

    static String prefix(int rank, int n) {
        return switch (rank) {
            case 0 -> chinese(n) + "、";
            case 1 -> "（" + chinese(n) + "）";
            case 2 -> n + ".";
            default -> "（" + n + "）";
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; from 100 on, Arabic digits. */
    static String chinese(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : digits.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + digits.charAt(n % 10);
    }

    private static int level(Element h) {
        return h.normalName().charAt(1) - '0';
    }
}
