package cn.gongkai.config;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads the first YAML document of a configuration file into a {@link ConfigNode} with SnakeYAML's event parser:
 * values keep the text the file wrote; a plain {@code ~}, {@code null} or nothing is YAML's null; an alias is a copy of
 * its anchor. A syntax error names the line of the last part read before it (as the loader always has).
 */
final class YamlReader {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final String NULL_TAG = "tag:yaml.org,2002:null";

    private final Parser parser;
    private final String source;
    private final Map<String, ConfigNode> anchors = new HashMap<>();
    private Event last;

    private YamlReader(Reader reader, String source) {
        this.parser = new ParserImpl(new StreamReader(reader), new LoaderOptions());
        this.source = source;
    }

    /**
     * The root node of the first document, or null when there is none; {@code source} names the file in messages
     * ({@code (文件 config/gongkai.yml)}).
     */
    static ConfigNode read(Reader reader, String source) {
        return new YamlReader(reader, source).root();
    }

    private ConfigNode root() {
        try {
            Event event = next();
            while (!(event instanceof NodeEvent) && !(event instanceof StreamEndEvent)) {
                event = next();
            }
            return event instanceof NodeEvent node ? node(node) : null;
        } catch (YAMLException e) {
            throw syntaxError(e.getMessage());
        }
    }

    private Event next() {
        last = parser.getEvent();
        return last;
    }

    private ConfigNode node(Event event) {
        ConfigNode node;
        if (event instanceof ScalarEvent scalar) {
            node = value(scalar);
        } else if (event instanceof MappingStartEvent) {
            node = section();
        } else if (event instanceof SequenceStartEvent) {
            node = items();
        } else if (event instanceof AliasEvent alias) {
            ConfigNode anchored = anchors.get(alias.getAnchor());
            if (anchored == null) {
                throw syntaxError("找不到锚点 &" + alias.getAnchor());
            }
            return anchored.deepCopy();
        } else {
            throw syntaxError("意外的 " + event);
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private static ConfigNode.Value value(ScalarEvent scalar) {
        String tag = scalar.getTag();
        boolean implicit = tag == null || tag.equals("!");
        boolean isNull = implicit ? scalar.getImplicit().canOmitTagInPlainScalar() && NULLS.contains(scalar.getValue())
                : tag.equals(NULL_TAG);
        return isNull ? ConfigNode.Value.NULL : new ConfigNode.Value(scalar.getValue());
    }

    private ConfigNode.Section section() {
        ConfigNode.Section section = new ConfigNode.Section();
        for (Event key = next(); !(key instanceof MappingEndEvent); key = next()) {
            if (!(key instanceof ScalarEvent name)) {
                throw syntaxError("键必须是单个值，不能是列表或键值映射");
            }
            section.put(name.getValue(), node(next()));
        }
        return section;
    }

    private ConfigNode.Items items() {
        ConfigNode.Items items = new ConfigNode.Items();
        for (Event item = next(); !(item instanceof SequenceEndEvent); item = next()) {
            items.add(node(item));
        }
        return items;
    }

    private ConfigException syntaxError(String message) {
        Mark mark = last == null ? null : last.getEndMark();
        int line = mark == null ? 1 : mark.getLine() + 1;
        return new ConfigException(source, "YAML 语法错误，第 " + line + " 行：" + message);
    }
}
