package cn.gongkai.render;

import org.jsoup.nodes.Element;

/**
 * Lists as WeChat keeps them: the paragraphs of a loose list item are joined by line breaks (WeChat gives each
 * paragraph a margin of its own), and a nested list is moved out of its item to just after it, inside the outer
 * list — the structure doocs/md sends, because WeChat's editor mangles a list inside a list item. The moved list
 * keeps its indentation through its own padding.
 */
final class Lists {
    private Lists() {
    }

    static void flatten(Element body, Theme theme) {
        for (Element li : body.select("li")) {
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
        for (Element nested : body.select("li > ul, li > ol")) {
            Element item = nested.parent();
            if (item == null) {
                continue;
            }
            item.after(nested);
            String css = theme.style("nested-list");
            nested.attr("style", css.isEmpty() ? theme.style(nested.normalName()) : css);
        }
    }
}
