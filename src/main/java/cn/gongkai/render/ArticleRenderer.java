package cn.gongkai.render;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Turns an item into the article WeChat gets: Markdown to HTML, inline theme styles, images with captions,
 * explanatory notes marked at first use and listed under 名词解释, external links turned into numbered references,
 * a layout from {@code templates/article/layout.ftlh}, and a final safety pass. No network.
 */
public final class ArticleRenderer {
    /** WeChat's limit on {@code content}: fewer than 20,000 characters. */
    public static final int MAX_HTML_CHARS = 20_000;
    /** WeChat's limit on {@code content}: less than 1 MB. */
    public static final int MAX_HTML_BYTES = 1024 * 1024;
    static final int MAX_DIGEST = 120;

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnotesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().addTags("section", "figure", "figcaption", "span", "sup",
            "sub", "hr").addAttributes(":all", "style").removeAttributes("a", "title").removeProtocols("img", "src",
            "http", "https").addProtocols("img", "src", "http", "https", "data");

    private final Theme theme;
    private final Template layout;
    private final Glossary glossary;

    private ArticleRenderer(Theme theme, Template layout, Glossary glossary) {
        this.theme = theme;
        this.layout = layout;
        this.glossary = glossary;
    }

    /** Loads the theme, layout and glossary from the templates folder (staff may edit them without a rebuild). */
    public static ArticleRenderer load(Path templatesDir) {
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        try {
            fm.setDirectoryForTemplateLoading(templatesDir.resolve("article").toFile());
        } catch (IOException e) {
            throw new RenderException("找不到文章模板目录 " + templatesDir.resolve("article") + "：" + e.getMessage(), e);
        }
        fm.setDefaultEncoding("UTF-8");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setFallbackOnNullLoopVariable(false);
        Template layout;
        try {
            layout = fm.getTemplate("layout.ftlh");
        } catch (IOException e) {
            throw new RenderException("文章模板 layout.ftlh 无法读取或有语法错误：" + e.getMessage(), e);
        }
        return new ArticleRenderer(Theme.load(templatesDir.resolve("article").resolve("theme.yml")), layout,
                Glossary.load(templatesDir.resolve("notes")));
    }

    public Glossary glossary() {
        return glossary;
    }

