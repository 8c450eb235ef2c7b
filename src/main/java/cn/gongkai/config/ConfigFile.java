package cn.gongkai.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The configuration in the shape of the YAML file, key for key (component {@code maxArticlesPerDraft} is key
 * {@code max-articles-per-draft}); {@link ConfigBinder} binds it and {@link #toConfig} turns it into the
 * {@link GongkaiConfig} the rest of the program reads. config/gongkai.example.yml documents every key, and
 * ConfigDocumentationTest keeps the two in step.
 */
record ConfigFile(Path dataDir, ZoneId timezone, Path templatesDir, DatabaseConfig database, WebConfig web,
                  List<String> categories, Review review, Checks checks, Inbox inbox, Oa oa,
                  List<AccountConfig> accounts, SandboxMode sandbox, WeChatClientConfig wechat,
                  PublishingConfig publishing, RenderConfig render, List<PortalConfig> portals,
                  PortalDeliveryConfig portalDelivery, List<Unit> units) {

    /** One entry of {@code units:}; left-out lists are null. */
    record Unit(String id, String name, List<String> categories, UnitReview review, List<String> accounts,
                List<String> portals, Path facts) {
    }

    /** A unit's {@code review:} (empty or left out: the top-level chains). */
    record UnitReview(List<String> chain, List<String> importantChain) {
    }

    /** The {@code review:} section. */
    record Review(List<String> chain, List<String> importantChain, int dueWorkingDays, String holidaysFile) {
    }

    /** The {@code checks:} section (pre-publish check limits). */
    record Checks(int titleMax, int authorMax, int bodyMax, int imageMaxMb, int imageMaxSide, int imageMinWidth,
                  String wordsFile) {
    }

    /** The {@code inbox:} section. */
    record Inbox(Path dir, Duration interval) {
    }

    /** The {@code oa:} section. */
    record Oa(String url, String user, Secret password, String query, Duration interval) {
    }

    /**
     * The validated configuration; {@code source} names where it was read from, for messages, and
     * {@code portalsGiven} whether the file wrote {@code portals:} (without it only a sandbox keeps the built-in one),
     * {@code unitsGiven} whether it wrote {@code units:} (without it there is one unit, see {@link UnitChecks}).
     */
    GongkaiConfig toConfig(String source, boolean portalsGiven, boolean unitsGiven) {
        if (dataDir.toString().isBlank()) {
            throw new ConfigException("data-dir", "数据目录不能为空");
        }
        checkDailyLimitNames();
        ReviewConfig reviewConfig = new ReviewConfig(review.importantChain(), review.dueWorkingDays(),
                checks.titleMax(), checks.authorMax(), checks.bodyMax(), checks.imageMaxMb(), checks.imageMaxSide(),
                checks.imageMinWidth(), checks.wordsFile(), review.holidaysFile());
        IntakeConfig intake = new IntakeConfig(inbox.dir(), inbox.interval(), oa.url(), oa.user(), oa.password(),
                oa.query(), oa.interval());
        List<AccountConfig> sandboxed = sandboxedAccounts();
        List<PortalConfig> checkedPortals = new PortalChecks(sandboxed.stream().anyMatch(AccountConfig::sandbox),
                dataDir, categories).checked(portals, portalsGiven);
        List<UnitConfig> checkedUnits = new UnitChecks(sandboxed, checkedPortals, categories, review.chain(),
                reviewConfig.importantChain()).checked(units, unitsGiven);
        PortalChecks.checkInternal(checkedPortals, checkedUnits);
        return new GongkaiConfig(source, dataDir, timezone, database, web, categories, review.chain(),
                sandboxed, sandbox, wechat, templatesDir, reviewConfig, intake, publishing, render, checkedPortals,
                portalDelivery, checkedUnits);
    }

    /** Daily limits may be set only for the APIs WeChat limits (a typo would otherwise limit nothing). */
    private void checkDailyLimitNames() {
        for (String api : wechat.dailyLimits().keySet()) {
            if (!WeChatClientConfig.DEFAULT_DAILY_LIMITS.containsKey(api)) {
                throw new ConfigException("wechat.daily-limits." + api, "未知的接口（拼写错误？可用的有："
                        + String.join(", ", new TreeSet<>(WeChatClientConfig.DEFAULT_DAILY_LIMITS.keySet())) + "）");
            }
        }
    }

    /** Each account marked as served by the simulator or not, following the top-level {@code sandbox}. */
    private List<AccountConfig> sandboxedAccounts() {
        List<AccountConfig> out = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountConfig account = accounts.get(i);
            boolean noSecret = account.secret().isEmpty();
            if (sandbox == SandboxMode.OFF && noSecret) {
                throw new ConfigException("accounts[" + i + "].secret", "未设置 AppSecret，且 sandbox 为 off。请设置环境变量 "
                        + ConfigTree.envName("accounts." + i + ".secret") + "，或把 sandbox 设为 auto 使用内置模拟器");
            }
            out.add(account.withSandbox(sandbox == SandboxMode.ON || sandbox == SandboxMode.AUTO && noSecret));
        }
        return out;
    }
}
