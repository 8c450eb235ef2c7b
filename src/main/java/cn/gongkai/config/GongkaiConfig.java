package cn.gongkai.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, loaded once by {@link ConfigLoader}, validated and frozen.
 *
 * @param source       where it was read from, for messages
 * @param reviewChain  role of each review step after drafting; empty means items arrive approved
 * @param review       the rest of review: important steps, due days, pre-publish check limits
 * @param intake       the inbox folder and the optional OA source
 * @param publishing   watchdog thresholds and the callback grace
 * @param render       article layout choices beyond the templates
 * @param portals      the 报区政府办 channel's receivers (empty: the channel is off)
 * @param portalDelivery how often the channel runs and how it retries
 * @param units        the units (单位) of a district; one, {@link UnitConfig#DEFAULT_ID}, without {@code units:}
 */
public record GongkaiConfig(String source, Path dataDir, ZoneId timezone, DatabaseConfig database, WebConfig web,
                            List<String> categories, List<String> reviewChain, List<AccountConfig> accounts,
                            SandboxMode sandbox, WeChatClientConfig wechat, Path templatesDir, ReviewConfig review,
                            IntakeConfig intake, PublishingConfig publishing, RenderConfig render,
                            List<PortalConfig> portals, PortalDeliveryConfig portalDelivery,
                            List<UnitConfig> units) {
    public GongkaiConfig {
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a configuration has at least one unit");
        }
        publishing = publishing == null ? PublishingConfig.defaults() : publishing;
        portals = portals == null ? List.of() : List.copyOf(portals);
        portalDelivery = portalDelivery == null ? PortalDeliveryConfig.defaults() : portalDelivery;
        render = render == null ? RenderConfig.defaults() : render;
        categories = List.copyOf(categories);
        reviewChain = List.copyOf(reviewChain);
        accounts = List.copyOf(accounts);
        if (categories.isEmpty()) {
            throw new ConfigException("categories", "[]", "至少需要一个分类");
        }
        if (accounts.isEmpty()) {
            throw new ConfigException("accounts", "[]", "至少需要配置一个公众号");
        }
        for (String role : reviewChain) {
            if (!ReviewConfig.REVIEW_ROLES.contains(role)) {
                throw new ConfigException("review.chain", role, "不是审核角色（可用：" + String.join(", ",
                        new java.util.TreeSet<>(ReviewConfig.REVIEW_ROLES)) + "）");
            }
        }
        long distinct = accounts.stream().map(AccountConfig::id).distinct().count();
        if (distinct != accounts.size()) {
            throw new ConfigException("accounts[].id", accounts.stream().map(AccountConfig::id).toList().toString(),
                    "公众号 id 不能重复");
        }
    }

    /** The portal with this id. */
    public Optional<PortalConfig> portal(String id) {
        return portals.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<AccountConfig> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** True when any account is served by the simulator. */
    public boolean anySandbox() {
        return accounts.stream().anyMatch(AccountConfig::sandbox);
    }

    /** The same configuration with other accounts (sandbox wiring points accounts at the simulator). */
    public GongkaiConfig withAccounts(List<AccountConfig> newAccounts) {
        return new GongkaiConfig(source, dataDir, timezone, database, web, categories, reviewChain, newAccounts,
                sandbox, wechat, templatesDir, review, intake, publishing, render, portals, portalDelivery, units);
    }

    /** The unit with this id. */
    public Optional<UnitConfig> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The unit the account belongs to (every configured account belongs to exactly one). */
    public Optional<UnitConfig> unitOfAccount(String accountId) {
        return units.stream().filter(u -> u.hasAccount(accountId)).findFirst();
    }

    /** The unit the portal belongs to. */
    public Optional<UnitConfig> unitOfPortal(String portalId) {
        return units.stream().filter(u -> u.hasPortal(portalId)).findFirst();
    }

    /** True for a district of several units; a single bureau's configuration never shows the word 单位. */
    public boolean severalUnits() {
        return units.size() > 1;
    }
}
