package cn.gongkai.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The shared glossary: every {@code *.yml} file under {@code templates/notes/}, term → plain-language explanation. */
public final class Glossary {
    private final Map<String, String> terms;

    private Glossary(Map<String, String> terms) {
        this.terms = Map.copyOf(terms);
    }

    /** Loads every YAML file of the folder; a term defined twice is an error naming both files. */
    public static Glossary load(Path dir) {
        Map<String, String> terms = new LinkedHashMap<>();
        Map<String, Path> origin = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new Glossary(terms);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new RenderException("无法读取术语库目录 " + dir + "：" + e.getMessage(), e);
        }
        for (Path f : files) {
            JsonNode node;
            try {
                node = yaml.readTree(f.toFile());
            } catch (IOException e) {
                throw new RenderException("术语库文件 " + f + " 格式错误：" + e.getMessage(), e);
            }
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue;
            }
            if (!node.isObject()) {
                throw new RenderException("术语库文件 " + f + " 应为“术语: 解释”的映射");
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                    throw new RenderException("术语库文件 " + f + " 中“" + e.getKey() + "”缺少解释");
                }
                Path earlier = origin.putIfAbsent(e.getKey(), f);
                if (earlier != null) {
                    throw new RenderException("术语“" + e.getKey() + "”在 " + earlier + " 和 " + f + " 中重复定义");
                }
                terms.put(e.getKey(), e.getValue().asText().strip());
            });
        }
        return new Glossary(terms);
    }

    public static Glossary of(Map<String, String> terms) {
        return new Glossary(terms);
    }

    public Optional<String> explain(String term) {
        return Optional.ofNullable(terms.get(term));
    }

    public java.util.Set<String> keys() {
        return terms.keySet();
    }
}
