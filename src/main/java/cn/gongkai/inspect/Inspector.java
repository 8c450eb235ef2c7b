package cn.gongkai.inspect;

import cn.gongkai.publish.WeChatException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inspection use case: pulls each listed account's new publications, finds the problems in what is online, and
 * tells each account's state for a day or a period. The command, the console and the daily job use it.
 */
public final class Inspector {
    private final List<InspectedAccount> accounts;
    private final PublishedPull pull;
    private final ArticleFindings findings;
    private final InspectionStore store;
    private final ZoneId zone;
    private final Clock clock;

    public Inspector(List<InspectedAccount> accounts, PublishedPull pull, ArticleFindings findings,
                     InspectionStore store, ZoneId zone, Clock clock) {
        this.accounts = List.copyOf(accounts);
        this.pull = pull;
        this.findings = findings;
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * One account's run.
     *
     * @param pulled what the pull did, or null when the account is not listed or the pull failed
     * @param error  why the pull failed (WeChat's explanation), or empty
     */
    public record RunResult(AccountStatus status, PublishedPull.Result pulled, String error) {
        /** What the run did, for staff: "红旗商务：新读取 1 篇文章（调用 1 次 freepublish/batchget），发现问题 2 个". */
        public String text() {
            String name = status.account().name();
            if (!error.isEmpty()) {
                return name + "：读取已发布文章失败：" + error;
            }
            String found = "，发现问题 " + status.failingFindings() + " 个";
            if (pulled == null) {
                return name + "：只用群发，不在已发布列表中，按台账计算更新" + found;
            }
            return name + "：新读取 " + pulled.added() + " 篇文章（调用 " + pulled.calls() + " 次 freepublish/batchget）"
                    + found;
        }
    }

    public List<InspectedAccount> accounts() {
        return accounts;
    }

    /** Runs the inspection of every account, or of {@code only}; a WeChat failure of one does not stop the others. */
    public List<RunResult> run(Optional<String> only) {
        List<RunResult> out = new ArrayList<>();
        for (InspectedAccount a : selected(only)) {
            PublishedPull.Result pulled = null;
            String error = "";
            if (a.listed()) {
                try {
                    pulled = pull.pull(a.id());
                } catch (WeChatException e) {
                    error = e.getMessage();
                }
            }
            store.replaceFindings(a.id(), findings.of(store.articles(a.id())), clock.instant());
            out.add(new RunResult(status(a, today()), pulled, error));
        }
        return out;
    }

    /** Every account's state today, with the findings of its last run. */
    public List<AccountStatus> today(Optional<String> only) {
        LocalDate day = today();
        return selected(only).stream().map(a -> status(a, day)).toList();
    }

    /** Every account's state for a period: its updates in it, and its idle days at its end (or today). */
    public List<AccountStatus> period(InspectionPeriod period) {
        LocalDate asOf = period.to().isBefore(today()) ? period.to() : today();
        List<AccountStatus> out = new ArrayList<>();
        for (InspectedAccount a : accounts) {
            AccountActivity activity = activity(a);
            Optional<Instant> last = activity.lastBefore(asOf.plusDays(1).atStartOfDay(zone).toInstant());
            out.add(new AccountStatus(a, activity.between(period.start(zone), period.end(zone)), last,
                    IdleDays.of(last, asOf, zone), store.lastPull(a.id()), store.findings(a.id())));
        }
        return out;
    }

    private AccountStatus status(InspectedAccount a, LocalDate day) {
        Optional<Instant> last = activity(a).lastBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
        return new AccountStatus(a, 0, last, IdleDays.of(last, day, zone), store.lastPull(a.id()),
                store.findings(a.id()));
    }

    private AccountActivity activity(InspectedAccount a) {
        return AccountActivity.of(store.articleTimes(a.id()), store.ledgerPublications(a.id()));
    }

    private List<InspectedAccount> selected(Optional<String> only) {
        if (only.isEmpty()) {
            return accounts;
        }
        return accounts.stream().filter(a -> a.id().equals(only.get())).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("没有编号为“" + only.get() + "”的公众号（已配置："
                        + String.join("、", accounts.stream().map(InspectedAccount::id).toList()) + "）"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
