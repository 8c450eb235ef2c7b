package cn.gongkai.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration as a YAML tree before it is bound: layers merged, account defaults filled in, {@code GONGKAI_*}
 * environment overrides applied and {@code ${…}} placeholders replaced.
 */
final class ConfigTree {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::-([^}]*))?}");
    private static final Pattern SEPARATORS = Pattern.compile("[./-]");
    /** Keys every account states for itself; its other keys default to those of the built-in account. */
    private static final Set<String> OWN_ACCOUNT_KEYS =
            Set.of("id", "name", "app-id", "secret", "callback-token", "callback-aes-key");

    private final ConfigNode.Section tree;
    private final Map<String, String> env;

    ConfigTree(ConfigNode.Section tree, Map<String, String> env) {
        this.tree = tree;
        this.env = env;
    }

    /** A key of a section that an environment variable may set. */
    private record Slot(ConfigNode.Section section, String key) {
    }

    /** {@code from} laid over {@code into}: sections merge key by key, lists and values replace. */
    static void merge(ConfigNode.Section into, ConfigNode.Section from) {
        for (String key : from.keys()) {
            if (into.get(key) instanceof ConfigNode.Section section && from.get(key) instanceof ConfigNode.Section given) {
                merge(section, given);
            } else {
                into.put(key, from.get(key));
            }
        }
    }

    /** The environment variable that overrides a key: {@code accounts.0.secret} → GONGKAI_ACCOUNTS_0_SECRET. */
    static String envName(String path) {
        return "GONGKAI_" + SEPARATORS.matcher(path).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /**
     * Fills in account and portal defaults from {@code builtInAccount} and {@code builtInPortal}, applies the
     * environment and the placeholders. A portal secret written into the file is refused first.
     */
    ConfigNode.Section complete(ConfigNode.Section builtInAccount, ConfigNode.Section builtInPortal) {
        PortalTree.checkSecrets(tree);
        fillAccountDefaults(builtInAccount);
        PortalTree.fillDefaults(tree, builtInPortal);
        applyEnvironment(builtInAccount);
        String dataDir = tree.get("data-dir") instanceof ConfigNode.Value v ? v.shown() : "";
        replacePlaceholders(tree, interpolate(dataDir, ""));
        forEachAccount(ConfigTree::previewPairs);
        return tree;
    }

    /** Each account takes the built-in account's value for every key it leaves out, except its own keys. */
    private void fillAccountDefaults(ConfigNode.Section builtInAccount) {
        forEachAccount((account, index) -> {
            for (String key : builtInAccount.keys()) {
                if (!OWN_ACCOUNT_KEYS.contains(key)) {
                    account.putIfAbsent(key, builtInAccount.get(key).deepCopy());
                }
            }
        });
    }

    /** Each section of the {@code accounts:} list with its index; an entry that is not a section is left to the binder. */
    private void forEachAccount(BiConsumer<ConfigNode.Section, Integer> action) {
        if (tree.get("accounts") instanceof ConfigNode.Items accounts) {
            for (int i = 0; i < accounts.size(); i++) {
                if (accounts.get(i) instanceof ConfigNode.Section account) {
                    action.accept(account, i);
                }
            }
        }
    }

    /** The entries of a list that are sections. */
    static List<ConfigNode.Section> sections(ConfigNode list) {
        List<ConfigNode.Section> sections = new ArrayList<>();
        if (list instanceof ConfigNode.Items items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ConfigNode.Section section) {
                    sections.add(section);
                }
            }
        }
        return sections;
    }

    private void applyEnvironment(ConfigNode.Section builtInAccount) {
        Map<String, Slot> keys = new LinkedHashMap<>();
        collectKeys(tree, "", keys);
        forEachAccount((account, index) -> {
            for (String key : builtInAccount.keys()) {
                keys.putIfAbsent(envName("accounts." + index + "." + key), new Slot(account, key));
            }
        });
        keys.forEach((name, slot) -> {
            String value = env.get(name);
            if (value != null) {
                boolean isList = slot.section().get(slot.key()) instanceof ConfigNode.Items;
                slot.section().put(slot.key(), isList ? list(value) : new ConfigNode.Value(value));
            }
        });
    }

    /**
     * Every key a variable may override: values, lists of values, and the keys of each listed section; {@code at} is
     * the path of {@code section} ("wechat/daily-limits/").
     */
    private static void collectKeys(ConfigNode.Section section, String at, Map<String, Slot> out) {
        for (String key : section.keys()) {
            collectKeys(section.get(key), at + key, new Slot(section, key), out);
        }
    }

    private static void collectKeys(ConfigNode node, String path, Slot slot, Map<String, Slot> out) {
        if (node instanceof ConfigNode.Section section && section.size() > 0) {
            collectKeys(section, path + "/", out);
        } else if (node instanceof ConfigNode.Items list && list.size() > 0
                && list.get(0) instanceof ConfigNode.Section) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof ConfigNode.Section item) {
                    collectKeys(item, path + "/" + i + "/", out);
                }
            }
        } else {
            out.put(envName(path), slot);
        }
    }

    private static ConfigNode.Items list(String commaSeparated) {
        ConfigNode.Items list = new ConfigNode.Items();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                list.add(new ConfigNode.Value(part.strip()));
            }
        }
        return list;
    }

    /** Replaces placeholders in every value; a key written without a value reads as empty. */
    private void replacePlaceholders(ConfigNode node, String dataDir) {
        if (node instanceof ConfigNode.Section section) {
            section.keys().forEach(k -> section.put(k, replaced(section.get(k), dataDir)));
        } else if (node instanceof ConfigNode.Items list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, replaced(list.get(i), dataDir));
            }
        }
    }

    private ConfigNode replaced(ConfigNode node, String dataDir) {
        if (node instanceof ConfigNode.Value value) {
            return new ConfigNode.Value(value.isNull() ? "" : interpolate(value.text(), dataDir));
        }
        replacePlaceholders(node, dataDir);
        return node;
    }

    /** Preview recipients may be written as "name=id,name=id" (the only way from an environment variable). */
    private static void previewPairs(ConfigNode.Section account, int index) {
        if (!(account.get("preview-to") instanceof ConfigNode.Value text)) {
            return;
        }
        ConfigNode.Section recipients = new ConfigNode.Section();
        account.put("preview-to", recipients);
        for (String pair : text.shown().split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 && !pair.isBlank()) {
                throw new ConfigException("accounts[" + index + "].preview-to", pair.strip(),
                        "应写成“名称=微信号”，多人用逗号分隔");
            } else if (eq > 0) {
                recipients.put(pair.substring(0, eq).strip(), new ConfigNode.Value(pair.substring(eq + 1).strip()));
            }
        }
    }

    private String interpolate(String value, String dataDir) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fallback = m.group(2) != null ? m.group(2) : "";
            String replacement = m.group(1).equals("data-dir") ? dataDir : env.getOrDefault(m.group(1), fallback);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
