package cn.gongkai.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * An item's Markdown parsed as the article renderer parses it (CommonMark, GFM tables, footnotes, raw HTML kept as
 * text, Chinese line breaks joined), for other media than WeChat: the 报送 package's Word file walks this tree.
 *
 * @param body      the body as plain HTML elements ({@code h1}–{@code h6}, {@code p}, {@code ul}, {@code ol},
 *                  {@code table}, {@code img}, {@code strong}, {@code em}, …); a footnote reference is a
 *                  {@code sup} with the attribute {@link #FOOTNOTE} holding its label
 * @param footnotes the text of each footnote definition by label, in the order they were defined
 */
public record MarkdownTree(Element body, Map<String, String> footnotes) {
    /** Attribute on the marker left where a footnote is referenced; its value is the footnote's label. */
    public static final String FOOTNOTE = Markdown.FOOTNOTE;

    public MarkdownTree {
        footnotes = Collections.unmodifiableMap(new LinkedHashMap<>(footnotes));
    }

    /**
     * Parses the Markdown.
     *
     * @param headingNumbers whether to add 公文-style heading numbers (一、（一）1.（1）) as the article renderer does
     */
    public static MarkdownTree parse(String markdown, boolean headingNumbers) {
        Markdown.Parsed parsed = Markdown.parse(markdown);
        Element body = parsed.document().body();
        if (headingNumbers) {
            HeadingNumbers.apply(body);
        }
        Map<String, String> footnotes = new LinkedHashMap<>();
        parsed.footnotes().forEach((label, span) -> footnotes.put(label, span.text()));
        return new MarkdownTree(body, footnotes);
    }
}
