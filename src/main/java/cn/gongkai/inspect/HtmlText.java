package cn.gongkai.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text and the links of an article's HTML, as a reader sees them: tags removed (inline tags without a gap, so
 * that 校<span>队</span> reads 校队), block tags as line breaks, entities decoded.
 */
public final class HtmlText {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<!--.*?-->|<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)<(br|/?p|/?div|/?section|/?li|/?h[1-6]|/?tr|/?blockquote|/?table)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern HREF = Pattern.compile(
            "(?is)<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("ensp", " "), Map.entry("emsp", " "), Map.entry("thinsp", " "), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("middot", "·"), Map.entry("times", "×"),
            Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("yen", "¥"), Map.entry("deg", "°"));

    private HtmlText() {
    }

    /** The text of {@code html}: one line per block, spaces collapsed, blank lines dropped. */
    public static String text(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = HIDDEN.matcher(html).replaceAll("");
        s = BLOCK.matcher(s).replaceAll("\n");
        s = decode(TAG.matcher(s).replaceAll(""));
        List<String> lines = new ArrayList<>();
        for (String line : s.split("\n")) {
            String l = line.replace('\u00A0', ' ').replaceAll("[ \\t\\r\\u3000]+", " ").strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
    }

    /** The distinct {@code <a href>} targets of {@code html}, entities decoded, without in-page and script links. */
    public static List<String> links(String html) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (html == null) {
            return List.of();
        }
        Matcher m = HREF.matcher(HIDDEN.matcher(html).replaceAll(""));
        while (m.find()) {
            String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String href = decode(raw).strip();
            String lower = href.toLowerCase(java.util.Locale.ROOT);
            if (!href.isEmpty() && !href.startsWith("#") && !lower.startsWith("javascript:")
                    && !lower.startsWith("mailto:") && !lower.startsWith("tel:")) {
                out.add(href);
            }
        }
        return List.copyOf(out);
    }

    /** Decodes named and numeric character references; unknown ones stay as written. */
    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String asWritten) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : asWritten;
        }
        return NAMED.getOrDefault(name, asWritten);
    }
}
