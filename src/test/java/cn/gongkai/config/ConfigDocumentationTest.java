package cn.gongkai.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/gongkai.example.yml is the one place each configuration key is documented: it must name every key of the
 * records the YAML is bound to ({@link ConfigFile}, walked recursively, lists of records included), no other key,
 * with a comment above each value, and state the built-in defaults.
 */
class ConfigDocumentationTest {
    private static final Path EXAMPLE = Path.of("config", "gongkai.example.yml");
    private static final Path DEFAULTS = Path.of("src", "main", "resources", "gongkai-defaults.yml");
    /** Components that are no key: an account's sandbox flag follows the top-level sandbox. */
    private static final Set<String> NOT_KEYS = Set.of("accounts[].sandbox");

    @TempDir
    Path dir;

    /** What a key holds: a section (a record or a list of records), a map of free names, or a value. */
    private enum Kind { SECTION, MAP, VALUE }

    /** The keys of the records, path → what it holds. */
    private static Map<String, Kind> recordKeys() {
        Map<String, Kind> keys = new LinkedHashMap<>();
        walk(ConfigFile.class, "", keys);
        return keys;
    }

    private static void walk(Class<?> record, String prefix, Map<String, Kind> keys) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            if (NOT_KEYS.contains(key)) {
                continue;
            }
            Class<?> element = listElement(component);
            boolean section = component.getType().isRecord() || element.isRecord();
            keys.put(key, section ? Kind.SECTION : component.getType() == Map.class ? Kind.MAP : Kind.VALUE);
            if (component.getType().isRecord()) {
                walk(component.getType(), key + ".", keys);
            } else if (element.isRecord()) {
                walk(element, key + "[].", keys);
            }
        }
    }

    private static Class<?> listElement(RecordComponent component) {
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    /** The keys a YAML file writes, path → line, leaving out the entries of maps such as wechat.daily-limits. */
    private static Map<String, Integer> fileKeys(Path file) throws IOException {
        Set<String> maps = new TreeSet<>();
        recordKeys().forEach((key, kind) -> {
            if (kind == Kind.MAP) {
                maps.add(key);
            }
        });
        Map<String, Integer> keys = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String key = t == JsonToken.FIELD_NAME ? path(p.getParsingContext()) : null;
                if (key != null && maps.stream().noneMatch(m -> key.startsWith(m + "."))) {
                    keys.putIfAbsent(key, p.currentTokenLocation().getLineNr());
                }
            }
        }
        return keys;
    }

    private static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            steps.push(c.inArray() ? "[]" : c.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            path.append(step.equals("[]") || path.isEmpty() ? "" : ".").append(step);
        }
        return path.toString();
    }

    @Test
    void theWalkFindsSectionsListsOfSectionsAndMaps() {
        assertThat(recordKeys()).containsEntry("checks", Kind.SECTION).containsEntry("checks.title-max", Kind.VALUE)
                .containsEntry("accounts", Kind.SECTION).containsEntry("accounts[].max-articles-per-draft", Kind.VALUE)
                .containsEntry("wechat.daily-limits", Kind.MAP).doesNotContainKey("accounts[].sandbox");
    }

    @Test
    void everyKeyOfTheRecordsHasAnEntryInTheExample() throws IOException {
        Set<String> missing = new TreeSet<>(recordKeys().keySet());
        missing.removeAll(fileKeys(EXAMPLE).keySet());

        assertThat(missing).as("keys the example does not document").isEmpty();
    }

    @Test
    void theExampleNamesNoKeyTheRecordsDoNotHave() throws IOException {
        Set<String> unknown = new TreeSet<>(fileKeys(EXAMPLE).keySet());
        unknown.removeAll(recordKeys().keySet());

        assertThat(unknown).as("keys in the example that the configuration does not have").isEmpty();
    }

    @Test
    void everyValueInTheExampleHasACommentAboveIt() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        Map<String, Kind> kinds = recordKeys();
        Set<String> undocumented = new TreeSet<>();
        fileKeys(EXAMPLE).forEach((key, line) -> {
            String above = lines.get(line - 2).strip();
            if (kinds.get(key) != Kind.SECTION && !above.startsWith("#") && !above.startsWith("- #")) {
                undocumented.add(key + " (第 " + line + " 行)");
            }
        });

        assertThat(undocumented).as("keys without a comment line above them").isEmpty();
    }

    @Test
    void theBuiltInDefaultsGiveAValueForEveryKeyAndNoOther() throws IOException {
        assertThat(new TreeSet<>(fileKeys(DEFAULTS).keySet())).isEqualTo(new TreeSet<>(recordKeys().keySet()));
    }

    @Test
    void theExampleLoadsAndStatesTheBuiltInDefaults() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yml"), "");

        GongkaiConfig example = new ConfigLoader(Map.of()).load(EXAMPLE);
        GongkaiConfig defaults = new ConfigLoader(Map.of()).load(empty);

        assertThat(example).usingRecursiveComparison().ignoringFields("source").isEqualTo(defaults);
    }
    /** README.md and the guides in docs/. */
    private static List<Path> guides() throws IOException {
        try (var docs = Files.list(Path.of("docs"))) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of("README.md")),
                    docs.filter(f -> f.toString().endsWith(".md"))).sorted().toList();
        }
    }

    /**
     * The key a backquoted text in a guide names, or null when it names none: a text that starts with a top-level
     * key and goes on with {@code .} or {@code [].} ({@code review.chain}, {@code accounts[].cron}), or is one;
     * file names ({@code review.md}) and placeholders ({@code wechat.daily-limits.<接口>}) are taken as what they are.
     */
    static String keyNamed(String code, Set<String> topLevel) {
        String text = code.strip();
        if (!text.matches("[a-z][a-z-]*(\\[])?(\\.[a-z<*][^\\s`]*)*") || text.matches(".*\\.(md|yml|yaml|txt|csv|ftlh?)$")) {
            return null;
        }
        String first = text.split("[.\\[]", 2)[0];
        return topLevel.contains(first) && (text.contains(".") || text.equals(first)) ? text : null;
    }

    @Test
    void theGuidesNameOnlyKeysTheConfigurationHasAndLeaveTheirDefaultsToTheExample() throws IOException {
        Map<String, Kind> keys = recordKeys();
        Set<String> topLevel = new TreeSet<>();
        keys.keySet().forEach(k -> topLevel.add(k.split("[.\\[]", 2)[0]));
        Set<String> unknown = new TreeSet<>();
        Set<String> tables = new TreeSet<>();
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("`([^`]+)`");
        for (Path guide : guides()) {
            List<String> lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.startsWith("|") && line.contains("配置项") && line.contains("默认值")) {
                    tables.add(guide + ":" + (n + 1));
                }
                java.util.regex.Matcher m = code.matcher(line);
                while (m.find()) {
                    String key = keyNamed(m.group(1), topLevel);
                    if (key != null && !known(key, keys)) {
                        unknown.add(guide + ":" + (n + 1) + " " + key);
                    }
                }
            }
        }

        assertThat(unknown).as("keys named in the guides that the configuration does not have").isEmpty();
        assertThat(tables).as("tables of keys with defaults (the example config is their one home)").isEmpty();
    }

    private static boolean known(String key, Map<String, Kind> keys) {
        String plain = key.replaceAll("\\.(\\*|<[^>]*>)$", "");
        if (keys.containsKey(plain)) {
            return true;
        }
        return keys.entrySet().stream().anyMatch(e -> e.getValue() == Kind.MAP && plain.startsWith(e.getKey() + "."));
    }

    @Test
    void aKeyIsTakenFromBackquotedTextButNotAFileNameOrAWord() {
        Set<String> top = Set.of("review", "accounts", "wechat", "sandbox");
        assertThat(keyNamed("review.chain", top)).isEqualTo("review.chain");
        assertThat(keyNamed("accounts[].cron", top)).isEqualTo("accounts[].cron");
        assertThat(keyNamed("wechat.*", top)).isEqualTo("wechat.*");
        assertThat(keyNamed("sandbox", top)).isEqualTo("sandbox");
        assertThat(keyNamed("review.md", top)).isNull();
        assertThat(keyNamed("gongkai.yml", top)).isNull();
        assertThat(keyNamed("item list", top)).isNull();
        assertThat(known("review.chian", recordKeys())).isFalse();
        assertThat(known("wechat.daily-limits.freepublish/get", recordKeys())).isTrue();
    }
}
