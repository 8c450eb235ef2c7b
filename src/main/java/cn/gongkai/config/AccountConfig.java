package cn.gongkai.config;

import cn.gongkai.item.WeChatLimits;
import java.util.Map;
import java.util.regex.Pattern;

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
 * @param qrCode          image file of the account's QR code shown at the foot of its articles, relative to the
 *                        templates folder; empty for none
 * @param previewTo       reviewers who get previews on their phone ({@code render ID --preview-to NAME}): name →
 *                        WeChat ID (微信号) or openid
 */
public record AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                            String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox,
                            int dailyCap, boolean dryRun, Secret callbackAesKey, String qrCode,
                            Map<String, String> previewTo) {
    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{28}");
    private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][-_A-Za-z0-9]{5,19}");
    /** Mode: publish without notifying followers (the default). */
    public static final String FREEPUBLISH = "freepublish";
    /** Mode: mass-send to all followers. */
    public static final String MASS = "mass";
    /** Mode: publish, then mass-send the same articles to all followers. */
    public static final String FREEPUBLISH_AND_MASS = "freepublish+mass";

    public AccountConfig {
        checkIdentity(id, name, appId, apiBaseUrl);
        checkPublishing(id, mode, maxArticlesPerDraft, dailyCap);
        secret = secret == null ? Secret.empty() : secret;
        callbackToken = callbackToken == null ? Secret.empty() : callbackToken;
        callbackAesKey = callbackAesKey == null ? Secret.empty() : callbackAesKey;
        checkCallback(id, callbackToken, callbackAesKey);
        qrCode = qrCode == null ? "" : qrCode.strip();
        previewTo = Map.copyOf(previewTo == null ? Map.of() : previewTo);
        checkPreviewTo(id, previewTo);
    }

    private static void checkIdentity(String id, String name, String appId, String apiBaseUrl) {
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
    }

    private static void checkPublishing(String id, String mode, int maxArticlesPerDraft, int dailyCap) {
        if (!java.util.Set.of("freepublish", "mass", "freepublish+mass").contains(mode)) {
            throw new ConfigException("accounts[" + id + "].mode", String.valueOf(mode),
                    "只能是 freepublish、mass 或 freepublish+mass");
        }
        if (maxArticlesPerDraft < 1 || maxArticlesPerDraft > WeChatLimits.ARTICLES_PER_DRAFT) {
            throw new ConfigException("accounts[" + id + "].max-articles-per-draft",
                    String.valueOf(maxArticlesPerDraft), "每个草稿 1–" + WeChatLimits.ARTICLES_PER_DRAFT + " 篇");
        }
        if (dailyCap < 0 || dailyCap > 1000) {
            throw new ConfigException("accounts[" + id + "].daily-cap", String.valueOf(dailyCap),
                    "每天最多发布的文章数，0 表示不限，最大 1000");
        }
    }

    private static void checkCallback(String id, Secret callbackToken, Secret callbackAesKey) {
        if (!callbackAesKey.isEmpty() && callbackAesKey.reveal().length() != 43) {
            throw new ConfigException("accounts[" + id + "].callback-aes-key", callbackAesKey.toString(),
                    "EncodingAESKey 应为 43 个字符，见公众号后台 设置与开发 → 基本配置 → 服务器配置");
        }
        if (!callbackAesKey.isEmpty() && callbackToken.isEmpty()) {
            throw new ConfigException("accounts[" + id + "].callback-token", callbackToken.toString(),
                    "设置了 callback-aes-key 时也须设置回调 Token");
        }
    }

    private static void checkPreviewTo(String id, Map<String, String> previewTo) {
        for (Map.Entry<String, String> e : previewTo.entrySet()) {
            if (e.getKey().isBlank() || !isOpenId(e.getValue()) && !isWeChatId(e.getValue())) {
                throw new ConfigException("accounts[" + id + "].preview-to." + e.getKey(), e.getValue(),
                        "应为接收预览者的微信号（6–20 位，字母开头）或其在本公众号下的 openid（28 位）");
            }
        }
    }

    /** An account with no daily cap, no dry run, a plain-mode callback (if any), no QR code and no preview recipients. */
    public AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                         String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox) {
        this(id, name, appId, secret, apiBaseUrl, mode, cron, maxArticlesPerDraft, callbackToken, sandbox, 0, false,
                Secret.empty(), "", Map.of());
    }

    /** An account with the given publishing rules, no QR code and no preview recipients. */
    public AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                         String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox, int dailyCap,
                         boolean dryRun, Secret callbackAesKey) {
        this(id, name, appId, secret, apiBaseUrl, mode, cron, maxArticlesPerDraft, callbackToken, sandbox, dailyCap,
                dryRun, callbackAesKey, "", Map.of());
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

    /** Whether the recipient is an openid (28 characters) rather than a WeChat ID (at most 20). */
    public static boolean isOpenId(String recipient) {
        return recipient != null && OPENID.matcher(recipient).matches();
    }

    private static boolean isWeChatId(String recipient) {
        return recipient != null && WECHAT_ID.matcher(recipient).matches();
    }

    /** The same account pointed at another API base URL (used to route sandbox accounts to the simulator). */
    public AccountConfig withApiBaseUrl(String url, Secret sandboxSecret) {
        return new AccountConfig(id, name, appId, sandboxSecret, url, mode, cron, maxArticlesPerDraft, callbackToken,
                true, dailyCap, dryRun, callbackAesKey, qrCode, previewTo);
    }

    /** The same account, served by the simulator or not (the loader sets this from the top-level sandbox key). */
    AccountConfig withSandbox(boolean served) {
        return new AccountConfig(id, name, appId, secret, apiBaseUrl, mode, cron, maxArticlesPerDraft, callbackToken,
                served, dailyCap, dryRun, callbackAesKey, qrCode, previewTo);
    }
}
