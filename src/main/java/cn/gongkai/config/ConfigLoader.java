package cn.gongkai.config;

import cn.gongkai.item.WeChatLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the configuration: built-in defaults, then the YAML file, then {@code GONGKAI_*} environment variables
 * ({@code GONGKAI_DATABASE_URL}, {@code GONGKAI_ACCOUNTS_0_SECRET}, …). {@code ${VAR}} and {@code ${VAR:-default}}
 * in values are read from the environment; {@code ${data-dir}} is the data directory. An account takes the
 * built-in account's value for each key it leaves out, except its identity and secrets. Unknown keys are errors;
 * the keys are those of {@link ConfigFile}, documented in config/gongkai.example.yml.
 */
public final class ConfigLoader {
    /** The file used when no --config is given and it exists. */
    public static final Path DEFAULT_FILE = Path.of("config", "gongkai.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String BUILT_IN = "内置默认配置";

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Loads from the given file, or from {@link #DEFAULT_FILE} if present, or the built-in defaults alone. */
    public GongkaiConfig load(Path file) {
        Path chosen = file != null ? file : (Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null);
        ObjectNode defaults = defaults();
        ObjectNode tree = defaults.deepCopy();
        ObjectNode given = chosen != null ? read(chosen) : YAML.createObjectNode();
        ConfigTree.merge(tree, given);
        ObjectNode builtInAccount = (ObjectNode) defaults.withArray("/accounts").get(0);
        ObjectNode builtInPortal = (ObjectNode) defaults.withArray("/portals").get(0);
        new ConfigTree(tree, env).complete(builtInAccount, builtInPortal);
        return ConfigBinder.bind(tree).toConfig(chosen == null ? BUILT_IN : chosen.toString(), given.has("portals"));
    }

    /**
     * Reads and binds the built-in defaults and throws the result away: loads and initialises the YAML and binding
     * classes ahead of a real {@link #load}. A short command does this on a second thread while its command line is
     * parsed ({@code cn.gongkai.Prewarm}); it reads no file and no environment variable.
     */
    public static void warmUp() {
        ObjectNode tree = defaults();
        new ConfigTree(tree, Map.of()).complete((ObjectNode) tree.withArray("/accounts").get(0).deepCopy(),
                (ObjectNode) tree.withArray("/portals").get(0).deepCopy());
        ConfigBinder.bind(tree).toConfig(BUILT_IN, false);
    }

    /**
     * The built-in defaults (src/main/resources/gongkai-defaults.yml): every key with its default value, and
     * {@code wechat.daily-limits} from {@link WeChatLimits#DAILY_CALLS}, the one table of WeChat's daily limits.
     */
    static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/gongkai-defaults.yml")) {
            ObjectNode defaults = (ObjectNode) YAML.readTree(in);
            ((ObjectNode) defaults.get("wechat")).set("daily-limits",
                    YAML.valueToTree(new TreeMap<>(WeChatLimits.DAILY_CALLS)));
            return defaults;
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults unreadable", e);
        }
    }

    private static ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", file.toString(), "配置文件不存在");
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException("(文件 " + file + ")", "YAML 语法错误，第 "
                    + e.getLocation().getLineNr() + " 行：" + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("--config", file.toString(), "无法读取：" + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return YAML.createObjectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ConfigException("(文件 " + file + ")", "顶层必须是键值映射");
        }
        return object;
    }
}
