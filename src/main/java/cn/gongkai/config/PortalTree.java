package cn.gongkai.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code portals:} list of the configuration tree before it is bound: secrets refused when written into the file,
 * and each portal's left-out keys filled in from the built-in portal (only keys that cannot name another office's
 * mailbox or server: the subject template, unit, contact, phone, ports, TLS and timeouts).
 */
final class PortalTree {
    /** A value that only names an environment variable, with no fallback written into the file. */
    private static final Pattern PLACEHOLDER_ONLY = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+(:-)?}");
    /** The secret key of each delivery section; its value comes from the environment only. */
    private static final Map<String, String> SECRETS = Map.of("email", "password", "webhook", "secret");
    /** Keys of a delivery section every portal states for itself. */
    private static final Map<String, Set<String>> OWN_SECTION_KEYS = Map.of(
            "email", Set.of("host", "user", "password", "from", "to", "cc"),
            "webhook", Set.of("url", "secret"),
            "folder", Set.of("dir"));
    /** Top-level keys a portal takes from the built-in portal when it leaves them out. */
    private static final Set<String> SHARED_KEYS = Set.of("subject", "unit", "contact", "phone");

    private PortalTree() {
    }

    /**
     * Refuses a password or webhook secret written into the file (a placeholder such as
     * {@code ${GONGKAI_PORTALS_0_EMAIL_PASSWORD:-}} is fine), and makes sure every delivery section has its secret
     * key, so that {@code GONGKAI_PORTALS_<n>_EMAIL_PASSWORD} / {@code _WEBHOOK_SECRET} can fill it.
     */
    static void checkSecrets(ConfigNode.Section tree) {
        if (!(tree.get("portals") instanceof ConfigNode.Items portals)) {
            return;
        }
        for (int i = 0; i < portals.size(); i++) {
            for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
                if (!(portals.get(i) instanceof ConfigNode.Section portal)
                        || !(portal.get(secret.getKey()) instanceof ConfigNode.Section section)) {
                    continue;
                }
                ConfigNode value = section.get(secret.getValue());
                String text = value == null ? "" : value instanceof ConfigNode.Value v ? v.shown() : "[…]";
                if (!text.isEmpty() && !PLACEHOLDER_ONLY.matcher(text.strip()).matches()) {
                    String key = "portals." + i + "." + secret.getKey() + "." + secret.getValue();
                    throw new ConfigException("portals[" + i + "]." + secret.getKey() + "." + secret.getValue(),
                            "不能写在配置文件里（文件会被复制、备份和发给别人）。请删除这一行，把它放在环境变量 "
                                    + ConfigTree.envName(key) + " 中");
                }
                section.putIfAbsent(secret.getValue(), new ConfigNode.Value(""));
            }
        }
    }

    /** Each portal takes the built-in portal's value for the shared keys and section defaults it leaves out. */
    static void fillDefaults(ConfigNode.Section tree, ConfigNode.Section builtIn) {
        for (ConfigNode.Section portal : ConfigTree.sections(tree.get("portals"))) {
            SHARED_KEYS.stream().filter(builtIn::has)
                    .forEach(k -> portal.putIfAbsent(k, builtIn.get(k).deepCopy()));
            OWN_SECTION_KEYS.forEach((name, own) -> {
                if (portal.get(name) instanceof ConfigNode.Section section
                        && builtIn.get(name) instanceof ConfigNode.Section given) {
                    given.keys().stream().filter(k -> !own.contains(k))
                            .forEach(k -> section.putIfAbsent(k, given.get(k).deepCopy()));
                }
            });
        }
    }
}
