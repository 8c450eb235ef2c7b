package cn.gongkai.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration as a YAML tree before it is bound: layers merged, account defaults filled in, {@code GONGKAI_*}
 * environment overrides applied and {@code ${…}} placeholders replaced.
 */
final class ConfigTree {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::-([^}]*))?}");
    /** Keys every account states for itself; its other keys default to those of the built-in account. */
    private static final Set<String> OWN_ACCOUNT_KEYS =
            Set.of("id", "name", "app-id", "secret", "callback-token", "callback-aes-key");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode tree;
    private final Map<String, String> env;

    ConfigTree(ObjectNode tree, Map<String, String> env) {
        this.tree = tree;
        this.env = env;
    }

    /** {@code from} laid over {@code into}: sections merge key by key, lists and values replace. */
    static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(e -> {
            if (into.get(e.getKey()) instanceof ObjectNode section && e.getValue() instanceof ObjectNode given) {
                merge(section, given);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    /** The environment variable that overrides a key: {@code accounts.0.secret} → GONGKAI_ACCOUNTS_0_SECRET. */
    static String envName(String path) {
        return "GONGKAI_" + path.replaceAll("[./-]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * Fills in account and portal defaults from {@code builtInAccount} and {@code builtInPortal}, applies the
     * environment and the placeholders. A portal secret written into the file is refused first.
     */
    ObjectNode complete(ObjectNode builtInAccount, ObjectNode builtInPortal) {
        PortalTree.checkSecrets(tree);
        fillAccountDefaults(builtInAccount);
        PortalTree.fillDefaults(tree, builtInPortal);
        applyEnvironment(builtInAccount);
        JsonNode dataDir = tree.path("data-dir");
        replacePlaceholders(tree, interpolate(dataDir.isValueNode() ? dataDir.asText() : "", ""));
        List<ObjectNode> accounts = accounts();
        for (int i = 0; i < accounts.size(); i++) {
            previewPairs(accounts.get(i), i);
        }
        return tree;
    }

    /** Each account takes the built-in account's value for every key it leaves out, except its own keys. */
    private void fillAccountDefaults(ObjectNode builtInAccount) {
        for (ObjectNode account : accounts()) {
            builtInAccount.properties().stream().filter(e -> !OWN_ACCOUNT_KEYS.contains(e.getKey()))
                    .forEach(e -> account.putIfAbsent(e.getKey(), e.getValue().deepCopy()));
        }
    }

    private List<ObjectNode> accounts() {
        List<ObjectNode> accounts = new ArrayList<>();
        if (tree.get("accounts") instanceof ArrayNode list) {
            list.forEach(account -> accounts.add(account instanceof ObjectNode a ? a : NODES.objectNode()));
        }
        return accounts;
    }

    private void applyEnvironment(ObjectNode builtInAccount) {
        Map<String, JsonPointer> keys = new LinkedHashMap<>();
        collectKeys(tree, JsonPointer.empty(), keys);
        for (int i = 0; i < accounts().size(); i++) {
            JsonPointer account = JsonPointer.compile("/accounts/" + i);
            for (String key : names(builtInAccount)) {
                keys.putIfAbsent(envName("accounts." + i + "." + key), account.appendProperty(key));
            }
        }
        keys.forEach((name, pointer) -> {
            String value = env.get(name);
            if (value != null && tree.at(pointer.head()) instanceof ObjectNode parent) {
                String key = pointer.last().getMatchingProperty();
                parent.set(key, parent.get(key) instanceof ArrayNode ? list(value) : TextNode.valueOf(value));
            }
        });
    }

    /** Every key a variable may override: values, lists of values, and the keys of each listed section. */
    private static void collectKeys(JsonNode node, JsonPointer at, Map<String, JsonPointer> out) {
        boolean listOfSections = node.isArray() && node.size() > 0 && node.get(0).isObject();
        if (node.isObject() && node.size() > 0) {
            node.fieldNames().forEachRemaining(k -> collectKeys(node.get(k), at.appendProperty(k), out));
        } else if (listOfSections) {
            for (int i = 0; i < node.size(); i++) {
                collectKeys(node.get(i), at.appendIndex(i), out);
            }
        } else {
            out.put(envName(at.toString().substring(1).replace("~1", "/")), at);
        }
    }

    private static List<String> names(JsonNode section) {
        List<String> names = new ArrayList<>();
        section.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ArrayNode list(String commaSeparated) {
        ArrayNode list = NODES.arrayNode();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                list.add(part.strip());
            }
        }
        return list;
    }

    /** Replaces placeholders in every value; a key written without a value reads as empty. */
    private void replacePlaceholders(JsonNode node, String dataDir) {
        if (node instanceof ObjectNode section) {
            names(section).forEach(k -> section.set(k, replaced(section.get(k), dataDir)));
        } else if (node instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, replaced(list.get(i), dataDir));
            }
        }
    }

    private JsonNode replaced(JsonNode value, String dataDir) {
        if (value.isNull()) {
            return TextNode.valueOf("");
        }
        replacePlaceholders(value, dataDir);
        return value.isTextual() ? TextNode.valueOf(interpolate(value.asText(), dataDir)) : value;
    }

    /** Preview recipients may be written as "name=id,name=id" (the only way from an environment variable). */
    private static void previewPairs(ObjectNode account, int index) {
        if (!(account.get("preview-to") instanceof TextNode text)) {
            return;
        }
        ObjectNode recipients = account.putObject("preview-to");
        for (String pair : text.asText().split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 && !pair.isBlank()) {
                throw new ConfigException("accounts[" + index + "].preview-to", pair.strip(),
                        "应写成“名称=微信号”，多人用逗号分隔");
            } else if (eq > 0) {
                recipients.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
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
