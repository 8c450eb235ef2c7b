package cn.gongkai.config;

import cn.gongkai.item.WeChatLimits;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the gateway talks to WeChat.
 *
 * @param retries      extra attempts for idempotent calls on transient errors
 * @param retryBackoff first backoff; doubles per attempt
 * @param dailyLimits  WeChat's daily call limit per API ({@code freepublish/get} → 100), wechat-api.md §4
 * @param quotaShare   the part of each daily limit the product may spend, in (0, 1]; the rest is left for other
 *                     tools and for staff in the console
 */
public record WeChatClientConfig(Duration connectTimeout, Duration readTimeout, int retries, Duration retryBackoff,
                                 Map<String, Integer> dailyLimits, double quotaShare) {

    /** The default share of a daily quota the product may spend. */
    public static final double DEFAULT_QUOTA_SHARE = 0.9;

    /** Daily limits of a newly registered account (wechat-api.md §4); larger accounts may have more. */
    public static final Map<String, Integer> DEFAULT_DAILY_LIMITS = WeChatLimits.DAILY_CALLS;

    public WeChatClientConfig {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new ConfigException("wechat.connect-timeout", String.valueOf(connectTimeout), "需为正的时长，如 5s");
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new ConfigException("wechat.read-timeout", String.valueOf(readTimeout), "需为正的时长，如 30s");
        }
        if (retries < 0 || retries > 10) {
            throw new ConfigException("wechat.retries", String.valueOf(retries), "需在 0–10 之间");
        }
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new ConfigException("wechat.retry-backoff", String.valueOf(retryBackoff), "需为非负时长，如 1s");
        }
        if (!(quotaShare > 0 && quotaShare <= 1)) {
            throw new ConfigException("wechat.quota-share", String.valueOf(quotaShare),
                    "需在 0 到 1 之间（不含 0），如 0.9 表示最多用掉每日额度的 90%");
        }
        dailyLimits = dailyLimits == null ? DEFAULT_DAILY_LIMITS : dailyLimits;
        for (Map.Entry<String, Integer> e : dailyLimits.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new ConfigException("wechat.daily-limits." + e.getKey(), String.valueOf(e.getValue()),
                        "需为非负整数（微信后台 接口权限 页面上的每日调用上限）");
            }
        }
        dailyLimits = Map.copyOf(new TreeMap<>(dailyLimits));
    }

    /** Timeouts and retries with the default daily limits and share. */
    public WeChatClientConfig(Duration connectTimeout, Duration readTimeout, int retries, Duration retryBackoff) {
        this(connectTimeout, readTimeout, retries, retryBackoff, DEFAULT_DAILY_LIMITS, DEFAULT_QUOTA_SHARE);
    }

    public static WeChatClientConfig defaults() {
        return new WeChatClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofSeconds(1));
    }
}
