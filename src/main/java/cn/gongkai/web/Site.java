package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** What every console page may read of the installation: its configuration and the clock. */
record Site(GongkaiConfig config, Clock clock) {
    /** The account's display name, or its id when it is not configured. */
    String accountName(String id) {
        return config.accounts().stream().filter(a -> a.id().equals(id)).map(AccountConfig::name).findFirst()
                .orElse(id);
    }

    /**
     * The accounts {@code scope} may see and choose: one unit's (with several units), else every account. An
     * account outside them is answered as one that does not exist.
     */
    List<AccountConfig> accounts(Scope scope) {
        if (scope.isDistrict() || !config.severalUnits()) {
            return config.accounts();
        }
        String unit = scope.unitId().orElseThrow();
        return config.accounts().stream().filter(a -> config.unitOfAccount(a.id())
                .map(u -> u.id().equals(unit)).orElse(false)).toList();
    }

    /**
     * Whose ledger and counts {@code user} reads: the user's unit in a district; with a single unit the whole
     * instance (the same rows, with the channels no unit owns yet, such as 报区政府办).
     */
    Scope recordsScope(cn.gongkai.review.User user) {
        return config.severalUnits() ? user.scope() : Scope.district();
    }

    /** The account {@code id} when {@code scope} sees it; another unit's account is not found (404). */
    String account(String id, Scope scope) {
        if (accounts(scope).stream().noneMatch(a -> a.id().equals(id))) {
            throw new NotFound("公众号“" + (id == null ? "" : id) + "”未配置");
        }
        return id;
    }

    /** Today in the configured time zone. */
    LocalDate today() {
        return clock.instant().atZone(config.timezone()).toLocalDate();
    }
}
