package cn.gongkai.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * CommonMark with GFM tables and footnotes, built straight into a jsoup document to rework (no HTML text in
 * between). Raw HTML in the Markdown stays text (it shows, it never becomes markup; the raw-html check warns about
 * it), link targets other than http, https, mailto and in-page anchors are dropped. A line break inside a paragraph
 * between two Chinese characters disappears instead of showing as a space. Emphasis next to Chinese punctuation
 * works as a reader expects ({@link CjkEmphasis}). Footnote references become marker elements ({@link #FOOTNOTE})
 * and footnote definitions come back separately, ready to list as notes.
 */
final class Markdown {
    /** Attribute on the marker left where a footnote is referenced; its value is the footnote label. */
    static final String FOOTNOTE = "data-footnote";

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnotesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** The body, and the content of each footnote definition (a {@code span}) by normalised label. */
    record Parsed(Document document, Map<String, Element> footnotes) {
    }

    private final Document doc = Document.createShell("");
    private final Document holder = Document.createShell("");
    private final Map<String, Element> footnotes = new LinkedHashMap<>();

    private Markdown() {
        doc.outputSettings().prettyPrint(false);
        holder.outputSettings().prettyPrint(false);
    }

    static Parsed parse(String markdown) {
        Markdown m = new Markdown();
        Node parsed = PARSER.parse(markdown);
        String adjusted = CjkEmphasis.adjust(markdown, parsed);
        m.children(adjusted.equals(markdown) ? parsed : PARSER.parse(adjusted), m.doc.body());
        return new Parsed(m.doc, m.footnotes);
    }

    /** The key a footnote label is found by, as CommonMark matches labels. */
    static String label(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private void children(Node md, Element parent) {
        for (Node child = md.getFirstChild(); child != null; child = child.getNext()) {
            node(child, parent);
        }
    }

    /** Markdown nodes that become one HTML element around their children, and nothing more. */
    private static final Map<Class<? extends Node>, String> WRAPPERS = Map.of(Emphasis.class, "em",
            StrongEmphasis.class, "strong", BlockQuote.class, "blockquote", BulletList.class, "ul",
            ListItem.class, "li", TableBlock.class, "table", TableHead.class, "thead", TableBody.class, "tbody",
            TableRow.class, "tr");

    private void node(Node md, Element parent) {
        String wrapper = WRAPPERS.get(md.getClass());
        if (wrapper != null) {
            children(md, parent.appendElement(wrapper));
        } else if (!inline(md, parent) && !block(md, parent)) {
            children(md, parent);
        }
    }

    /** Appends an inline node; false when {@code md} is not one this method knows. */
    private boolean inline(Node md, Element parent) {
        if (md instanceof Text t) {
            text(parent, CjkEmphasis.strip(t.getLiteral()));
        } else if (md instanceof SoftLineBreak) {
            text(parent, cjkOnBothSides(md) ? "" : " ");
        } else if (md instanceof HardLineBreak) {
            parent.appendElement("br");
        } else if (md instanceof Code c) {
            parent.appendElement("code").appendText(c.getLiteral());
        } else if (md instanceof Link link) {
            children(md, parent.appendElement("a").attr("href", safeHref(link.getDestination())));
        } else if (md instanceof Image image) {
            parent.appendElement("img").attr("src", image.getDestination()).attr("alt", plainText(image));
        } else if (md instanceof HtmlInline html) {
            text(parent, html.getLiteral());
        } else if (md instanceof FootnoteReference ref) {
            parent.appendElement("sup").attr(FOOTNOTE, label(ref.getLabel()));
        } else {
            return false;
        }
        return true;
    }

    /** Appends a block node; false when {@code md} is not one this method knows. */
    private boolean block(Node md, Element parent) {
        if (md instanceof Paragraph) {
            boolean tight = md.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list
                    && list.isTight();
            children(md, tight ? parent : parent.appendElement("p"));
        } else if (md instanceof Heading h) {
            children(md, parent.appendElement("h" + h.getLevel()));
        } else if (md instanceof HtmlBlock html) {
            parent.appendElement("p").appendText(html.getLiteral().stripTrailing());
        } else if (md instanceof OrderedList ol) {
            orderedList(ol, parent);
        } else if (md instanceof FencedCodeBlock code) {
            parent.appendElement("pre").appendElement("code").appendText(code.getLiteral());
        } else if (md instanceof IndentedCodeBlock code) {
            parent.appendElement("pre").appendElement("code").appendText(code.getLiteral());
        } else if (md instanceof ThematicBreak) {
            parent.appendElement("hr");
        } else if (md instanceof TableCell cell) {
            tableCell(cell, parent);
        } else if (md instanceof FootnoteDefinition def) {
            footnotes.putIfAbsent(label(def.getLabel()), footnote(def));
        } else {
            return false;
        }
        return true;
    }

    private void orderedList(OrderedList ol, Element parent) {
        Element list = parent.appendElement("ol");
        Integer start = ol.getMarkerStartNumber();
        if (start != null && start != 1) {
            list.attr("start", Integer.toString(start));
        }
        children(ol, list);
    }

    private void tableCell(TableCell cell, Element parent) {
        Element e = parent.appendElement(cell.isHeader() ? "th" : "td");
        if (cell.getAlignment() != null) {
            e.attr("align", cell.getAlignment().name().toLowerCase(Locale.ROOT));
        }
        children(cell, e);
    }

    /** A footnote's blocks in one span: paragraphs joined by line breaks, other blocks as they are. */
    private Element footnote(FootnoteDefinition def) {
        Element span = holder.body().appendElement("span");
        for (Node block = def.getFirstChild(); block != null; block = block.getNext()) {
            if (block != def.getFirstChild()) {
                span.appendElement("br");
            }
            if (block instanceof Paragraph) {
                children(block, span);
            } else {
                node(block, span);
            }
        }
        return span;
    }

    /** Appends text, merged into a text node that ends the parent so terms are found across CommonMark's splits. */
    private static void text(Element parent, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (parent.childNodeSize() > 0 && parent.childNode(parent.childNodeSize() - 1) instanceof TextNode last) {
            last.text(last.getWholeText() + text);
        } else {
            parent.appendText(text);
        }
    }

    /** True between two Chinese characters, also where one side ends or starts an emphasis. */
    private static boolean cjkOnBothSides(Node softBreak) {
        String before = CjkEmphasis.strip(edgeText(softBreak.getPrevious(), true));
        String after = CjkEmphasis.strip(edgeText(softBreak.getNext(), false));
        return !before.isEmpty() && !after.isEmpty() && wide(before.codePointBefore(before.length()))
                && wide(after.codePointAt(0));
    }

    /** The text at the node's last (or first) edge, looking into emphasis; empty for code, images and the like. */
    private static String edgeText(Node node, boolean last) {
        Node n = node;
        while (n instanceof Emphasis || n instanceof StrongEmphasis) {
            n = last ? n.getLastChild() : n.getFirstChild();
        }
        return n instanceof Text t ? t.getLiteral() : "";
    }

    private static boolean wide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || codePoint >= 0x3000 && codePoint <= 0x303F
                || codePoint >= 0xFF00 && codePoint <= 0xFFEF;
    }

    private static String safeHref(String destination) {
        String d = destination.strip();
        int colon = d.indexOf(':');
        int slash = d.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && d.substring(0, colon).matches("[A-Za-z][-+.\\w]*");
        if (!hasScheme) {
            return d;
        }
        String scheme = d.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") ? d : "";
    }

    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                sb.append(CjkEmphasis.strip(t.getLiteral()));
            } else if (child instanceof Code c) {
                sb.append(c.getLiteral());
            } else {
                sb.append(plainText(child));
            }
        }
        return sb.toString();
    }
}
