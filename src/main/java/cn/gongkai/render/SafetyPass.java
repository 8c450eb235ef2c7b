package cn.gongkai.render;

import cn.gongkai.item.WeChatLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The last step, over the whole article including what the (staff-editable) layout added: only elements WeChat
 * keeps, no script, style, iframe, form, event handler, class or id; images only at the addresses the renderer
 * issued (anything else is an external image WeChat would filter); links only to WeChat articles; no style that
 * loads something. Whitespace between blocks is dropped, then the size is checked against WeChat's limits.
 */
final class SafetyPass {
    /** WeChat's limit on {@code content}: fewer than 20,000 characters. */
    static final int MAX_CHARS = WeChatLimits.CONTENT_CHARS;
    /** WeChat's limit on {@code content}: less than 1 MB. */
    static final int MAX_BYTES = WeChatLimits.CONTENT_BYTES;

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("section", "figure", "figcaption", "span", "sup", "sub", "hr", "del", "s")
            .addAttributes(":all", "style")
            .removeAttributes("a", "title")
            .removeProtocols("img", "src", "http", "https");
    private static final Set<String> BLOCKS = Set.of("section", "figure", "ul", "ol", "table", "thead", "tbody",
            "tfoot", "tr", "blockquote", "body");
    private static final Pattern UNSAFE_CSS = Pattern.compile(
            "url\\s*\\(|expression\\s*\\(|javascript:|@import|behavior\\s*:", Pattern.CASE_INSENSITIVE);

    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final Evaluator STYLED = QueryParser.parse("[style]");

    private SafetyPass() {
    }

    /** The cleaned article and what was removed from it. */
    record Result(String html, List<String> warnings) {
    }

    static Result clean(Document dirty, Set<String> issuedImages) {
        Document doc = new Cleaner(SAFE).clean(dirty);
        doc.outputSettings().prettyPrint(false);
        List<String> warnings = new ArrayList<>();
        for (Element img : doc.body().select(IMAGES)) {
            if (!issuedImages.contains(img.attr("src"))) {
                warnings.add("已删除外部图片 " + img.attr("src") + "（微信只显示上传到微信的图片；请在稿件中引用图片文件）");
                img.remove();
            }
        }
        for (Element a : doc.body().select(LINKS)) {
            if (!LinkReferences.isWeChatArticle(a.attr("href"))) {
                warnings.add("已去掉指向 " + a.attr("href") + " 的链接（微信只允许链接到公众号文章）");
                a.unwrap();
            }
        }
        for (Element e : doc.body().select(STYLED)) {
            String css = e.attr("style");
            // Whatever loads something needs a parenthesis (url, expression) or an at-rule.
            boolean suspect = css.indexOf('(') >= 0 || css.indexOf('@') >= 0;
            if (!suspect || !UNSAFE_CSS.matcher(css).find()) {
                continue;
            }
            StringBuilder safe = new StringBuilder();
            for (String declaration : css.split(";")) {
                if (!declaration.isBlank() && !UNSAFE_CSS.matcher(declaration).find()) {
                    safe.append(declaration.strip()).append(';');
                }
            }
            warnings.add("已删除 <" + e.normalName() + "> 上加载外部资源的样式");
            if (safe.length() == 0) {
                e.removeAttr("style");
            } else {
                e.attr("style", safe.toString());
            }
        }
        dropBlankText(doc.body());
        return new Result(doc.body().html(), warnings);
    }

    private static void dropBlankText(Element element) {
        boolean block = BLOCKS.contains(element.normalName());
        for (Node child : new ArrayList<>(element.childNodes())) {
            if (child instanceof TextNode t) {
                if (block && t.isBlank()) {
                    t.remove();
                }
            } else if (child instanceof Element e && !e.normalName().equals("pre")) {
                dropBlankText(e);
            }
        }
    }

    /**
     * Fails with a message saying by how much the article is over WeChat's limits, in HTML characters and in the
     * rough number of text characters that makes.
     */
    static void checkSize(String title, String html, int textChars) {
        int chars = html.length();
        if (chars >= MAX_CHARS) {
            int over = chars - MAX_CHARS + 1;
            int textOver = (int) Math.ceil((double) over * Math.max(1, textChars) / chars);
            throw new RenderException("《" + title + "》排版后正文 " + chars + " 字符，超过微信上限 " + MAX_CHARS
                    + " 字符（需减少约 " + over + " 字符，约合正文文字 " + textOver + " 字）。请删减正文、图片说明或备注，或拆成两篇");
        }
        // A UTF-16 unit never takes more than 3 bytes in UTF-8, so short articles need no byte count.
        int bytes = chars * 3 < MAX_BYTES ? chars * 3 : html.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= MAX_BYTES) {
            int overKb = (bytes - MAX_BYTES) / 1024 + 1;
            throw new RenderException("《" + title + "》排版后正文 " + bytes / 1024 + " KB，超过微信上限 1024 KB（需减少约 "
                    + overKb + " KB）。请删减正文或拆成两篇");
        }
    }
}
