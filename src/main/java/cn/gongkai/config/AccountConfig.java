package cn.gongkai.config;

/**
 * One WeChat official account.
 *
 * @param apiBaseUrl      https://api.weixin.qq.com, a fixed-IP relay, or the simulator (no trailing slash)
 * @param mode            freepublish | mass | freepublish+mass
 * @param cron            Quartz cron of the publishing slots, in the configured time zone
 * @param sandbox         true when this account is served by the built-in simulator
 * @param dailyCap        at most this many articles a day (Beijing day); 0 means no cap
 * @param dryRun          rehearsal: stop after {@code draft/add}, publish nothing
 * @param callbackAesKey  EncodingAESKey of the callback's 安全模式/兼容模式, or empty for plain mode
 */
public record AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                            String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox,
                            int dailyCap, boolean dryRun, Secret callbackAesKey) {
    /** Mode: publish without notifying followers (the default). */
    public static final String FREEPUBLISH = "freepublish";
    /** Mode: mass-send to all followers. */
    public static final String MASS = "mass";
    /** Mode: publish, then mass-send the same articles to all followers. */
    public static final String FREEPUBLISH_AND_MASS = "freepublish+mass";

    public AccountConfig {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new ConfigException("accounts[].id", String.valueOf(id),
                    "需为 1–32 位小写字母、数字、-或_，例如 hongqi");
        }
        if (name == null || name.isBlank()) {
            throw new ConfigException("accounts[" + id + "].name", String.valueOf(name), "公众号名称不能为空");
        }
        if (appId == null || !appId.matches("wx[0-9a-zA-Z]{16}")) {
            throw new ConfigException("accounts[" + id + "].app-id", String.valueOf(appId),
                    "AppID 应为 wx 开头的 18 位字符，见公众号后台 设置与开发 → 基本配置");
        }
        if (apiBaseUrl == null || !apiBaseUrl.matches("https?://[^\\s/]+(:\\d+)?")) {
            throw new ConfigException("accounts[" + id + "].api-base-url", String.valueOf(apiBaseUrl),
                    "应为协议加主机（可带端口），不带路径和结尾斜杠，例如 https://api.weixin.qq.com");
        }
        if (!java.util.Set.of("freepublish", "mass", "freepublish+mass").contains(mode)) {
            throw new ConfigException("accounts[" + id + "].mode", String.valueOf(mode),
                    "只能是 freepublish、mass 或 freepublish+mass");
        }
        if (maxArticlesPerDraft < 1 || maxArticlesPerDraft > 8) {
            throw new ConfigException("accounts[" + id + "].max-articles-per-draft",
                    String.valueOf(maxArticlesPerDraft), "每个草稿 1–8 篇");
        }
        if (dailyCap < 0 || dailyCap > 1000) {
            throw new ConfigException("accounts[" + id + "].daily-cap", String.valueOf(dailyCap),
                    "每天最多发布的文章数，0 表示不限，最大 1000");
        }
        secret = secret == null ? Secret.empty() : secret;
        callbackToken = callbackToken == null ? Secret.empty() : callbackToken;
        callbackAesKey = callbackAesKey == null ? Secret.empty() : callbackAesKey;
        if (!callbackAesKey.isEmpty() && callbackAesKey.reveal().length() != 43) {
            throw new ConfigException("accounts[" + id + "].callback-aes-key", callbackAesKey.toString(),
                    "EncodingAESKey 应为 43 个字符，见公众号后台 设置与开发 → 基本配置 → 服务器配置");
        }
        if (!callbackAesKey.isEmpty() && callbackToken.isEmpty()) {
            throw new ConfigException("accounts[" + id + "].callback-token", callbackToken.toString(),
                    "设置了 callback-aes-key 时也须设置回调 Token");
        }
    }

    /** An account with no daily cap, no dry run and a plain-mode callback (if any). */
    public AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                         String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox) {
        this(id, name, appId, secret, apiBaseUrl, mode, cron, maxArticlesPerDraft, callbackToken, sandbox, 0, false,
                Secret.empty());
    }

    /** True when PUBLISHJOBFINISH events come to gongkai's callback route (a callback token is set). */
    public boolean callbackConfigured() {
        return !callbackToken.isEmpty();
    }

    /** True when batches end with a freepublish (modes freepublish and freepublish+mass). */
    public boolean freepublishes() {
        return !mode.equals(MASS);
    }

    /** True when followers are notified by a mass send (modes mass and freepublish+mass). */
    public boolean massSends() {
        return !mode.equals(FREEPUBLISH);
    }

    /** The same account pointed at another API base URL (used to route sandbox accounts to the simulator). */
    public AccountConfig withApiBaseUrl(String url, Secret sandboxSecret) {
        return new AccountConfig(id, name, appId, sandboxSecret, url, mode, cron, maxArticlesPerDraft, callbackToken,
                true, dailyCap, dryRun, callbackAesKey);
    }
}
