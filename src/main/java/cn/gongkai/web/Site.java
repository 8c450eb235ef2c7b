package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import java.time.Clock;
import java.time.LocalDate;

/** What every console page may read of the installation: its configuration and the clock. */
record Site(GongkaiConfig config, Clock clock) {
    /** The account's display name, or its id when it is not configured. */
    String accountName(String id) {
        return config.accounts().stream().filter(a -> a.id().equals(id)).map(AccountConfig::name).findFirst()
                .orElse(id);
    }

    /** Today in the configured time zone. */
    LocalDate today() {
        return clock.instant().atZone(config.timezone()).toLocalDate();
    }
}
