package cn.gongkai.config;

import java.time.Duration;

/**
 * Service-wide publishing settings (the {@code publishing:} section).
 *
 * @param idleWarningDays   the watchdog warns when an account has published nothing for this many days
 * @param stuckAfter        the watchdog warns when a batch has stayed in one unfinished state this long
 * @param callbackGrace     with a callback configured, how long to wait for PUBLISHJOBFINISH before polling anyway
 * @param resubmitAfter     a submit whose answer was lost is sent again only when its draft is still in the draft box
 *                          this long after (a job WeChat is still running may not have taken the draft yet)
 */
public record PublishingConfig(int idleWarningDays, Duration stuckAfter, Duration callbackGrace,
                               Duration resubmitAfter) {
    public PublishingConfig {
        if (idleWarningDays < 1 || idleWarningDays > 365) {
            throw new ConfigException("publishing.idle-warning-days", String.valueOf(idleWarningDays),
                    "需在 1–365 之间（巡查通常把两周未更新的公众号判为不合格）");
        }
        if (stuckAfter == null || stuckAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("publishing.stuck-after", String.valueOf(stuckAfter), "需至少 1m，例如 2h");
        }
        if (callbackGrace == null || callbackGrace.isNegative()) {
            throw new ConfigException("publishing.callback-grace", String.valueOf(callbackGrace),
                    "需为非负时长，例如 15m");
        }
        if (resubmitAfter == null || resubmitAfter.isNegative()) {
            throw new ConfigException("publishing.resubmit-after", String.valueOf(resubmitAfter),
                    "需为非负时长，例如 2m");
        }
    }

    /** Settings with the default resubmit delay of two minutes. */
    public PublishingConfig(int idleWarningDays, Duration stuckAfter, Duration callbackGrace) {
        this(idleWarningDays, stuckAfter, callbackGrace, Duration.ofMinutes(2));
    }

    public static PublishingConfig defaults() {
        return new PublishingConfig(10, Duration.ofHours(2), Duration.ofMinutes(15));
    }
}
