package cn.gongkai.config;

import java.time.Duration;

/**
 * Service-wide publishing settings (the {@code publishing:} section).
 *
 * @param idleWarningDays   the watchdog warns when an account has published nothing for this many days
 * @param stuckAfter        the watchdog warns when a batch has stayed in one unfinished state this long
 * @param statusPollsPerDay {@code freepublish/get} calls gongkai may spend per account and Beijing day (WeChat allows
 *                          100; the rest is left for people and other tools)
 * @param callbackGrace     with a callback configured, how long to wait for PUBLISHJOBFINISH before polling anyway
 */
public record PublishingConfig(int idleWarningDays, Duration stuckAfter, int statusPollsPerDay,
                               Duration callbackGrace) {
    public PublishingConfig {
        if (idleWarningDays < 1 || idleWarningDays > 365) {
            throw new ConfigException("publishing.idle-warning-days", String.valueOf(idleWarningDays),
                    "需在 1–365 之间（巡查通常把两周未更新的公众号判为不合格）");
        }
        if (stuckAfter == null || stuckAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("publishing.stuck-after", String.valueOf(stuckAfter), "需至少 1m，例如 2h");
        }
        if (statusPollsPerDay < 1 || statusPollsPerDay > 100) {
            throw new ConfigException("publishing.status-polls-per-day", String.valueOf(statusPollsPerDay),
                    "需在 1–100 之间（微信 freepublish/get 每天限 100 次）");
        }
        if (callbackGrace == null || callbackGrace.isNegative()) {
            throw new ConfigException("publishing.callback-grace", String.valueOf(callbackGrace),
                    "需为非负时长，例如 15m");
        }
    }

    public static PublishingConfig defaults() {
        return new PublishingConfig(10, Duration.ofHours(2), 90, Duration.ofMinutes(15));
    }
}
