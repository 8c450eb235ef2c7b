package cn.gongkai.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Inline styles per element, from {@code templates/article/theme.yml}. */
final class Theme {
    private final Map<String, String> styles;

    private Theme(Map<String, String> styles) {
        this.styles = Map.copyOf(styles);
    }

    static Theme load(Path file) {
        Map<String, String> styles = new LinkedHashMap<>();
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new RenderException("主题文件 " + file + " 应为“元素: 样式”的映射");
            }
            node.fields().forEachRemaining(e -> {
                String css = e.getValue().asText();
                if (css.contains("\"") || css.contains("<")) {
                    throw new RenderException("主题文件 " + file + " 中 " + e.getKey() + " 的样式含有引号或尖括号");
                }
                styles.put(e.getKey(), css);
            });
        } catch (IOException e) {
            throw new RenderException("无法读取主题文件 " + file + "：" + e.getMessage(), e);
        }
        return new Theme(styles);
    }

    String style(String element) {
        return styles.getOrDefault(element, "");
    }

    Map<String, String> all() {
        return styles;
    }
}
