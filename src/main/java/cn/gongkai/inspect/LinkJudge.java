package cn.gongkai.inspect;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * Decides what a link's state is, probing it at most once a day: 404, 410 or an unknown host is dead at once; a
 * passing failure (5xx, timeout) only after it failed on two different days; links the probe may not visit (in the
 * sandbox: everything outside the simulator) are left unchecked.
 */
public final class LinkJudge {
    /** Different days a passing failure must be seen on before the link counts as dead. */
    public static final int FAILURE_DAYS_FOR_DEAD = 2;

    private final LinkProbe probe;
    private final InspectionStore store;
    private final Predicate<String> probeable;
    private final ZoneId zone;
    private final Clock clock;

    /**
     * @param probeable which links may be probed at all (in the sandbox only the simulator's); others are unchecked
     */
    public LinkJudge(LinkProbe probe, InspectionStore store, Predicate<String> probeable, ZoneId zone, Clock clock) {
        this.probe = probe;
        this.store = store;
        this.probeable = probeable;
        this.zone = zone;
        this.clock = clock;
    }

    /** A link's state: {@code null} kind for a link that works. */
    public record Verdict(Finding.Kind kind, String detail) {
    }

    /** The state of {@code url}, probing it unless it was probed today. */
    public Verdict judge(String url) {
        if (!probeable.test(url)) {
            return new Verdict(Finding.Kind.LINK_UNCHECKED, "演示模式下不访问模拟器以外的链接");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LinkRecord known = store.link(url).orElse(null);
        LinkRecord now = known != null && known.probedOn().equals(today) ? known : probeOn(url, today, known);
        return verdict(now);
    }

    private LinkRecord probeOn(String url, LocalDate today, LinkRecord before) {
        LinkProbe.Result r = probe.probe(url);
        int failureDays = r.outcome() != LinkProbe.Outcome.FAILED ? 0
                : before != null && before.outcome() == LinkProbe.Outcome.FAILED ? before.failureDays() + 1 : 1;
        LinkRecord rec = new LinkRecord(url, today, r.outcome(), r.detail(), failureDays);
        store.saveLink(rec);
        return rec;
    }

    private static Verdict verdict(LinkRecord r) {
        return switch (r.outcome()) {
            case OK -> new Verdict(null, r.detail());
            case DEAD -> new Verdict(Finding.Kind.DEAD_LINK, r.detail());
            case REFUSED -> new Verdict(Finding.Kind.LINK_REFUSED, r.detail());
            case FAILED -> r.failureDays() >= FAILURE_DAYS_FOR_DEAD
                    ? new Verdict(Finding.Kind.DEAD_LINK, r.detail() + "（" + r.failureDays() + " 天无法访问）")
                    : new Verdict(Finding.Kind.LINK_UNREACHABLE, r.detail());
        };
    }
}
