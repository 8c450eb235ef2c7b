package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.PublishingConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for what staff must hear about before an inspection does (design.md §5): an account that has published
 * nothing for N days, a batch stuck in one unfinished state, a daily quota nearly spent. The scheduler logs the
 * warnings hourly; {@code /healthz} and the console show {@link #check()}.
 *
 * <p>Quotas are the gateway's call budget: every WeChat call gongkai makes, per API and Beijing day, against its
 * share of WeChat's daily limit. Calls made by people or other tools are not seen.
 */
public final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final double NEARLY_SPENT = 0.8;

    /** What a warning is about. */
    public enum Kind { IDLE_ACCOUNT, STUCK_BATCH, QUOTA }

    /**
     * One warning.
     *
     * @param message Chinese, with what to do
     */
    public record Warning(Kind kind, String account, String message) {
    }

    private final Map<String, AccountConfig> accounts;
    private final BatchRepository batches;
    private final CallBudget budget;
    private final PublishingConfig config;
    private final ZoneId zone;
    private final Clock clock;

    /** @param budget the gateway's call budget, whose usage shows how much of each daily quota is spent */
    public Watchdog(List<AccountConfig> accounts, BatchRepository batches, CallBudget budget,
                    PublishingConfig config, ZoneId zone, Clock clock) {
        this.accounts = accounts.stream().collect(Collectors.toMap(AccountConfig::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
        this.batches = batches;
        this.budget = budget;
        this.config = config;
        this.zone = zone;
        this.clock = clock;
    }

    /** The current warnings, idle accounts first. */
    public List<Warning> check() {
        Instant now = clock.instant();
        List<Warning> out = new ArrayList<>();
        for (AccountConfig a : accounts.values()) {
            Optional<Instant> last = batches.lastPublishedAt(a.id());
            if (last.isPresent()) {
                long days = Duration.between(last.get(), now).toDays();
                if (days >= config.idleWarningDays()) {
                    out.add(new Warning(Kind.IDLE_ACCOUNT, a.id(), "公众号“" + a.name() + "”已 " + days
                            + " 天没有发布文章（上次发布：" + MINUTE.format(last.get().atZone(zone)) + "）。"
                            + "巡查通常把两周未更新的公众号判为不合格，请尽快安排稿件发布。"));
                }
            }
        }
        for (PublishBatch b : batches.unfinished(null)) {
            Duration age = Duration.between(b.updatedAt(), now);
            if (age.compareTo(config.stuckAfter()) >= 0) {
                out.add(new Warning(Kind.STUCK_BATCH, b.account(), "发布批次 " + b.id() + "（" + b.itemIds().size()
                        + " 篇）停在“" + b.state().label() + "”已 " + hours(age) + "：" + hint(b.state())));
            }
        }
        for (AccountConfig a : accounts.values()) {
            for (CallBudget.Usage u : budget.usage(a.id())) {
                if (u.limited() && u.allowed() > 0 && u.used() >= Math.ceil(u.allowed() * NEARLY_SPENT)) {
                    out.add(new Warning(Kind.QUOTA, a.id(), "公众号“" + a.name() + "”今天已调用微信接口 " + u.api() + " "
                            + u.used() + " 次，本系统的份额是 " + u.allowed() + " 次（微信每天 " + u.dailyLimit()
                            + " 次），即将用完；用完后相关批次暂停到北京时间次日零点。" + advice(u.api())));
                }
            }
        }
        return out;
    }

    /** Logs every current warning; run by the scheduler. */
    public List<Warning> logWarnings() {
        List<Warning> warnings = check();
        warnings.forEach(w -> LOG.warn("Watchdog [{} {}]: {}", w.kind(), w.account(), w.message()));
        return warnings;
    }

    private static String advice(String api) {
        return api.equals("freepublish/get") ? "配置回调（callback-token）后发布结果由微信推送，无需查询。" : "";
    }

    private static String hours(Duration age) {
        return age.toHours() >= 1 ? age.toHours() + " 小时" : age.toMinutes() + " 分钟";
    }

    private static String hint(BatchState state) {
        return switch (state) {
            case SUBMITTING -> "提交后没有收到微信答复，系统正在向微信核实（不会重复发布）；如持续出现，请检查网络或到公众号后台查看发表记录。";
            case SUBMITTED -> "微信仍未给出发布结果；如已配置回调，请检查回调地址是否可从外网访问。";
            default -> "可能因微信接口额度用完、网络或微信故障而暂停，恢复后自动继续；请查看日志中该批次的原因。";
        };
    }
}
