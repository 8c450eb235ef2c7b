package cn.gongkai.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads values out of the YAML tree of one facts file; every refusal is a {@link FactsException} naming the file
 * and the key as staff write it.
 */
final class FactsNodes {
    private final String file;

    FactsNodes(String file) {
        this.file = file;
    }

    /** A refusal of the value at {@code key}. */
    FactsException refuse(String key, String message) {
        return new FactsException(file, key, message);
    }

    /** True when the node is not given: missing, or written empty. */
    static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    /** Refuses a node that is not a mapping, or that has a key outside {@code keys}. */
    void known(JsonNode node, Set<String> keys, String prefix) {
        if (!node.isObject()) {
            throw refuse(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "必须是“键: 值”的映射");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw refuse(prefix + k, "不认识的项；可用的项：" + String.join("、", keys.stream().sorted().toList()));
            }
        }
    }

    /** The text at {@code key}, stripped; empty when not given and not required. */
    String text(JsonNode node, String key, boolean required) {
        JsonNode n = node == null ? null : node.get(key);
        if (absent(n)) {
            if (required) {
                throw refuse(key, "必须填写");
            }
            return "";
        }
        if (!n.isValueNode()) {
            throw refuse(key, "必须是文字");
        }
        String s = n.asText().strip();
        if (required && s.isEmpty()) {
            throw refuse(key, "不能为空");
        }
        return s;
    }

    /** The true or false at {@code key}; false when not given. */
    boolean bool(JsonNode node, String key) {
        JsonNode n = node.get(key);
        if (absent(n)) {
            return false;
        }
        if (!n.isBoolean()) {
            throw refuse(key, "只能是 true 或 false，实际为 " + n.asText());
        }
        return n.asBoolean();
    }

    /** The date (YYYY-MM-DD) of the node, refused as {@code key}; null when not given. */
    LocalDate date(JsonNode n, String key) {
        if (absent(n)) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText().strip());
        } catch (DateTimeParseException e) {
            throw refuse(key, "日期写作 YYYY-MM-DD，实际为 " + n.asText());
        }
    }
}
