package cn.gongkai.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What WeChat does to an article body: drops scripts and foreign images, refuses foreign links, renames img src. */
final class Html {
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b[^>]*>.*?</script\\s*>|<script\\b[^>]*/?>");
    private static final Pattern ANCHOR_HREF = Pattern.compile("(?is)<a\\b[^>]*?\\shref\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*>");
    private static final Pattern SRC = Pattern.compile("(?is)(\\s)src(\\s*=\\s*)(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final String ALLOWED_LINK_HOST = "mp.weixin.qq.com";

    private Html() {
    }

    static String removeScripts(String html) {
        return SCRIPT.matcher(html).replaceAll("");
    }

    /** The first link that WeChat refuses (any target other than an mp.weixin.qq.com page), if any. */
    static Optional<String> foreignLink(String html) {
        Matcher m = ANCHOR_HREF.matcher(html);
        while (m.find()) {
            String href = unescape(firstNonNull(m.group(2), m.group(3), m.group(4))).trim();
            if (!isWeChatPage(href)) {
                return Optional.of(href);
            }
        }
        return Optional.empty();
    }

    /** Removes every {@code <img>} whose src was not issued to this account by {@code media/uploadimg}. */
    static String keepOwnImages(String html, Set<String> ownUrls) {
        Matcher m = IMG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String src = src(m.group());
            m.appendReplacement(out, src != null && ownUrls.contains(src) ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The read-back quirk: {@code <img src=...>} comes back as {@code <img data-src=...>}. */
    static String srcToDataSrc(String html) {
        Matcher m = IMG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String renamed = SRC.matcher(m.group()).replaceAll("$1data-src$2$3");
            m.appendReplacement(out, Matcher.quoteReplacement(renamed));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String src(String imgTag) {
        Matcher s = SRC.matcher(imgTag);
        return s.find() ? unescape(firstNonNull(s.group(4), s.group(5), s.group(6))) : null;
    }

    private static boolean isWeChatPage(String href) {
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && ALLOWED_LINK_HOST.equalsIgnoreCase(uri.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }
}
