package cn.gongkai.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The phone-width preview page of an article ({@code gongkai render --out}): the feed card (cover cut to 2.35:1,
 * title, digest), then the article. Rendered from {@code preview-page.ftlh}, which escapes every value but the
 * article's own HTML.
 */
public final class PreviewPage {
    private static final Template TEMPLATE = template();

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

    /** The page for {@code article} (whose images are already data URIs) under a cover given as a data URI. */
    public static String html(RenderedArticle article, String articleHtml, String coverDataUri) {
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.process(Map.of("title", article.title(), "digest", article.digest(), "cover", coverDataUri,
                    "article", articleHtml), out);
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("preview-page.ftlh failed", e);
        }
        return out.toString();
    }
}
