package cn.gongkai.config;

import cn.gongkai.item.WeChatLimits;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the configuration: built-in defaults, then the YAML file, then {@code GONGKAI_*} environment variables
 * ({@code GONGKAI_DATABASE_URL}, {@code GONGKAI_ACCOUNTS_0_SECRET}, …). {@code ${VAR}} and {@code ${VAR:-default}}
 * in values are read from the environment; {@code ${data-dir}} is the data directory. An account takes the
 * built-in account's value for each key it leaves out, except its identity and secrets. Unknown keys are errors;
 * the keys are those of {@link ConfigFile}, documented in config/gongkai.example.yml. The YAML is read with SnakeYAML
 * into a {@link ConfigNode} tree and bound by {@link ConfigBinder} (no Jackson: a short command waits for this).
 */
public final class ConfigLoader {
    /** The file used when no --config is given and it exists. */
    public static final Path DEFAULT_FILE = Path.of("config", "gongkai.yml");

    private static final String BUILT_IN = "内置默认配置";

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Loads from the given file, or from {@link #DEFAULT_FILE} if present, or the built-in defaults alone. */
    public GongkaiConfig load(Path file) {
        Path chosen = file != null ? file : (Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null);
        ConfigNode.Section defaults = defaults();
        ConfigNode.Section tree = defaults.deepCopy();
        ConfigNode.Section given = chosen != null ? read(chosen) : new ConfigNode.Section();
        ConfigTree.merge(tree, given);
        new ConfigTree(tree, env).complete(builtIn(defaults, "accounts"), builtIn(defaults, "portals"));
        return ConfigBinder.bind(tree).toConfig(chosen == null ? BUILT_IN : chosen.toString(), given.has("portals"),
                given.has("units"));
    }

    /**
     * Reads and binds the built-in defaults and throws the result away: loads and initialises the YAML and binding
     * classes ahead of a real {@link #load}. A short command does this on a second thread while its command line is
     * parsed ({@code cn.gongkai.Prewarm}); it reads no file and no environment variable.
     */
    public static void warmUp() {
        ConfigNode.Section tree = defaults();
        new ConfigTree(tree, Map.of()).complete(builtIn(tree, "accounts").deepCopy(),
                builtIn(tree, "portals").deepCopy());
        ConfigBinder.bind(tree).toConfig(BUILT_IN, false, false);
    }

    /** The first entry of the defaults' {@code accounts:} or {@code portals:}: the built-in account or portal. */
    private static ConfigNode.Section builtIn(ConfigNode.Section defaults, String list) {
        return (ConfigNode.Section) ((ConfigNode.Items) defaults.get(list)).get(0);
    }

    /**
     * The built-in defaults (src/main/resources/gongkai-defaults.yml): every key with its default value, and
     * {@code wechat.daily-limits} from {@link WeChatLimits#DAILY_CALLS}, the one table of WeChat's daily limits.
     */
    static ConfigNode.Section defaults() {
        try (Reader in = new InputStreamReader(ConfigLoader.class.getResourceAsStream("/gongkai-defaults.yml"),
                StandardCharsets.UTF_8)) {
            ConfigNode.Section defaults = (ConfigNode.Section) YamlReader.read(in, BUILT_IN);
            ConfigNode.Section limits = new ConfigNode.Section();
            new TreeMap<>(WeChatLimits.DAILY_CALLS).forEach((api, calls) -> limits.put(api,
                    new ConfigNode.Value(String.valueOf(calls))));
            ((ConfigNode.Section) defaults.get("wechat")).put("daily-limits", limits);
            return defaults;
        } catch (IOException e) {
            throw new UncheckedIOException("built-in defaults unreadable", e);
        }
    }

    private static ConfigNode.Section read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", file.toString(), "配置文件不存在");
        }
        ConfigNode tree;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tree = YamlReader.read(in, "(文件 " + file + ")");
        } catch (IOException e) {
            throw new ConfigException("--config", file.toString(), "无法读取：" + e.getMessage());
        }
        if (tree == null || tree instanceof ConfigNode.Value value && value.isNull()) {
            return new ConfigNode.Section();
        }
        if (!(tree instanceof ConfigNode.Section section)) {
            throw new ConfigException("(文件 " + file + ")", "顶层必须是键值映射");
        }
        return section;
    }
}
