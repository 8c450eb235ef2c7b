package cn.gongkai.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Markdown footnotes ({@code [^1]} … {@code [^1]: 说明}) become explanatory notes: the definitions are taken out of
 * the body (WeChat refuses the in-page anchors the footnote extension writes) and each reference is left as a
 * marker element the {@link NoteMarker} numbers in the same [注n] sequence as the term notes.
 */
final class Footnotes {
    /** Attribute on the marker left where a footnote is referenced; its value is the footnote label. */
    static final String MARKER = "data-footnote";

    private Footnotes() {
    }

    /**
     * Replaces each footnote reference by a marker and removes the definitions from the body.
     *
     * @return the content of each definition (a {@code span}, paragraphs joined by line breaks), by label
     */
    static Map<String, Element> extract(Element body) {
        for (Element ref : body.select("sup.footnote-ref")) {
            Element a = ref.selectFirst("a[href^=#fn-]");
            if (a == null) {
                ref.remove();
                continue;
            }
            ref.replaceWith(new Element("sup").attr(MARKER, a.attr("href").substring("#fn-".length())));
        }
        Map<String, Element> definitions = new LinkedHashMap<>();
        for (Element section : body.select("section.footnotes")) {
            for (Element li : section.select("li[id^=fn-]")) {
                li.select("a.footnote-backref").remove();
                definitions.put(li.id().substring("fn-".length()), content(li));
            }
            section.remove();
        }
        return definitions;
    }

    private static Element content(Element li) {
        Element span = new Element("span");
        boolean first = true;
        for (Node child : li.childNodesCopy()) {
            if (child instanceof TextNode t && t.isBlank()) {
                continue;
            }
            if (!first) {
                span.appendChild(new Element("br"));
            }
            first = false;
            if (child instanceof Element e && e.normalName().equals("p")) {
                for (Node inner : e.childNodesCopy()) {
                    span.appendChild(inner);
                }
            } else {
                span.appendChild(child);
            }
        }
        trimEnd(span);
        return span;
    }

    private static void trimEnd(Element span) {
        Node last = span.childNodeSize() == 0 ? null : span.childNode(span.childNodeSize() - 1);
        if (last instanceof TextNode t) {
            String text = t.getWholeText().stripTrailing();
            if (text.isEmpty()) {
                t.remove();
            } else {
                t.text(text);
            }
        }
    }
}
