package cn.gongkai.config;

import java.time.Duration;

/**
 * When the 报区政府办 channel runs (the {@code portal-delivery:} section).
 *
 * @param interval   how often the scheduled job delivers what is due (every 5 minutes by default)
 * @param retryAfter the wait before a delivery that failed for a passing reason (or whose process died while
 *                   sending) is tried again; it doubles with each attempt, up to a day
 */
public record PortalDeliveryConfig(Duration interval, Duration retryAfter) {
    public PortalDeliveryConfig {
        if (interval == null || interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException("portal-delivery.interval", String.valueOf(interval), "需至少 10s，例如 5m");
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new ConfigException("portal-delivery.retry-after", String.valueOf(retryAfter),
                    "需为正的时长，例如 2m");
        }
    }

    public static PortalDeliveryConfig defaults() {
        return new PortalDeliveryConfig(Duration.ofMinutes(5), Duration.ofMinutes(2));
    }
}
