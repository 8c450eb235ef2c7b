package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.Scope;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --unit U}, the command line's scope seam (issue 19): whose items, accounts, ledger and deliveries a command
 * reads or changes. Required when several units are configured, otherwise the one unit; outside the unit an item,
 * account or portal is answered as one that does not exist. Mixed into every command that touches a unit's data.
 */
final class UnitOption {
    @Option(names = "--unit", paramLabel = "U", description = "单位编号（配置了多个单位时必填；只看、只改该单位的数据）")
    String unit;

    /** The scope the command works in ({@link UserUnits#scopeFor}). */
    Scope scope(Wiring w) {
        return UserUnits.scopeFor(w.config(), unit);
    }

    /** The item when the unit has it; another unit's item answers exactly as an id that never existed. */
    DisclosureItem item(Wiring w, long id) {
        return w.items().find(id, scope(w)).orElseThrow(() -> notFound(id));
    }

    static UserError notFound(long id) {
        return new UserError("稿件 " + id + " 不存在");
    }

    /** The configured unit named by {@code --unit}; empty when none is named (a single unit's instance). */
    java.util.Optional<UnitConfig> named(Wiring w) {
        return scope(w).unitId().flatMap(w.config()::unit);
    }

    /** The accounts the unit owns (every account without several units). */
    List<AccountConfig> accounts(Wiring w) {
        Scope scope = scope(w);
        GongkaiConfig config = w.config();
        if (scope.isDistrict() || !config.severalUnits()) {
            return config.accounts();
        }
        return config.accounts().stream().filter(a -> inUnit(config.unitOfAccount(a.id()), scope)).toList();
    }

    /** The unit's account ids, or only {@code account} when given (another unit's account is not configured). */
    List<String> accountIds(Wiring w, String account) {
        List<String> ids = accounts(w).stream().map(AccountConfig::id).toList();
        if (account == null) {
            return ids;
        }
        if (!ids.contains(account)) {
            throw new UserError("未配置的公众号：" + account + "（已配置：" + ids + "）");
        }
        return List.of(account);
    }

    /** The portals the unit owns (every portal without several units). */
    List<PortalConfig> portals(Wiring w) {
        Scope scope = scope(w);
        GongkaiConfig config = w.config();
        if (scope.isDistrict() || !config.severalUnits()) {
            return config.portals();
        }
        return config.portals().stream().filter(p -> inUnit(config.unitOfPortal(p.id()), scope)).toList();
    }

    /** The portal id when the unit owns it; another unit's portal answers as one not configured. */
    String portal(Wiring w, String id) {
        List<String> ids = portals(w).stream().map(PortalConfig::id).toList();
        if (!ids.contains(id)) {
            throw new UserError("没有编号为“" + id + "”的报送单位（已配置：" + (ids.isEmpty() ? "无" : String.join("、", ids))
                    + "）");
        }
        return id;
    }

    private static boolean inUnit(java.util.Optional<UnitConfig> owner, Scope scope) {
        return owner.map(u -> scope.includes(u.id())).orElse(false);
    }
}
