package cn.gongkai.render;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * CommonMark with GFM tables and footnotes, into a jsoup document to rework. Raw HTML in the Markdown is escaped
 * (it shows as text, never as markup) and unsafe link targets are dropped.
 */
final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnotesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private Markdown() {
    }

    static Document toDocument(String markdown) {
        Document doc = Jsoup.parseBodyFragment(HTML.render(PARSER.parse(markdown)));
        doc.outputSettings().prettyPrint(false);
        return doc;
    }
}
