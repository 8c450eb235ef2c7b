package cn.gongkai.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Fault injection and behaviour knobs of a running simulator. Rules are also accepted as JSON on
 * {@code POST /sim/admin/faults} and from files ({@link WeChatSimulator#loadFaults(java.nio.file.Path)}).
 * Thread-safe.
 */
public final class Faults {
    /** Default number of {@code freepublish/get} polls that still answer {@code publish_status} 1. */
    public static final int DEFAULT_PUBLISH_POLLS = 1;
    /** Default clock time after which a job finishes even if nobody polls it. */
    public static final Duration DEFAULT_PUBLISH_DURATION = Duration.ofSeconds(3);

    private static final class Active {
        final FaultRule rule;
        final Random random;
        long seen;

        Active(FaultRule rule) {
            this.rule = rule;
            this.random = new Random(rule.seed());
        }

        boolean matches(String endpoint, String appId) {
            return (rule.endpoint().equals("*") || rule.endpoint().equals(endpoint))
                    && (rule.appId() == null || rule.appId().equals(appId));
        }

        boolean fires() {
            seen++;
            return switch (rule.when()) {
                case NTH -> seen == rule.n();
                case EVERY -> seen % rule.n() == 0;
                case RANDOM -> random.nextDouble() < rule.probability();
                case ALWAYS -> true;
            };
        }

        boolean spent() {
            return rule.when() == FaultRule.When.NTH && seen >= rule.n();
        }
    }

    /** What to do with one call: a pause first, then at most one of errcode, HTTP error or drop. */
    record Decision(long delayMillis, FaultRule terminal) {
        static final Decision NONE = new Decision(0, null);
    }

    private final Consumer<String> tokenRevoker;
    private final List<Active> rules = new ArrayList<>();
    private final Deque<FaultPlan.PublishOutcome> outcomes = new ArrayDeque<>();
    private final Map<String, Integer> quotas = new HashMap<>();
    private final Map<String, String> blockedIps = new HashMap<>();
    private int publishPolls = DEFAULT_PUBLISH_POLLS;
    private Duration publishDuration = DEFAULT_PUBLISH_DURATION;

    Faults(Consumer<String> tokenRevoker) {
        this.tokenRevoker = tokenRevoker;
    }

    /** Adds a rule; its call counting starts now. */
    public synchronized Faults add(FaultRule rule) {
        rules.add(new Active(rule));
        return this;
    }

    /** Applies a plan: adds its rules, sets its knobs, queues its outcomes, revokes its tokens. */
    public Faults apply(FaultPlan plan) {
        synchronized (this) {
            plan.rules().forEach(r -> rules.add(new Active(r)));
            if (plan.publishPolls() != null) {
                publishPolls(plan.publishPolls());
            }
            if (plan.publishMillis() != null) {
                publishDuration(Duration.ofMillis(plan.publishMillis()));
            }
            outcomes.addAll(plan.publishOutcomes());
            plan.quotas().forEach(this::quota);
            plan.ipNotWhitelisted().forEach(this::ipNotWhitelisted);
        }
        plan.invalidateTokens().forEach(this::invalidateTokens);
        return this;
    }

    /** Invalidates every token (both kinds) of the account now; the next call with one gets 40001. */
    public void invalidateTokens(String appId) {
        tokenRevoker.accept(appId);
    }

    /** How many {@code freepublish/get} polls of a new job answer {@code publish_status} 1 before it finishes. */
    public synchronized Faults publishPolls(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("publishPolls must be >= 0, was " + polls);
        }
        this.publishPolls = polls;
        return this;
    }

    /** Clock time after submit when a job finishes even if it is never polled. */
    public synchronized Faults publishDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("publishDuration must not be negative, was " + duration);
        }
        this.publishDuration = duration;
        return this;
    }

    /** Makes the next submitted job (of any account) end with this status and failing indexes. */
    public synchronized Faults nextPublishOutcome(int status, List<Integer> failIdx) {
        outcomes.add(new FaultPlan.PublishOutcome(status, failIdx));
        return this;
    }

    /** Overrides the daily quota of an endpoint for every account. */
    public synchronized Faults quota(String endpoint, int perDay) {
        if (perDay < 0) {
            throw new IllegalArgumentException("quota must be >= 0, was " + perDay);
        }
        quotas.put(Endpoints.normalise(endpoint), perDay);
        return this;
    }

    /**
     * Makes the account's whitelist refuse the caller: every call of the account, {@code token} and
     * {@code stable_token} included, answers 40164 with an errmsg naming {@code ip} as WeChat saw it
     * ({@code invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ...}).
     */
    public synchronized Faults ipNotWhitelisted(String appId, String ip) {
        if (appId == null || appId.isBlank() || ip == null || ip.isBlank()) {
            throw new IllegalArgumentException("ipNotWhitelisted needs an appId and an IP");
        }
        blockedIps.put(appId, ip.strip());
        return this;
    }

    /** Lets the account's calls through the whitelist again. */
    public synchronized Faults ipWhitelisted(String appId) {
        blockedIps.remove(appId);
        return this;
    }

    /** Removes every rule, queued outcome, quota override and IP block and restores the default publish timing. */
    public synchronized void clear() {
        blockedIps.clear();
        rules.clear();
        outcomes.clear();
        quotas.clear();
        publishPolls = DEFAULT_PUBLISH_POLLS;
        publishDuration = DEFAULT_PUBLISH_DURATION;
    }

    /** The rules currently active (one-shot rules disappear once they fired). */
    public synchronized List<FaultRule> rules() {
        return rules.stream().map(a -> a.rule).toList();
    }

    synchronized Decision decide(String endpoint, String appId) {
        long delay = 0;
        FaultRule terminal = null;
        for (Active active : rules) {
            if (!active.matches(endpoint, appId) || !active.fires()) {
                continue;
            }
            if (active.rule.action() == FaultRule.Action.DELAY) {
                delay += active.rule.delayMillis();
            } else if (terminal == null) {
                terminal = active.rule;
            }
        }
        rules.removeIf(Active::spent);
        return delay == 0 && terminal == null ? Decision.NONE : new Decision(delay, terminal);
    }

    /** The IP the account's whitelist refuses, if {@link #ipNotWhitelisted} was set for it. */
    synchronized Optional<String> blockedIp(String appId) {
        return Optional.ofNullable(blockedIps.get(appId));
    }

    synchronized int pollsBeforeDone() {
        return publishPolls;
    }

    synchronized Duration publishDuration() {
        return publishDuration;
    }

    synchronized FaultPlan.PublishOutcome takeOutcome() {
        FaultPlan.PublishOutcome next = outcomes.poll();
        return next == null ? FaultPlan.PublishOutcome.SUCCESS : next;
    }

    synchronized Optional<Integer> quotaOverride(String endpoint) {
        return Optional.ofNullable(quotas.get(endpoint));
    }
}
