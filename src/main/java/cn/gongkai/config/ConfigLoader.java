package cn.gongkai.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the configuration: built-in defaults, then the YAML file, then {@code GONGKAI_*} environment variables
 * ({@code GONGKAI_DATABASE_URL}, {@code GONGKAI_ACCOUNTS_0_SECRET}, …). {@code ${VAR}} and {@code ${VAR:-default}}
 * in values are read from the environment; {@code ${data-dir}} is the data directory. Unknown keys are errors.
 */
public final class ConfigLoader {
    /** The file used when no --config is given and it exists. */
    public static final Path DEFAULT_FILE = Path.of("config", "gongkai.yml");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::-([^}]*))?}");
    private static final Set<String> ACCOUNT_KEYS = Set.of("id", "name", "app-id", "secret", "api-base-url", "mode",
            "cron", "max-articles-per-draft", "callback-token", "daily-cap", "dry-run", "callback-aes-key",
            "qr-code", "preview-to");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> env;
    /** The data directory of the configuration being built, for {@code ${data-dir}}. */
    private String dataDir = "./data";

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Loads from the given file, or from {@link #DEFAULT_FILE} if present, or the built-in defaults alone. */
    public GongkaiConfig load(Path file) {
        ObjectNode tree = defaults();
        String source = "内置默认配置";
        Path chosen = file != null ? file : (Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null);
        if (chosen != null) {
            if (!Files.isRegularFile(chosen)) {
                throw new ConfigException("--config", chosen.toString(), "配置文件不存在");
            }
            JsonNode fileTree;
            try {
                fileTree = YAML.readTree(chosen.toFile());
            } catch (JsonProcessingException e) {
                throw new ConfigException("(文件 " + chosen + ")", "YAML 语法错误，第 "
                        + e.getLocation().getLineNr() + " 行：" + e.getOriginalMessage());
            } catch (IOException e) {
                throw new ConfigException("--config", chosen.toString(), "无法读取：" + e.getMessage());
            }
            if (fileTree != null && !fileTree.isMissingNode() && !fileTree.isNull()) {
                if (!fileTree.isObject()) {
                    throw new ConfigException("(文件 " + chosen + ")", "顶层必须是键值映射");
                }
                checkKnownKeys((ObjectNode) fileTree, tree, "");
                merge(tree, (ObjectNode) fileTree);
            }
            source = chosen.toString();
        }
        applyEnvironment(tree);
        return build(tree, source);
    }

    static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/gongkai-defaults.yml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults unreadable", e);
        }
    }

    private static void checkKnownKeys(ObjectNode given, ObjectNode known, String prefix) {
        for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (!known.has(key)) {
                throw new ConfigException(path, "未知的配置项（拼写错误？可用的有：" + names(known) + "）");
            }
            JsonNode value = given.get(key);
            if (known.get(key).isObject() && value.isObject()) {
                checkKnownKeys((ObjectNode) value, (ObjectNode) known.get(key), path);
            }
            if (key.equals("accounts") && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode account = value.get(i);
                    if (!account.isObject()) {
                        throw new ConfigException("accounts[" + i + "]", "每个公众号必须是键值映射");
                    }
                    for (Iterator<String> f = account.fieldNames(); f.hasNext(); ) {
                        String field = f.next();
                        if (!ACCOUNT_KEYS.contains(field)) {
                            throw new ConfigException("accounts[" + i + "]." + field,
                                    "未知的配置项（可用的有：" + String.join(", ", new java.util.TreeSet<>(ACCOUNT_KEYS)) + "）");
                        }
                    }
                }
            }
        }
    }

    private static String names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private void applyEnvironment(ObjectNode tree) {
        Map<String, String> paths = new LinkedHashMap<>();
        collectPaths(tree, "", paths);
        JsonNode accounts = tree.get("accounts");
        if (accounts != null && accounts.isArray()) {
            for (int i = 0; i < accounts.size(); i++) {
                for (String k : ACCOUNT_KEYS) {
                    paths.putIfAbsent(envName("accounts." + i + "." + k), "accounts." + i + "." + k);
                }
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String path = paths.get(e.getKey());
            if (path != null) {
                setPath(tree, path, e.getValue());
            }
        }
    }

    private static void collectPaths(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e ->
                    collectPaths(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out));
        } else if (node.isArray() && !prefix.equals("categories") && !prefix.equals("review.chain")
                && !prefix.equals("review.important-chain")) {
            for (int i = 0; i < node.size(); i++) {
                collectPaths(node.get(i), prefix + "." + i, out);
            }
        } else {
            out.put(envName(prefix), prefix);
        }
    }

    static String envName(String path) {
        return "GONGKAI_" + path.replace('.', '_').replace('-', '_').replace('/', '_').toUpperCase(Locale.ROOT);
    }

    private static void setPath(ObjectNode tree, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode old = node.get(last);
        JsonNode replacement = old != null && old.isArray() ? splitList(value) : TextNode.valueOf(value);
        ((ObjectNode) node).set(last, replacement);
    }

    private static ArrayNode splitList(String value) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                array.add(part.strip());
            }
        }
        return array;
    }

    private GongkaiConfig build(ObjectNode tree, String source) {
        this.dataDir = text(tree, "data-dir", "");
        if (dataDir.isBlank()) {
            throw new ConfigException("data-dir", "数据目录不能为空");
        }
        Path dataPath = Path.of(dataDir);
        ZoneId zone;
        try {
            zone = ZoneId.of(text(tree, "timezone", ""));
        } catch (DateTimeException e) {
            throw new ConfigException("timezone", text(tree, "timezone", ""), "不是有效的时区，例如 Asia/Shanghai");
        }
        JsonNode db = object(tree, "database");
        DatabaseConfig database = new DatabaseConfig(text(db, "url", "database."), text(db, "user", "database."),
                Secret.of(text(db, "password", "database.")));
        JsonNode web = object(tree, "web");
        WebConfig webConfig = new WebConfig(text(web, "host", "web."), integer(web, "port", "web."));
        List<String> categories = strings(tree, "categories");
        List<String> chain = strings(object(tree, "review"), "chain");
        ReviewConfig review = review(tree);
        IntakeConfig intake = intake(tree);
        SandboxMode sandbox = SandboxMode.parse(text(tree, "sandbox", ""));
        JsonNode wx = object(tree, "wechat");
        WeChatClientConfig wechat = new WeChatClientConfig(duration(wx, "connect-timeout"),
                duration(wx, "read-timeout"), integer(wx, "retries", "wechat."), duration(wx, "retry-backoff"),
                dailyLimits(object(wx, "daily-limits")), decimal(wx, "quota-share", "wechat."));
        List<AccountConfig> accounts = new ArrayList<>();
        JsonNode list = tree.get("accounts");
        if (list == null || !list.isArray()) {
            throw new ConfigException("accounts", "必须是公众号列表");
        }
        for (int i = 0; i < list.size(); i++) {
            accounts.add(account(list.get(i), i, sandbox));
        }
        Path templates = Path.of(text(tree, "templates-dir", ""));
        JsonNode pub = object(tree, "publishing");
        PublishingConfig publishing = new PublishingConfig(integer(pub, "idle-warning-days", "publishing."),
                duration(pub, "stuck-after", "publishing."), duration(pub, "callback-grace", "publishing."),
                duration(pub, "resubmit-after", "publishing."));
        JsonNode render = object(tree, "render");
        RenderConfig renderConfig = new RenderConfig(bool(render, "heading-numbers", "render."));
        return new GongkaiConfig(source, dataPath, zone, database, webConfig, categories, chain, accounts, sandbox,
                wechat, templates, review, intake, publishing, renderConfig);
    }

    private ReviewConfig review(ObjectNode tree) {
        JsonNode review = object(tree, "review");
        JsonNode checks = object(tree, "checks");
        return new ReviewConfig(strings(review, "important-chain"), integer(review, "due-working-days", "review."),
                integer(checks, "title-max", "checks."), integer(checks, "author-max", "checks."),
                integer(checks, "body-max", "checks."), integer(checks, "image-max-mb", "checks."),
                integer(checks, "image-max-side", "checks."), integer(checks, "image-min-width", "checks."),
                text(checks, "words-file", "checks."));
    }

    private IntakeConfig intake(ObjectNode tree) {
        JsonNode inbox = object(tree, "inbox");
        JsonNode oa = object(tree, "oa");
        return new IntakeConfig(Path.of(text(inbox, "dir", "inbox.")), duration(inbox, "interval", "inbox."),
                text(oa, "url", "oa."), text(oa, "user", "oa."), Secret.of(text(oa, "password", "oa.")),
                text(oa, "query", "oa."), duration(oa, "interval", "oa."));
    }

    private AccountConfig account(JsonNode node, int i, SandboxMode sandbox) {
        String p = "accounts." + i + ".";
        Secret secret = Secret.of(text(node, "secret", p));
        String id = text(node, "id", p);
        boolean sandboxed = sandbox == SandboxMode.ON || (sandbox == SandboxMode.AUTO && secret.isEmpty());
        if (sandbox == SandboxMode.OFF && secret.isEmpty()) {
            throw new ConfigException("accounts[" + i + "].secret",
                    "未设置 AppSecret，且 sandbox 为 off。请设置环境变量 " + envName(p + "secret")
                            + "，或把 sandbox 设为 auto 使用内置模拟器");
        }
        String cron = text(node, "cron", p);
        if (cron.isBlank()) {
            throw new ConfigException("accounts[" + i + "].cron", cron, "发布时间表（cron）不能为空");
        }
        return new AccountConfig(id, text(node, "name", p), text(node, "app-id", p), secret,
                text(node, "api-base-url", p), text(node, "mode", p), cron, integer(node, "max-articles-per-draft", p),
                Secret.of(text(node, "callback-token", p)), sandboxed, optionalInteger(node, "daily-cap", p, 0),
                optionalBoolean(node, "dry-run", p), Secret.of(text(node, "callback-aes-key", p)),
                text(node, "qr-code", p), previewTo(node.get("preview-to"), i));
    }

    /** Reviewers as a map (name: id), or from an environment variable as "name=id,name=id". */
    private Map<String, String> previewTo(JsonNode node, int i) {
        Map<String, String> out = new LinkedHashMap<>();
        String key = "accounts[" + i + "].preview-to";
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw new ConfigException(key + "." + e.getKey(), e.getValue().toString(), "应为微信号或 openid");
                }
                out.put(e.getKey().strip(), interpolate(e.getValue().asText()).strip());
            }
            return out;
        }
        if (node.isTextual()) {
            for (String pair : interpolate(node.asText()).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(key, pair.strip(), "应写成“名称=微信号”，多人用逗号分隔");
                }
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return out;
        }
        throw new ConfigException(key, node.toString(), "应为“名称: 微信号或 openid”的映射");
    }

    private boolean bool(JsonNode parent, String key, String prefix) {
        String raw = text(parent, key, prefix).strip().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off", "" -> false;
            default -> throw new ConfigException(prefix + key, raw, "应为 true 或 false");
        };
    }

    private static JsonNode object(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw new ConfigException(key, "必须是键值映射");
        }
        return n;
    }

    private String text(JsonNode parent, String key, String prefix) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isValueNode()) {
            throw new ConfigException(prefix + key, n.toString(), "应为单个值");
        }
        return interpolate(n.asText());
    }

    private String interpolate(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.equals("data-dir")) {
                replacement = dataDir;
            } else {
                replacement = env.get(name);
                if (replacement == null) {
                    replacement = m.group(2) != null ? m.group(2) : "";
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private int integer(JsonNode parent, String key, String prefix) {
        String raw = text(parent, key, prefix);
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(prefix + key, raw, "应为整数");
        }
    }

    private Map<String, Integer> dailyLimits(JsonNode limits) {
        Map<String, Integer> out = new LinkedHashMap<>();
        limits.fieldNames().forEachRemaining(api -> out.put(api, integer(limits, api, "wechat.daily-limits.")));
        return out;
    }

    private double decimal(JsonNode parent, String key, String prefix) {
        String raw = text(parent, key, prefix);
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(prefix + key, raw, "应为小数，例如 0.9");
        }
    }

    private int optionalInteger(JsonNode parent, String key, String prefix, int absent) {
        return text(parent, key, prefix).isBlank() ? absent : integer(parent, key, prefix);
    }

    private boolean optionalBoolean(JsonNode parent, String key, String prefix) {
        String raw = text(parent, key, prefix).trim().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "", "false", "no", "off" -> false;
            case "true", "yes", "on" -> true;
            default -> throw new ConfigException(prefix + key, raw, "应为 true 或 false");
        };
    }

    private Duration duration(JsonNode parent, String key) {
        return duration(parent, key, "wechat.");
    }

    private Duration duration(JsonNode parent, String key, String prefix) {
        String raw = text(parent, key, prefix).trim().toLowerCase(Locale.ROOT);
        try {
            if (raw.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(raw.substring(0, raw.length() - 2).trim()));
            }
            if (raw.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(raw.substring(0, raw.length() - 1).trim()));
            }
            if (raw.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(raw.substring(0, raw.length() - 1).trim()));
            }
            if (raw.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(raw.substring(0, raw.length() - 1).trim()));
            }
            if (raw.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(raw.substring(0, raw.length() - 1).trim()));
            }
            return Duration.parse(raw.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigException(prefix + key, raw, "应为时长，例如 500ms、5s、1m、2h");
        }
    }

    private List<String> strings(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new ConfigException(key, n.toString(), "应为列表，例如 [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            String s = interpolate(e.asText()).strip();
            if (s.isEmpty()) {
                throw new ConfigException(key, n.toString(), "列表中有空值");
            }
            out.add(s);
        }
        return out;
    }
}
