package cn.gongkai.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product's share of each WeChat daily call quota (wechat-api.md §4). Every request to WeChat is counted in the
 * {@link CallCounter} before it is sent; a request beyond the share is refused before it is sent with a
 * {@link WeChatException.Kind#QUOTA} exception that says what is left and when it resets. Days are WeChat's:
 * midnight to midnight in Asia/Shanghai. APIs without a configured limit are counted but never refused.
 */
public final class CallBudget {

    /** The day WeChat's quotas count in. */
    public static final ZoneId WECHAT_DAY = ZoneId.of("Asia/Shanghai");
    /** The code of a call this budget refused before sending it (not a WeChat errcode). */
    public static final int REFUSED = -3;

    private final CallCounter counter;
    private final Map<String, Integer> dailyLimits;
    private final double share;
    private final Clock clock;

    /**
     * @param dailyLimits WeChat's daily limit per API ({@code freepublish/get} → 100)
     * @param share       the part of each limit the product may spend, in (0, 1]
     */
    public CallBudget(CallCounter counter, Map<String, Integer> dailyLimits, double share, Clock clock) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.dailyLimits = Map.copyOf(Objects.requireNonNull(dailyLimits, "dailyLimits"));
        this.dailyLimits.forEach((api, limit) -> {
            if (limit < 0) {
                throw new IllegalArgumentException("daily limit of " + api + " must be >= 0, was " + limit);
            }
        });
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("quota share must be in (0, 1], was " + share);
        }
        this.share = share;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A budget counting in memory only (for tools and tests); limits as given. */
    public static CallBudget inMemory(Map<String, Integer> dailyLimits, double share, Clock clock) {
        return new CallBudget(new MemoryCounter(), dailyLimits, share, clock);
    }

    /**
     * Counts one call of {@code api} for the account, about to be sent.
     *
     * @throws WeChatException QUOTA, with the next Beijing midnight as retryAfter, when the share is spent; nothing
     *                         is counted then
     */
    public void spend(String account, String api) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), WECHAT_DAY);
        long allowed = allowed(api);
        if (!counter.tryAdd(account, api, day, allowed)) {
            Instant resets = resetsAt(day);
            throw new WeChatException(account, api, REFUSED, WeChatException.Kind.QUOTA, refusal(api, resets),
                    resets, null);
        }
    }

    /** How many calls of {@code api} the product may make a day: the share of WeChat's limit, rounded down. */
    public long allowed(String api) {
        Integer limit = dailyLimits.get(api);
        return limit == null ? Long.MAX_VALUE : (long) Math.floor(limit * share + 1e-9);
    }

    /** The share of each daily limit the product may spend. */
    public double share() {
        return share;
    }

    /** Today's use of every API with a limit or with calls today, by API name. */
    public List<Usage> usage(String account) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), WECHAT_DAY);
        Map<String, Long> counts = counter.counts(account, day);
        TreeSet<String> apis = new TreeSet<>(dailyLimits.keySet());
        apis.addAll(counts.keySet());
        List<Usage> out = new ArrayList<>();
        for (String api : apis) {
            Integer limit = dailyLimits.get(api);
            out.add(new Usage(api, counts.getOrDefault(api, 0L), limit == null ? 0 : limit, allowed(api),
                    resetsAt(day)));
        }
        return out;
    }

    private static Instant resetsAt(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WECHAT_DAY).toInstant();
    }

    private String refusal(String api, Instant resets) {
        int limit = dailyLimits.get(api);
        String when = resets.atZone(WECHAT_DAY).toLocalDateTime().toString().replace('T', ' ');
        return "本系统今天对微信接口 " + api + " 的调用已用完给本系统留出的份额：微信每天允许 " + limit + " 次，本系统最多用 "
                + allowed(api) + " 次（" + Math.round(share * 100) + "%），剩余 0 次。这次调用没有发出；"
                + "北京时间 " + when + " 重置后系统自动继续。如确有急需，可调高配置项 wechat.quota-share（不建议超过 0.95），"
                + "或由公众号管理员在 mp.weixin.qq.com → 设置与开发 → 接口权限 中清零调用次数（每月最多 10 次）。";
    }

    /**
     * One API's use today.
     *
     * @param dailyLimit WeChat's daily limit, or 0 when none is configured (then {@code allowed} is unbounded)
     * @param allowed    the product's share of it
     * @param resetsAt   the next Beijing midnight
     */
    public record Usage(String api, long used, long dailyLimit, long allowed, Instant resetsAt) {
        /** Calls the product may still make today, or {@link Long#MAX_VALUE} when unbounded. */
        public long left() {
            return allowed == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, allowed - used);
        }

        public boolean limited() {
            return dailyLimit > 0 || allowed != Long.MAX_VALUE;
        }
    }

    /** Counts in memory, per process. */
    private static final class MemoryCounter implements CallCounter {
        private final Map<String, Long> counts = new ConcurrentHashMap<>();

        @Override
        public synchronized boolean tryAdd(String account, String api, LocalDate day, long max) {
            String key = account + "|" + api + "|" + day;
            long now = counts.getOrDefault(key, 0L);
            if (now >= max) {
                return false;
            }
            counts.put(key, now + 1);
            return true;
        }

        @Override
        public synchronized Map<String, Long> counts(String account, LocalDate day) {
            Map<String, Long> out = new TreeMap<>();
            String prefix = account + "|";
            String suffix = "|" + day;
            counts.forEach((k, v) -> {
                if (k.startsWith(prefix) && k.endsWith(suffix)) {
                    out.put(k.substring(prefix.length(), k.length() - suffix.length()), v);
                }
            });
            return out;
        }
    }

    @Override
    public String toString() {
        return "CallBudget[share=" + share + ", limits=" + new HashMap<>(dailyLimits).size() + " APIs]";
    }
}
