package cn.gongkai.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Inline styles per element, from {@code templates/article/theme.yml}. Every key the renderer and the layout use is
 * known here: a misspelt key is an error naming the known ones, a missing key means "no style". Styles must not
 * load anything from outside (WeChat would filter it) or break out of the attribute. One key is a switch, not a
 * style: {@link #SHOW_HEADER}.
 */
final class Theme {
    /** Every key the renderer or the shipped layout uses, in the order of theme.yml. */
    static final List<String> KEYS = List.of("article", "header", "header-account", "header-tag", "doc-no",
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "nested-list", "blockquote", "table-wrap",
            "table", "th", "td", "strong", "em", "del", "code", "pre", "hr", "figure", "img", "caption", "sup",
            "link", "url", "notes", "notes-title", "note", "reference", "footer", "footer-line", "qr-figure",
            "qr-code", "qr-caption", "signature", "signed-at");
    /** Styles of elements added after themes were first edited: a theme file without them still gets these. */
    private static final Map<String, String> LATER_DEFAULTS = Map.of(
            "signature", "margin:28px 0 4px 0;text-align:right;",
            "signed-at", "margin:0 0 14px 0;text-align:right;");
    /** The one switch in theme.yml (true or false, default false): show the header bar with the account name. */
    static final String SHOW_HEADER = "show-header";

    private static final Pattern FORBIDDEN = Pattern.compile("[\"<>]|url\\s*\\(|expression\\s*\\(|javascript:|@import"
            + "|behavior\\s*:", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> styles;
    private final boolean showHeader;

    private Theme(Map<String, String> styles, boolean showHeader) {
        this.styles = Map.copyOf(styles);
        this.showHeader = showHeader;
    }

    static Theme load(Path file) {
        JsonNode node;
        try {
            node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new RenderException("无法读取主题文件 " + file + "：" + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new RenderException("主题文件 " + file + " 应为“元素: 样式”的映射");
        }
        Map<String, String> styles = new LinkedHashMap<>();
        for (String key : KEYS) {
            styles.put(key, LATER_DEFAULTS.getOrDefault(key, ""));
        }
        boolean showHeader = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(SHOW_HEADER)) {
                showHeader = showHeader(file, e.getValue());
            } else {
                styles.put(e.getKey(), style(file, e.getKey(), e.getValue()));
            }
        }
        return new Theme(styles, showHeader);
    }

    private static boolean showHeader(Path file, JsonNode value) {
        if (!value.isBoolean()) {
            throw new RenderException("主题文件 " + file + " 中 " + SHOW_HEADER + " 应为 true 或 false");
        }
        return value.booleanValue();
    }

    /** One element's style, checked: a known key, one line, nothing loaded from outside; ends with a semicolon. */
    private static String style(Path file, String key, JsonNode value) {
        if (!KEYS.contains(key)) {
            throw new RenderException("主题文件 " + file + " 中的“" + key + "”不是已知的元素（可用："
                    + String.join(", ", KEYS) + ", " + SHOW_HEADER + "）");
        }
        if (!value.isValueNode() || value.isNull()) {
            throw new RenderException("主题文件 " + file + " 中 " + key + " 的样式应为一行文字");
        }
        String css = value.asText().strip();
        var bad = FORBIDDEN.matcher(css);
        if (bad.find()) {
            throw new RenderException("主题文件 " + file + " 中 " + key + " 的样式含有不允许的“"
                    + bad.group() + "”（不能有引号、尖括号或外部资源，微信会过滤）");
        }
        return css.isEmpty() || css.endsWith(";") ? css : css + ";";
    }

    static Theme of(Map<String, String> styles) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : KEYS) {
            all.put(key, styles.getOrDefault(key, ""));
        }
        return new Theme(all, false);
    }

    String style(String key) {
        return styles.getOrDefault(key, "");
    }

    /** Whether the layout shows the header bar that repeats the account name (off unless theme.yml says so). */
    boolean showHeader() {
        return showHeader;
    }

    /** Every known key with its style (empty when theme.yml leaves it out), for the layout. */
    Map<String, String> all() {
        return styles;
    }

    /** Sets the element's style from its tag name unless it already has one; drops class and id. */
    void apply(Element root) {
        for (Element e : root.getAllElements()) {
            if (e != root && !e.hasAttr("style")) {
                String css = styles.get(e.normalName().toLowerCase(Locale.ROOT));
                if (css != null && !css.isEmpty()) {
                    e.attr("style", css);
                }
            }
            e.removeAttr("class");
            e.removeAttr("id");
        }
    }
}
