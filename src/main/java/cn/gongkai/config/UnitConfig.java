package cn.gongkai.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One unit (单位) of a district: a bureau with its own accounts, portals, categories, review chain and annual report
 * facts. A configuration without {@code units:} has exactly one, {@link #DEFAULT_ID}, built from the top-level keys.
 *
 * @param id             1–32 lowercase letters, digits, - and _ (the rule of account ids)
 * @param name           e.g. 红旗区商务局
 * @param categories     the categories its items may take (a subset of the top-level {@code categories})
 * @param reviewChain    the roles of its review steps
 * @param importantChain the roles of the extra steps of its items marked 重要
 * @param accounts       the ids of its WeChat accounts (each account belongs to exactly one unit)
 * @param portals        the ids of its 报区政府办 portals (each portal belongs to exactly one unit)
 * @param facts          its annual report facts folder as written (empty: the default, see {@link #factsDir})
 */
public record UnitConfig(String id, String name, List<String> categories, List<String> reviewChain,
                         List<String> importantChain, List<String> accounts, List<String> portals, Path facts) {
    /** The id of the one unit of a configuration without {@code units:}, and of every row written before V25. */
    public static final String DEFAULT_ID = cn.gongkai.item.Scope.DEFAULT_UNIT;
    /** The name of that unit when nothing names the bureau. */
    public static final String FALLBACK_NAME = "本单位";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public UnitConfig {
        if (!isValidId(id)) {
            throw new ConfigException("units[].id", String.valueOf(id), "需为 1–32 位小写字母、数字、-或_，例如 shangwu");
        }
        if (name == null || name.isBlank()) {
            throw new ConfigException("units[" + id + "].name", String.valueOf(name), "单位名称不能为空，例如 红旗区商务局");
        }
        name = name.strip();
        categories = List.copyOf(categories);
        reviewChain = List.copyOf(reviewChain);
        importantChain = List.copyOf(importantChain);
        accounts = List.copyOf(accounts);
        portals = List.copyOf(portals);
        facts = facts == null ? Path.of("") : facts;
    }

    /** Whether {@code id} may name a unit (the rule of account ids). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The folder of its annual report facts files: {@code facts} resolved against the folder of the configuration
     * file {@code configFile}; when not written, {@code report/} beside that file for the only unit (as before
     * units existed) and {@code report/<id>/} when there are several.
     */
    public Path factsDir(Path configFile, boolean severalUnits) {
        Path configDir = configFile.toAbsolutePath().getParent();
        if (facts.toString().isBlank()) {
            Path report = configDir.resolve("report");
            return severalUnits ? report.resolve(id) : report;
        }
        return configDir.resolve(facts).normalize();
    }

    public boolean hasAccount(String accountId) {
        return accounts.contains(accountId);
    }

    public boolean hasPortal(String portalId) {
        return portals.contains(portalId);
    }
}
