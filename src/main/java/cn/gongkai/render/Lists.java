package cn.gongkai.render;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Lists as WeChat keeps them: the paragraphs of a loose list item are joined by line breaks (WeChat gives each
 * paragraph a margin of its own), and a nested list is moved out of its item to just after it, inside the outer
 * list — the structure doocs/md sends, because WeChat's editor mangles a list inside a list item. The moved list
 * keeps its indentation through its own padding.
 */
final class Lists {
    private static final Evaluator ITEMS = QueryParser.parse("li");
    private static final Evaluator NESTED = QueryParser.parse("li > ul, li > ol");

    private Lists() {
    }

    static void flatten(Element body, Theme theme) {
        for (Element li : body.select(ITEMS)) {
            boolean first = true;
            for (Element p : li.children()) {
                if (!p.normalName().equals("p")) {
                    continue;
                }
                if (!first) {
                    p.before(new Element("br"));
                }
                first = false;
                p.unwrap();
            }
        }
        for (Element nested : body.select(NESTED)) {
            Element item = nested.parent();
            if (item == null) {
                continue;
            }
            item.after(nested);
            String css = theme.style("nested-list");
            nested.attr("style", css.isEmpty() ? theme.style(nested.normalName()) : css);
        }
        for (Element li : body.select(ITEMS)) {
            trim(li);
        }
    }

    /** Drops the line breaks the Markdown renderer leaves at the start and end of an item and around its breaks. */
    private static void trim(Element li) {
        for (Node child : new java.util.ArrayList<>(li.childNodes())) {
            if (child instanceof TextNode t && t.isBlank()) {
                Node prev = t.previousSibling();
                Node next = t.nextSibling();
                boolean edge = prev == null || next == null || isBreak(prev) || isBreak(next);
                if (edge) {
                    t.remove();
                }
            }
        }
        if (li.childNodeSize() > 0 && li.childNode(0) instanceof TextNode first) {
            first.text(first.getWholeText().stripLeading());
        }
        if (li.childNodeSize() > 0 && li.childNode(li.childNodeSize() - 1) instanceof TextNode last) {
            last.text(last.getWholeText().stripTrailing());
        }
    }

    private static boolean isBreak(Node node) {
        return node instanceof Element e && e.normalName().equals("br");
    }
}