    /**
     * Renders the item.
     *
     * @param accountName the account's display name for the header
     * @param imageSrc    the {@code src} to use for each body image (the uploadimg URL when publishing, a local
     *                    path or data URI for previews)
     */
    public RenderedArticle render(ItemContent item, String accountName, Function<ItemImage, String> imageSrc) {
        Document doc = Jsoup.parseBodyFragment(HTML.render(PARSER.parse(item.body())));
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        placeImages(body, item.images(), imageSrc);
        List<String> references = referenceLinks(body);
        List<Map<String, Object>> notes = markNotes(body, mergedNotes(item));
        styleElements(body);
        String bodyHtml = Jsoup.clean(body.html(), "", SAFE, doc.outputSettings());

        Map<String, Object> model = new HashMap<>();
        model.put("accountName", accountName);
        model.put("category", item.category());
        model.put("bodyHtml", bodyHtml);
        model.put("notes", notes);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            refs.add(Map.of("number", i + 1, "url", references.get(i)));
        }
        model.put("references", refs);
        String source = item.author().isEmpty() ? accountName : item.author();
        model.put("source", source);
        model.put("sourceUrl", item.sourceUrl());
        model.put("styles", theme.all());
        StringWriter out = new StringWriter();
        try {
            layout.process(model, out);
        } catch (TemplateException | IOException e) {
            throw new RenderException("文章模板 layout.ftlh 出错：" + e.getMessage(), e);
        }
        String html = out.toString().replaceAll(">\\s*\\n\\s*<", "><").strip();
        checkSize(item.title(), html);
        return new RenderedArticle(item.title(), item.author(), digest(body), html, item.sourceUrl());
    }

    private static void checkSize(String title, String html) {
        int chars = html.length();
        if (chars >= MAX_HTML_CHARS) {
            throw new RenderException("《" + title + "》排版后正文 " + chars + " 字符，超过微信上限 " + MAX_HTML_CHARS
                    + " 字符（需减少约 " + (chars - MAX_HTML_CHARS + 1) + " 字符）。请删减正文或拆成两篇");
        }
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= MAX_HTML_BYTES) {
            throw new RenderException("《" + title + "》排版后正文 " + bytes / 1024 + " KB，超过微信上限 1 MB");
        }
    }

    private void placeImages(Element body, List<ItemImage> images, Function<ItemImage, String> imageSrc) {
        Map<String, ItemImage> bySrc = new LinkedHashMap<>();
        for (Element img : body.select("img")) {
            String src = img.attr("src");
            if (!bySrc.containsKey(src) && bySrc.size() < images.size()) {
                bySrc.put(src, images.get(bySrc.size()));
            }
            ItemImage image = bySrc.get(src);
            if (image == null) {
                img.remove();
                continue;
            }
            Element figure = new Element("figure").attr("style", theme.style("figure"));
            Element newImg = new Element("img").attr("src", imageSrc.apply(image))
                    .attr("alt", image.alt().isEmpty() ? image.caption() : image.alt())
                    .attr("style", theme.style("img"));
            figure.appendChild(newImg);
            if (!image.caption().isEmpty()) {
                figure.appendChild(new Element("figcaption").attr("style", theme.style("caption"))
                        .text(image.caption()));
            }
            Element parent = img.parent();
            if (parent != null && parent.tagName().equals("p") && parent.childrenSize() == 1
                    && parent.ownText().isBlank()) {
                parent.replaceWith(figure);
            } else {
                img.replaceWith(figure);
            }
        }
    }

    /** Keeps mp.weixin.qq.com links; turns every other link into text plus a numbered reference. */
    private List<String> referenceLinks(Element body) {
        List<String> refs = new ArrayList<>();
        for (Element a : body.select("a")) {
            String href = a.attr("href").strip();
            if (isWeChatArticle(href)) {
                a.attr("style", theme.style("link"));
                continue;
            }
            if (href.isEmpty() || href.startsWith("#")) {
                a.unwrap();
                continue;
            }
            int n = refs.indexOf(href);
            if (n < 0) {
                refs.add(href);
                n = refs.size() - 1;
            }
            Element span = new Element("span").attr("style", theme.style("link"));
            if (!a.text().strip().equals(href)) {
                span.text(a.text());
                span.appendChild(new Element("sup").attr("style", theme.style("sup")).text("[" + (n + 1) + "]"));
            } else {
                span.text(href);
            }
            a.replaceWith(span);
        }
        return refs;
    }

    static boolean isWeChatArticle(String href) {
        try {
            URI uri = new URI(href);
            return uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).equals("mp.weixin.qq.com")
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private List<Note> mergedNotes(ItemContent item) {
        Map<String, Note> merged = new LinkedHashMap<>();
        for (Note n : item.notes()) {
            merged.putIfAbsent(n.term(), n);
        }
        for (String key : item.glossary()) {
            glossary.explain(key).ifPresent(text -> merged.putIfAbsent(key, new Note(key, text)));
        }
        return new ArrayList<>(merged.values());
    }

    /** Marks each note's term at its first use; notes are numbered in order of first use, unused ones last. */
    private List<Map<String, Object>> markNotes(Element body, List<Note> notes) {
        List<Note> byLength = new ArrayList<>(notes);
        byLength.sort(Comparator.comparingInt((Note n) -> n.term().length()).reversed());
        Map<Note, Integer> numbers = new LinkedHashMap<>();
        for (TextNode text : textNodes(body)) {
            TextNode current = text;
            boolean changed = true;
            while (changed) {
                changed = false;
                Note firstNote = null;
                int firstAt = Integer.MAX_VALUE;
                for (Note n : byLength) {
                    if (numbers.containsKey(n)) {
                        continue;
                    }
                    int at = current.getWholeText().indexOf(n.term());
                    if (at >= 0 && at < firstAt) {
                        firstAt = at;
                        firstNote = n;
                    }
                }
                if (firstNote != null) {
                    numbers.put(firstNote, numbers.size() + 1);
                    TextNode rest = current.splitText(firstAt + firstNote.term().length());
                    rest.before(new Element("sup").attr("style", theme.style("sup"))
                            .text("[注" + numbers.get(firstNote) + "]"));
                    current = rest;
                    changed = true;
                }
            }
        }
        for (Note n : notes) {
            numbers.putIfAbsent(n, numbers.size() + 1);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        numbers.forEach((n, number) -> out.add(Map.of("number", number, "term", n.term(),
                "explanation", n.explanation())));
        return out;
    }

    private static List<TextNode> textNodes(Element root) {
        List<TextNode> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<TextNode> out) {
        for (Node child : new ArrayList<>(node.childNodes())) {
            if (child instanceof TextNode t) {
                out.add(t);
            } else if (child instanceof Element e && !e.tagName().equals("code") && !e.tagName().equals("pre")
                    && !e.tagName().equals("a") && !e.tagName().equals("sup") && !e.tagName().equals("figcaption")) {
                collect(e, out);
            }
        }
    }

    private void styleElements(Element body) {
        for (Element e : body.getAllElements()) {
            if (e == body || e.hasAttr("style")) {
                continue;
            }
            String css = theme.style(e.tagName());
            if (!css.isEmpty()) {
                e.attr("style", css);
            }
            e.removeAttr("class");
            e.removeAttr("id");
        }
    }

    /** The first paragraph's text, cut at the last sentence end within the limit. */
    static String digest(Element body) {
        Element first = body.selectFirst("p");
        String text = first == null ? body.text() : first.text();
        text = text.replaceAll("\\[注\\d+]|\\[\\d+]", "").strip();
        if (text.length() <= MAX_DIGEST) {
            return text;
        }
        String head = text.substring(0, MAX_DIGEST);
        int cut = Math.max(Math.max(head.lastIndexOf('。'), head.lastIndexOf('！')),
                Math.max(head.lastIndexOf('？'), head.lastIndexOf('；')));
        return cut > 0 ? head.substring(0, cut + 1) : head.substring(0, MAX_DIGEST - 1) + "…";
    }
}
