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
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns an item into the article WeChat gets: Markdown (tables, footnotes) to HTML with the theme's inline styles,
 * images as figures with captions, lists flattened the way WeChat keeps them, optional 公文 heading numbers,
 * explanatory notes marked at first use and listed under 名词解释, external links turned into numbered references,
 * the layout of {@code templates/article/layout.ftlh} (optional header, notes, references, footer with source,
 * 阅读原文 hint and QR code), then a safety pass and WeChat's size limits. No network. Thread-safe after
 * {@link #load}.
 */
public final class ArticleRenderer {
    /** WeChat's limit on {@code content}: fewer than 20,000 characters. */
    public static final int MAX_HTML_CHARS = SafetyPass.MAX_CHARS;
    /** WeChat's limit on {@code content}: less than 1 MB. */
    public static final int MAX_HTML_BYTES = SafetyPass.MAX_BYTES;

    /** What the layout gets as {@code bodyHtml}; the rendered body nodes take its place (no second parse). */
    private static final String BODY_SLOT = "gongkai-body";
    private static final Evaluator SLOT = QueryParser.parse(BODY_SLOT);
    private static final Evaluator TABLES = QueryParser.parse("table");
    private static final Evaluator ALIGNED_CELLS = QueryParser.parse("th[align], td[align]");

    /** The variables the layout gets, all always present (empty when there is nothing to show). */
    static final List<String> LAYOUT_VARIABLES = List.of("accountName", "category", "docNo", "bodyHtml", "notes",
            "references", "source", "sourceUrl", "qrCode", "styles", "showHeader");

    private final Theme theme;
    private final Template layout;
    private final Glossary glossary;
    private final RenderSettings settings;
    /** Set on a renderer made by {@link #later}: the loaded renderer every call goes to. */
    private final java.util.function.Supplier<ArticleRenderer> loaded;

    private ArticleRenderer(Theme theme, Template layout, Glossary glossary, RenderSettings settings) {
        this(theme, layout, glossary, settings, null);
    }

    private ArticleRenderer(Theme theme, Template layout, Glossary glossary, RenderSettings settings,
                            java.util.function.Supplier<ArticleRenderer> loaded) {
        this.theme = theme;
        this.layout = layout;
        this.glossary = glossary;
        this.settings = settings;
        this.loaded = loaded;
    }

    /**
     * A renderer whose templates are loaded elsewhere (serve loads them after its port opened): each call asks
     * {@code loaded} for the loaded renderer (which may wait for it, or load it) and renders with that one.
     */
    public static ArticleRenderer later(java.util.function.Supplier<ArticleRenderer> loaded) {
        return new ArticleRenderer(null, null, null, null, loaded);
    }

    /** Loads the theme, layout and glossary from the templates folder (staff may edit them without a rebuild). */
    public static ArticleRenderer load(Path templatesDir) {
        return load(templatesDir, RenderSettings.defaults());
    }

    /**
     * Loads the templates and tries the layout once with every part filled, so a mistake in an edited template is
     * reported at start, not when an article is due.
     */
    public static ArticleRenderer load(Path templatesDir, RenderSettings settings) {
        Path articleDir = templatesDir.resolve("article");
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        try {
            fm.setDirectoryForTemplateLoading(articleDir.toFile());
        } catch (IOException e) {
            throw new RenderException("找不到文章模板目录 " + articleDir + "：" + e.getMessage(), e);
        }
        fm.setDefaultEncoding("UTF-8");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setWrapUncheckedExceptions(true);
        fm.setFallbackOnNullLoopVariable(false);
        Template layout;
        try {
            layout = fm.getTemplate("layout.ftlh");
        } catch (IOException e) {
            throw new RenderException("文章模板 layout.ftlh 无法读取或有语法错误：" + e.getMessage(), e);
        }
        ArticleRenderer renderer = new ArticleRenderer(Theme.load(articleDir.resolve("theme.yml")), layout,
                Glossary.load(templatesDir.resolve("notes")), settings);
        renderer.page(renderer.sampleModel());
        return renderer;
    }

    public Glossary glossary() {
        if (loaded != null) {
            return loaded.get().glossary();
        }
        return glossary;
    }

    /** The QR-code image shown at the foot of the account's articles, if one is configured. */
    public Optional<ItemImage> qrCode(String account) {
        if (loaded != null) {
            return loaded.get().qrCode(account);
        }
        return Optional.ofNullable(settings.qrCodes().get(account));
    }

    /**
     * Renders the item.
     *
     * @param accountName the account's display name for the header
     * @param imageSrc    the {@code src} to use for each body image and the QR code (the uploadimg URL when
     *                    publishing, a placeholder or data URI for previews); called once per distinct image
     * @throws RenderException when the article is over WeChat's size limits (the message says by how much) or a
     *                         template fails
     */
    public RenderedArticle render(ItemContent item, String accountName, Function<ItemImage, String> imageSrc) {
        if (loaded != null) {
            return loaded.get().render(item, accountName, imageSrc);
        }
        Markdown.Parsed parsed = Markdown.parse(item.body());
        Element body = parsed.document().body();
        List<String> warnings = new ArrayList<>();
        String digest = digest(item, body, warnings);
        Set<String> issued = new HashSet<>(Figures.place(body, item.images(), imageSrc, theme));
        boolean numbered = item.headingNumbers() != null ? item.headingNumbers() : settings.headingNumbers();
        if (numbered) {
            HeadingNumbers.apply(body);
        }
        Lists.flatten(body, theme);
        LinkReferences links = new LinkReferences(theme);
        links.convert(body);
        for (Element definition : parsed.footnotes().values()) {
            links.convert(definition);
            theme.apply(definition);
        }
        NoteMarker marker = new NoteMarker(theme, mergedNotes(item), parsed.footnotes());
        List<NoteMarker.Entry> notes = marker.mark(body);
        for (String unused : marker.unusedTerms()) {
            warnings.add("备注“" + unused + "”在正文中没有出现，只列在名词解释中");
        }
        styleTables(body);
        theme.apply(body);
        QuotationEnds.close(body);
        sign(body, item);

        String qrSrc = "";
        ItemImage qr = settings.qrCodes().get(item.account());
        if (qr != null) {
            qrSrc = imageSrc.apply(qr);
            issued.add(qrSrc);
        }
        Map<String, Object> model = model(accountName, item.category(), item.docNo(), slotHtml(), notes,
                links.references(), item.author().isEmpty() ? accountName : item.author(), item.sourceUrl(), qrSrc);
        int textChars = body.text().length();
        SafetyPass.Result safe = SafetyPass.clean(pageWith(model, body), issued);
        warnings.addAll(safe.warnings());
        SafetyPass.checkSize(item.title(), safe.html(), textChars);
        return new RenderedArticle(item.title(), item.author(), digest, safe.html(), item.sourceUrl(), warnings);
    }

    /** The staff's digest, else whole sentences of the first paragraph, else the title with a warning. */
    private static String digest(ItemContent item, Element body, List<String> warnings) {
        if (!item.digest().isEmpty()) {
            return item.digest();
        }
        String made = Digests.fromBody(body);
        if (!made.isEmpty()) {
            return made;
        }
        warnings.add("首段没有能完整放入摘要（" + Digests.MAX + " 字以内）的句子，摘要暂用标题；可在头部写 digest: 指定摘要");
        return item.title();
    }

    /** Each table in a section that scrolls sideways on a phone; column alignment as inline style. */
    private void styleTables(Element body) {
        for (Element table : body.select(TABLES)) {
            table.wrap("<section></section>").parent().attr("style", theme.style("table-wrap"));
        }
        for (Element cell : body.select(ALIGNED_CELLS)) {
            String align = cell.attr("align");
            cell.removeAttr("align");
            if (align.equals("left") || align.equals("center") || align.equals("right")) {
                cell.attr("style", theme.style(cell.normalName()) + "text-align:" + align + ";");
            }
        }
    }

    /**
     * The 落款 after the body as in 公文: the unit, then the 成文日期 in Arabic numerals without leading zeros
     * (GB/T 9704-2012 §7.3.5), each right-aligned. Part of the body, so a layout edited before 落款 existed still shows it.
     */
    private void sign(Element body, ItemContent item) {
        if (!item.signature().isEmpty()) {
            body.appendElement("p").attr("style", theme.style("signature")).text(item.signature());
        }
        if (item.signedAt() != null) {
            body.appendElement("p").attr("style", theme.style(item.signature().isEmpty() ? "signature" : "signed-at"))
                    .text(item.signedAt().getYear() + "年" + item.signedAt().getMonthValue() + "月"
                            + item.signedAt().getDayOfMonth() + "日");
        }
    }

    /** The filled layout with the body's nodes moved into the place of {@code bodyHtml}. */
    private Document pageWith(Map<String, Object> model, Element body) {
        Document page = page(model);
        Element slot = page.body().selectFirst(SLOT);
        slot.parent().insertChildren(slot.siblingIndex(), new ArrayList<>(body.childNodes()));
        slot.remove();
        return page;
    }

    /** Item notes first, then glossary notes; a term (compared after Unicode normalisation) is listed once. */
    private List<Note> mergedNotes(ItemContent item) {
        Map<String, Note> merged = new LinkedHashMap<>();
        for (Note n : item.notes()) {
            merged.putIfAbsent(key(n.term()), n);
        }
        for (String term : item.glossary()) {
            glossary.explain(term).ifPresent(text -> merged.putIfAbsent(key(term), new Note(term, text)));
        }
        return new ArrayList<>(merged.values());
    }

    private static String key(String term) {
        return Normalizer.normalize(term, Normalizer.Form.NFKC).strip();
    }

    private Map<String, Object> model(String accountName, String category, String docNo, String bodyHtml,
                                      List<NoteMarker.Entry> notes, List<LinkReferences.Reference> references,
                                      String source, String sourceUrl, String qrCode) {
        List<Map<String, Object>> noteModels = new ArrayList<>();
        for (NoteMarker.Entry n : notes) {
            noteModels.add(Map.of("number", n.number(), "term", n.term(), "explanation", n.explanation(),
                    "html", n.html()));
        }
        List<Map<String, Object>> refModels = new ArrayList<>();
        for (LinkReferences.Reference r : references) {
            refModels.add(Map.of("number", r.number(), "url", r.url(), "text", r.text()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("accountName", accountName);
        model.put("category", category);
        model.put("docNo", docNo);
        model.put("bodyHtml", bodyHtml);
        model.put("notes", noteModels);
        model.put("references", refModels);
        model.put("source", source);
        model.put("sourceUrl", sourceUrl);
        model.put("qrCode", qrCode);
        model.put("styles", theme.all());
        model.put("showHeader", theme.showHeader());
        return model;
    }

    private static String slotHtml() {
        return "<" + BODY_SLOT + "></" + BODY_SLOT + ">";
    }

    /** A model with every part present and the header shown, to try the layout at load time. */
    Map<String, Object> sampleModel() {
        Map<String, Object> model = model("红旗商务", "促消费", "红商〔2023〕12号", slotHtml(),
                List.of(new NoteMarker.Entry(1, "以旧换新", "解释。", "解释。"), new NoteMarker.Entry(2, "", "脚注。", "脚注。")),
                List.of(new LinkReferences.Reference(1, "https://www.example.gov.cn/", "通知")), "红旗区商务局",
                "https://www.example.gov.cn/", "https://mmbiz.qpic.cn/qr");
        model.put("showHeader", true);
        return model;
    }

    /** The layout filled in and parsed; it must show the body exactly once. */
    Document page(Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            layout.process(model, out);
        } catch (TemplateException | IOException | RuntimeException e) {
            throw new RenderException("文章模板 layout.ftlh 出错：" + e.getMessage(), e);
        }
        Document page = Jsoup.parseBodyFragment(out.toString());
        if (page.body().select(SLOT).size() != 1) {
            throw new RenderException("文章模板 layout.ftlh 应恰好输出一次正文 ${bodyHtml?no_esc}");
        }
        return page;
    }
}
