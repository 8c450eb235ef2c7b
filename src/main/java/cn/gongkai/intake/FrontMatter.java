package cn.gongkai.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The front matter of an item file (design.md §4): its fields with the lines they start on, and the body after it. */
final class FrontMatter {
    static final Set<String> FIELDS = Set.of("title", "category", "author", "department", "cover",
            "publish_at", "doc_no", "source_url", "notes", "glossary", "account", "important", "digest",
            "heading_numbers", "signature", "signed_at");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();

    private FrontMatter() {
    }

    /** A front matter field and the line it starts on (0 when the item was not given as a file). */
    record Field(JsonNode value, int line) {
    }

    /** A file split into its front matter fields and its body, which starts on {@code bodyLine}. */
    record Split(Map<String, Field> fields, String body, int bodyLine) {
    }

    /** Splits normalised file text (LF line ends, no BOM); null, with problems added, when it has no usable head. */
    static Split split(String text, FileProblems p) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            p.add(1, "", "文件第一行应为 ---，后接 YAML 头部（标题、分类等）再以 --- 结束");
            return null;
        }
        int close = closingLine(lines);
        if (close < 0) {
            p.add(1, "", "YAML 头部没有结束行 ---");
            return null;
        }
        Map<String, Field> fields = read(String.join("\n", Arrays.copyOfRange(lines, 1, close)), p);
        if (fields == null) {
            return null;
        }
        int start = bodyStart(lines, close);
        String body = String.join("\n", Arrays.copyOfRange(lines, start, lines.length)).strip();
        return new Split(fields, body, start + 1);
    }

    /** The fields given by name (as in a JSON request), unknown names refused; each on line 0. */
    static Map<String, Field> given(Map<String, JsonNode> given, FileProblems p) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                p.add(0, e.getKey(), unknownField());
            } else {
                fields.put(e.getKey(), new Field(e.getValue(), 0));
            }
        }
        return fields;
    }

    private static int closingLine(String[] lines) {
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                return i;
            }
        }
        return -1;
    }

    /** The first non-blank line after the head, or the line right after it when the body is empty. */
    private static int bodyStart(String[] lines, int close) {
        int start = close + 1;
        while (start < lines.length && lines[start].isBlank()) {
            start++;
        }
        return start == lines.length ? close + 1 : start;
    }

    private static Map<String, Field> read(String yaml, FileProblems p) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                p.add(2, "", "YAML 头部是空的：至少需要 title 和 category");
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                p.add(2, "", "YAML 头部应为“字段: 值”形式的多行");
                return null;
            }
            return readFields(parser, p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
            p.add(line, "", "YAML 头部格式错误：" + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            p.add(0, "", "无法读取 YAML 头部：" + e.getMessage());
            return null;
        }
    }

    private static Map<String, Field> readFields(JsonParser parser, FileProblems p) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentLocation().getLineNr() + 1;
            parser.nextToken();
            JsonNode value = MAPPER.readTree(parser);
            if (!FIELDS.contains(name)) {
                p.add(line, name, unknownField());
            } else if (fields.containsKey(name)) {
                p.add(line, name, "字段重复出现（第一次在第 " + fields.get(name).line() + " 行）");
            } else {
                fields.put(name, new Field(value, line));
            }
        }
        return fields;
    }

    private static String unknownField() {
        return "未知字段（可用字段：" + String.join(", ", new TreeSet<>(FIELDS)) + "）";
    }
}
