package cn.gongkai.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the {@code units:} list into the units of the configuration. Without the key (only the built-in entry of the
 * defaults is there) there is one unit, {@link UnitConfig#DEFAULT_ID}, holding every account and portal with the
 * top-level categories and review chains, named after the first portal's 报送单位 (else 本单位). With it, every
 * account and portal belongs to exactly one listed unit; a unit's empty categories or review chains are the top-level
 * ones.
 */
final class UnitChecks {
    private final List<String> accountIds;
    private final List<String> portalIds;
    private final List<String> categories;
    private final List<String> chain;
    private final List<String> importantChain;
    /** The name of the implicit unit: the 报送单位 the portals print, as today's packages name the bureau. */
    private final String portalUnit;

    UnitChecks(List<AccountConfig> accounts, List<PortalConfig> portals, List<String> categories, List<String> chain,
               List<String> importantChain) {
        this.accountIds = accounts.stream().map(AccountConfig::id).toList();
        this.portalIds = portals.stream().map(PortalConfig::id).toList();
        this.categories = categories;
        this.chain = chain;
        this.importantChain = importantChain;
        this.portalUnit = portals.stream().map(PortalConfig::unit).filter(u -> !u.isBlank()).findFirst()
                .orElse(UnitConfig.FALLBACK_NAME);
    }

    /** The units; {@code given} says whether the file wrote {@code units:}. */
    List<UnitConfig> checked(List<ConfigFile.Unit> units, boolean given) {
        if (!given || units == null) {
            return List.of(new UnitConfig(UnitConfig.DEFAULT_ID, portalUnit, categories, chain, importantChain,
                    accountIds, portalIds, Path.of("")));
        }
        if (units.isEmpty()) {
            throw new ConfigException("units", "[]", "至少需要一个单位；只有一个单位时可以不写 units:");
        }
        List<UnitConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            UnitConfig unit = unit(units.get(i), "units[" + i + "]");
            if (!ids.add(unit.id())) {
                throw new ConfigException("units[" + i + "].id", unit.id(), "单位 id 重复，每个单位要有自己的 id");
            }
            out.add(unit);
        }
        claimedOnce(out, "accounts", accountIds, UnitConfig::accounts, "公众号");
        claimedOnce(out, "portals", portalIds, UnitConfig::portals, "接收单位（portals）");
        return List.copyOf(out);
    }

    private UnitConfig unit(ConfigFile.Unit u, String at) {
        if (!UnitConfig.isValidId(u.id())) {
            throw new ConfigException(at + ".id", String.valueOf(u.id()), "需为 1–32 位小写字母、数字、-或_，例如 shangwu");
        }
        if (u.name() == null || u.name().isBlank()) {
            throw new ConfigException(at + ".name", "", "单位名称不能为空，例如 红旗区商务局");
        }
        List<String> own = orEmpty(u.categories());
        for (String category : own) {
            if (!categories.contains(category)) {
                throw new ConfigException(at + ".categories", category, "不是已配置的分类（可用："
                        + String.join("、", categories) + "）；不写或写 [] 表示所有分类");
            }
        }
        List<String> unitChain = reviewRoles(u.review() == null ? null : u.review().chain(), chain, at + ".review.chain");
        List<String> unitImportant = reviewRoles(u.review() == null ? null : u.review().importantChain(),
                importantChain, at + ".review.important-chain");
        known(orEmpty(u.accounts()), accountIds, at + ".accounts", "不是 accounts: 中配置的公众号 id");
        known(orEmpty(u.portals()), portalIds, at + ".portals", "不是 portals: 中配置的接收单位 id");
        return new UnitConfig(u.id(), u.name(), own.isEmpty() ? categories : own, unitChain, unitImportant,
                orEmpty(u.accounts()), orEmpty(u.portals()), u.facts());
    }

    private static List<String> reviewRoles(List<String> given, List<String> fallback, String key) {
        if (given == null || given.isEmpty()) {
            return fallback;
        }
        for (String role : given) {
            if (!ReviewConfig.REVIEW_ROLES.contains(role)) {
                throw new ConfigException(key, role, "不是审核角色（可用："
                        + String.join(", ", new TreeSet<>(ReviewConfig.REVIEW_ROLES)) + "）");
            }
        }
        return given;
    }

    private static void known(List<String> ids, List<String> configured, String key, String problem) {
        for (String id : ids) {
            if (!configured.contains(id)) {
                throw new ConfigException(key, id, problem + "（已配置：" + String.join(", ", configured) + "）");
            }
        }
    }

    /** Each configured id listed by exactly one unit: a second unit listing it, or none, is refused naming them. */
    private static void claimedOnce(List<UnitConfig> units, String key, List<String> configured,
                                    Function<UnitConfig, List<String>> listed, String what) {
        Map<String, String> owner = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            UnitConfig unit = units.get(i);
            for (String id : listed.apply(unit)) {
                String first = owner.putIfAbsent(id, unit.id());
                if (first != null) {
                    throw new ConfigException("units[" + i + "]." + key, id, what + " " + id + " 已属于单位 " + first
                            + "，不能再属于单位 " + unit.id() + "：每个" + what + "只属于一个单位");
                }
            }
        }
        for (String id : configured) {
            if (!owner.containsKey(id)) {
                throw new ConfigException(key, id, what + " " + id + " 不属于任何单位：写了 units: 时，请把它列入某个单位的 "
                        + key + "（units[]." + key + "）");
            }
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
