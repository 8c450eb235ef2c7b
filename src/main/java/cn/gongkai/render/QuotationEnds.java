package cn.gongkai.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A quotation box ends at its own padding: its last block — and the last block inside that one, down to the text
 * (a list's last item, a nested quotation's last paragraph) — has no bottom margin. The style keeps a single margin
 * declaration (the theme's shorthand with its bottom set to 0) instead of a second, contradicting one that an
 * editor re-saving the article might resolve either way.
 */
final class QuotationEnds {
    private static final Evaluator QUOTES = QueryParser.parse("blockquote");
    /** The blocks whose margin shows inside the box; the walk stops at anything else (text, a caption, a cell). */
    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "li", "section", "blockquote", "figure", "pre",
            "h1", "h2", "h3", "h4", "h5", "h6");

    private QuotationEnds() {
    }

    /** Takes the bottom margin off the last block of every quotation in {@code body}. */
    static void close(Element body) {
        for (Element quote : body.select(QUOTES)) {
            Element last = quote.lastElementChild();
            while (last != null && BLOCKS.contains(last.normalName())) {
                last.attr("style", withoutBottomMargin(last.attr("style")));
                last = last.lastElementChild();
            }
        }
    }

    /** {@code style} with its bottom margin 0: in the {@code margin} shorthand if there is one, else added. */
    static String withoutBottomMargin(String style) {
        List<String> out = new ArrayList<>();
        boolean shorthand = false;
        for (String declaration : style.split(";")) {
            String d = declaration.strip();
            int colon = d.indexOf(':');
            String name = colon < 0 ? "" : d.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (d.isEmpty() || name.equals("margin-bottom")) {
                continue;
            }
            if (name.equals("margin")) {
                d = "margin:" + bottomZero(d.substring(colon + 1).strip().split("\\s+"));
                shorthand = true;
            }
            out.add(d);
        }
        if (!shorthand) {
            out.add("margin-bottom:0");
        }
        return String.join(";", out) + ";";
    }

    /** The shorthand's values (one to four, as CSS reads them) with the bottom one 0. */
    private static String bottomZero(String[] v) {
        String top = v[0];
        String right = v.length > 1 ? v[1] : top;
        String left = v.length > 3 ? v[3] : right;
        String margin = String.join(" ", top, right, "0", left);
        return margin.equals("0 0 0 0") ? "0" : margin;
    }
}
