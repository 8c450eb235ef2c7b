package cn.gongkai.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * WeChat only lets articles link to other WeChat articles. Links to {@code mp.weixin.qq.com} stay clickable; any
 * other link becomes its text plus a superscript [n], and the address is listed under 参考链接, once per address
 * however often it is linked. A bare address (text equal to the address) stays as plain text without a number;
 * in-page anchors lose their link (WeChat's backend errors on them).
 */
final class LinkReferences {
    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final Pattern SCHEME_AND_HOST = Pattern.compile("([A-Za-z][-+.\\w]*://[^/?#]*)(.*)", Pattern.DOTALL);

    /** One numbered reference: the address and the text it was first linked from (empty for none). */
    record Reference(int number, String url, String text) {
    }

    private final Theme theme;
    private final List<Reference> references = new ArrayList<>();

    LinkReferences(Theme theme) {
        this.theme = theme;
    }

    /** Rewrites every link under {@code root}; numbering continues across calls. */
    void convert(Element root) {
        for (Element a : root.select(LINKS)) {
            String href = a.attr("href").strip();
            if (isWeChatArticle(href)) {
                a.clearAttributes().attr("href", href).attr("style", theme.style("link"));
                continue;
            }
            String text = a.text().strip();
            if (href.isEmpty() || href.startsWith("#") || text.equals(href) || text.equals(withoutScheme(href))) {
                a.unwrap();
                continue;
            }
            Element span = new Element("span").attr("style", theme.style("link"));
            for (org.jsoup.nodes.Node child : a.childNodesCopy()) {
                span.appendChild(child);
            }
            span.appendChild(new Element("sup").attr("style", theme.style("sup"))
                    .text("[" + number(normalise(href), text) + "]"));
            a.replaceWith(span);
        }
    }

    List<Reference> references() {
        return List.copyOf(references);
    }

    private int number(String url, String text) {
        for (Reference r : references) {
            if (r.url().equals(url)) {
                return r.number();
            }
        }
        Reference r = new Reference(references.size() + 1, url, text);
        references.add(r);
        return r.number();
    }

    static boolean isWeChatArticle(String href) {
        try {
            URI uri = new URI(href);
            return uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).equals("mp.weixin.qq.com")
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The address as listed: scheme and host in lower case (so they compare equal), the rest unchanged. */
    private static String normalise(String href) {
        Matcher m = SCHEME_AND_HOST.matcher(href);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) + m.group(2) : href;
    }

    private static String withoutScheme(String href) {
        return href.replaceFirst("(?i)^(https?://|mailto:)", "");
    }
}
