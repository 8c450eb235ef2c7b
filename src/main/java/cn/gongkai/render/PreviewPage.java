package cn.gongkai.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phone-width preview page of an article ({@code gongkai render --out}): the feed card (cover cut to 2.35:1,
 * title, digest), then WeChat's article page — title, author, account name and date, and the article inside the
 * content area — under WeChat's container rules ({@link #containerCss()}). Rendered from {@code preview-page.ftlh},
 * which escapes every value but the article's own HTML and the style sheet.
 */
public final class PreviewPage {
    private static final Template TEMPLATE = template();
    private static final String CSS = resource("wechat-page.css");

    private PreviewPage() {
    }

    private static Template template() {
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setClassForTemplateLoading(PreviewPage.class, "");
        fm.setDefaultEncoding("UTF-8");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        try {
            return fm.getTemplate("preview-page.ftlh");
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's preview-page.ftlh is unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PreviewPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's " + name + " is unreadable", e);
        }
    }

    /**
     * WeChat's rules around an article on a phone (font, 17 px base, line height, letter spacing, justified text,
     * padding, nothing wider than the column), for {@code .wx-content} in the preview page and for the console's
     * preview box {@code .phone}: one source, so both show what readers will see.
     */
    public static String containerCss() {
        return CSS;
    }

    /**
     * The page for {@code article} (whose images are already data URIs) under a cover given as a data URI, with the
     * account's name and the date in the line under the title, as WeChat shows them.
     */
    public static String html(RenderedArticle article, String articleHtml, String coverDataUri, String accountName,
                              LocalDate date) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("css", CSS);
        model.put("title", article.title());
        model.put("digest", article.digest());
        model.put("author", article.author() == null ? "" : article.author());
        model.put("accountName", accountName);
        model.put("date", date.toString());
        model.put("cover", coverDataUri);
        model.put("article", articleHtml);
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.process(model, out);
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("preview-page.ftlh failed", e);
        }
        return out.toString();
    }
}
