package cn.gongkai.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One WeChat official account.
 *
 * @param apiBaseUrl      https://api.weixin.qq.com, a fixed-IP relay, or the simulator (no trailing slash)
 * @param mode            freepublish | mass | freepublish+mass
 * @param cron            Quartz cron of the publishing slots, in the configured time zone
 * @param sandbox         true when this account is served by the built-in simulator
 * @param qrCode          image file of the account's QR code shown at the foot of its articles, relative to the
 *                        templates folder; empty for none
 * @param previewTo       reviewers who get previews on their phone ({@code render ID --preview-to NAME}): name →
 *                        WeChat ID (微信号) or openid
 */
public record AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                            String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox, String qrCode,
                            Map<String, String> previewTo) {
    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{28}");
    private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][-_A-Za-z0-9]{5,19}");

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
        if (!mode.equals("freepublish")) {
            throw new ConfigException("accounts[" + id + "].mode", mode,
                    "本版本只支持 freepublish（发布）；群发（mass）尚未实现，请暂用 freepublish");
        }
        if (maxArticlesPerDraft < 1 || maxArticlesPerDraft > 8) {
            throw new ConfigException("accounts[" + id + "].max-articles-per-draft",
                    String.valueOf(maxArticlesPerDraft), "每个草稿 1–8 篇");
        }
        secret = secret == null ? Secret.empty() : secret;
        callbackToken = callbackToken == null ? Secret.empty() : callbackToken;
        qrCode = qrCode == null ? "" : qrCode.strip();
        previewTo = Map.copyOf(previewTo == null ? Map.of() : previewTo);
        for (Map.Entry<String, String> e : previewTo.entrySet()) {
            if (e.getKey().isBlank() || !isOpenId(e.getValue()) && !isWeChatId(e.getValue())) {
                throw new ConfigException("accounts[" + id + "].preview-to." + e.getKey(), e.getValue(),
                        "应为接收预览者的微信号（6–20 位，字母开头）或其在本公众号下的 openid（28 位）");
            }
        }
    }

    /** An account without QR code and preview recipients. */
    public AccountConfig(String id, String name, String appId, Secret secret, String apiBaseUrl, String mode,
                         String cron, int maxArticlesPerDraft, Secret callbackToken, boolean sandbox) {
        this(id, name, appId, secret, apiBaseUrl, mode, cron, maxArticlesPerDraft, callbackToken, sandbox, "",
                Map.of());
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
                true, qrCode, previewTo);
    }
}
