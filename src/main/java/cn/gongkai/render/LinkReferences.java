package cn.gongkai.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * WeChat only lets articles link to other WeChat articles. Links to {@code mp.weixin.qq.com} stay clickable; any
 * other link becomes its text (not coloured as a link: it cannot be clicked) plus a superscript [n], and the address
 * is listed under 参考链接, once per address however often it is linked. A web address written out in the text (an
 * autolink or a bare {@code http(s)://} address) stays as text that may break anywhere, also with its [n]: the rule
 * the external-link check states. Mail addresses written out stay plain text; in-page anchors lose their link (WeChat's
 * backend errors on them). Code is left alone.
 */
final class LinkReferences {
    private static final Set<String> SKIPPED = Set.of("code", "pre", "sup");
    private static final Pattern SCHEME_AND_HOST = Pattern.compile("([A-Za-z][-+.\\w]*://[^/?#]*)(.*)", Pattern.DOTALL);
    /** A web address in running text, ending where the external-link check ends it. */
    private static final Pattern BARE = Pattern.compile("(?i)\\bhttps?://[^\\s)\\]>）】，。；\"']+");

    /** One numbered reference: the address and the text it was first linked from (empty for none). */
    record Reference(int number, String url, String text) {
    }

    private final Theme theme;
    private final List<Reference> references = new ArrayList<>();

    LinkReferences(Theme theme) {
        this.theme = theme;
    }

    /** Rewrites every link and written-out address under {@code root}, in reading order; numbering continues. */
    void convert(Element root) {
        for (Node child : new ArrayList<>(root.childNodes())) {
            if (child instanceof Element e && e.normalName().equals("a")) {
                link(e);
            } else if (child instanceof Element e && !SKIPPED.contains(e.normalName())) {
                convert(e);
            } else if (child instanceof TextNode t) {
                bareAddresses(t);
            }
        }
    }

    private void link(Element a) {
        String href = a.attr("href").strip();
        String text = a.text().strip();
        if (isWeChatArticle(href)) {
            a.clearAttributes().attr("href", href).attr("style", theme.style("link"));
        } else if (href.isEmpty() || href.startsWith("#")) {
            a.unwrap();
        } else if (text.equals(href) || text.equals(withoutScheme(href))) {
            if (isWeb(href)) {
                a.after(marker(href, ""));
                a.after(address(a.text()));
                a.remove();
            } else {
                a.unwrap();
            }
        } else {
            a.after(marker(href, text));
            a.unwrap();
        }
    }

    /** Each web address in the text becomes an address span with its marker, WeChat articles excepted. */
    private void bareAddresses(TextNode node) {
        String text = node.getWholeText();
        Matcher m = BARE.matcher(text);
        int done = 0;
        while (m.find()) {
            if (isWeChatArticle(m.group())) {
                continue;
            }
            node.before(new TextNode(text.substring(done, m.start())));
            node.before(address(m.group()));
            node.before(marker(m.group(), ""));
            done = m.end();
        }
        if (done > 0) {
            node.text(text.substring(done));
        }
    }

    private Element address(String url) {
        return new Element("span").attr("style", theme.style("url")).text(url);
    }

    private Element marker(String href, String text) {
        return new Element("sup").attr("style", theme.style("sup")).text("[" + number(normalise(href), text) + "]");
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

    private static boolean isWeb(String href) {
        return href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8);
    }

    private static String withoutScheme(String href) {
        return href.replaceFirst("(?i)^(https?://|mailto:)", "");
    }
}
