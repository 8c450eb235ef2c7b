package cn.gongkai.simulator;

import cn.gongkai.item.WeChatLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Daily call quotas per account and endpoint (wechat-api.md §4), rolling over at midnight Asia/Shanghai by the
 * injected clock, and the monthly {@code clear_quota} allowance. Callers hold the simulator lock.
 */
final class Quotas {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int CLEARS_PER_MONTH = 10;
    /** WeChat's daily limits, plus the forced refreshes of a stable token, counted as their own endpoint. */
    private static final Map<String, Integer> DEFAULT_LIMITS = withForcedRefresh();

    private final Faults faults;
    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, Integer> clears = new HashMap<>();
    private LocalDate day;
    private YearMonth month;

    Quotas(Faults faults) {
        this.faults = faults;
    }

    private static Map<String, Integer> withForcedRefresh() {
        Map<String, Integer> limits = new HashMap<>(WeChatLimits.DAILY_CALLS);
        limits.put("stable_token#force", WeChatLimits.STABLE_TOKEN_FORCE_DAILY);
        return Map.copyOf(limits);
    }

    static int defaultLimit(String endpoint) {
        return DEFAULT_LIMITS.getOrDefault(endpoint, Integer.MAX_VALUE);
    }

    /** Today's limit of an endpoint: the fault override or WeChat's default. */
    int limit(String endpoint) {
        return faults.quotaOverride(endpoint).orElse(defaultLimit(endpoint));
    }

    /** Calls of the account to the endpoint counted today. */
    int used(String appId, String endpoint, Instant now) {
        roll(now);
        return used.getOrDefault(appId + "|" + endpoint, 0);
    }

    /** Counts one call; 45009 once the day's limit is spent. */
    void consume(String appId, String endpoint, Instant now) {
        roll(now);
        int limit = limit(endpoint);
        String key = appId + "|" + endpoint;
        int count = used.getOrDefault(key, 0);
        if (count >= limit) {
            throw new ApiError(45009, "reach max api daily quota limit");
        }
        used.put(key, count + 1);
    }

    /** {@code clear_quota}: resets the account's counters; 48006 after ten resets in a calendar month. */
    void clearByApi(String appId, Instant now) {
        roll(now);
        int n = clears.getOrDefault(appId, 0);
        if (n >= CLEARS_PER_MONTH) {
            throw new ApiError(48006, "forbid to clear quota because of reaching the limit");
        }
        clears.put(appId, n + 1);
        reset(appId);
    }

    /** Resets the day's counters of one account, or of all when {@code appId} is null. */
    void reset(String appId) {
        if (appId == null) {
            used.clear();
        } else {
            used.keySet().removeIf(k -> k.startsWith(appId + "|"));
        }
    }

    private void roll(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        if (!today.equals(day)) {
            day = today;
            used.clear();
        }
        YearMonth thisMonth = YearMonth.from(today);
        if (!thisMonth.equals(month)) {
            month = thisMonth;
            clears.clear();
        }
    }
}
