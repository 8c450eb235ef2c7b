package cn.gongkai.config;

import java.time.Duration;

/**
 * How the gateway talks to WeChat.
 *
 * @param retries      extra attempts for idempotent calls on transient errors
 * @param retryBackoff first backoff; doubles per attempt
 */
public record WeChatClientConfig(Duration connectTimeout, Duration readTimeout, int retries, Duration retryBackoff) {
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
    }

    public static WeChatClientConfig defaults() {
        return new WeChatClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofSeconds(1));
    }
}
