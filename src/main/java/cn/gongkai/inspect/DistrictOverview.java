package cn.gongkai.inspect;

import cn.gongkai.item.ItemHead;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.YearCounts;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Reviewable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The district office's view of every unit (全区): per unit the year's published articles (from the ledger, by the
 * unit's accounts), items in review, items past their time limit (20 working days) and failed publications; per
 * account its last update, idle days (提醒 at 10, 不合格 at 14), today's WeChat calls and the problems the last
 * inspection found in what it actually published. Everything is read in a few queries for the whole district:
 * one count of the year by account, one list of open items, the inspection's stored state, one call count per
 * account.
 *
 * <p>Numbers stay honest when the configuration changed: ledger rows of an account no unit lists any more, and items
 * of a unit the configuration no longer names, are shown on a line of their own ({@link #UNASSIGNED}) so that the
 * district's totals are the ledger's totals.
 */
public final class DistrictOverview {
    /** The id of the line holding what belongs to no configured unit. */
    public static final String UNASSIGNED = "";
    /** Items that are not finished: they can still be late. */
    private static final Set<ItemStatus> OPEN = EnumSet.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW,
            ItemStatus.REJECTED, ItemStatus.APPROVED, ItemStatus.FAILED);

    /** A unit as the configuration names it, with the ids of its accounts. */
    public record UnitRef(String id, String name, List<String> accounts) {
        public UnitRef {
            accounts = List.copyOf(accounts);
        }
    }

    /** One account's line: its name, last update, idle days, today's calls and its last inspection's problems. */
    public record AccountLine(String id, String name, Optional<java.time.Instant> lastUpdate, IdleDays idle,
                              long callsToday, List<Finding> findings) {
        public AccountLine {
            findings = List.copyOf(findings);
        }

        /** The problems that count against the account (错别字, 敏感词, 死链). */
        public long failingFindings() {
            return findings.stream().filter(f -> f.kind().failing()).count();
        }
    }

    /** One unit's year. */
    public record UnitYear(String id, String name, int published, int deleted, int inReview, int approved,
                           int overdue, int failed, List<AccountLine> accounts) {
        public UnitYear {
            accounts = List.copyOf(accounts);
        }

        /** Accounts flagged 不合格 (no update for 14 days or more, or never). */
        public long idleFailing() {
            return accounts.stream().filter(a -> a.idle().flag() == IdleDays.Flag.FAIL).count();
        }

        /** Problems found in what the unit's accounts published. */
        public long findings() {
            return accounts.stream().mapToLong(AccountLine::failingFindings).sum();
        }
    }

    /** The district's year: every unit (in the configuration's order, then the unassigned line) and the totals. */
    public record View(int year, LocalDate today, List<UnitYear> units, UnitYear district) {
        public View {
            units = List.copyOf(units);
        }
    }

    /** Where the overview reads: all of it district-wide, so it is built only for the district roles. */
    public record Sources(Supplier<List<UnitRef>> units, Counter counter, ItemRepository items,
                          Predicate<Reviewable> overdue, Supplier<List<AccountStatus>> inspection,
                          Function<String, Long> callsToday, Clock clock) {
    }

    private final Sources s;

    public DistrictOverview(Sources sources) {
        this.s = sources;
    }

    /** The district's figures for {@code year}; accounts are shown as they stand today. */
    public View year(int year) {
        List<UnitRef> units = s.units().get();
        YearCounts byAccount = s.counter().count(year, CountBy.ACCOUNT);
        Map<String, List<ItemHead>> open = openItemsByUnit();
        Map<String, AccountStatus> statuses = new HashMap<>();
        for (AccountStatus a : s.inspection().get()) {
            statuses.put(a.account().id(), a);
        }
        Map<String, String> unitOfAccount = new HashMap<>();
        units.forEach(u -> u.accounts().forEach(a -> unitOfAccount.put(a, u.id())));

        List<UnitYear> lines = new ArrayList<>();
        for (UnitRef u : units) {
            List<AccountLine> accounts = u.accounts().stream().map(a -> account(a, statuses.get(a))).toList();
            int published = u.accounts().stream().mapToInt(a -> byAccount.groups().getOrDefault(a, 0)).sum();
            int deleted = u.accounts().stream().mapToInt(a -> byAccount.deletedGroups().getOrDefault(a, 0)).sum();
            lines.add(unit(u.id(), u.name(), published, deleted, open.getOrDefault(u.id(), List.of()), accounts));
        }
        unassigned(units, byAccount, open, unitOfAccount).ifPresent(lines::add);
        return new View(year, LocalDate.now(s.clock().withZone(s.counter().zone())), lines, total(lines));
    }

    private Map<String, List<ItemHead>> openItemsByUnit() {
        Map<String, List<ItemHead>> out = new LinkedHashMap<>();
        for (ItemHead h : s.items().heads(ItemQuery.all().statuses(OPEN))) {
            out.computeIfAbsent(h.unitId(), k -> new ArrayList<>()).add(h);
        }
        return out;
    }

    private AccountLine account(String id, AccountStatus status) {
        long calls = s.callsToday().apply(id);
        if (status == null) {
            // An account the inspection does not list (it is not in the configuration's accounts any more).
            return new AccountLine(id, id, Optional.empty(), new IdleDays(-1, IdleDays.Flag.FAIL), calls, List.of());
        }
        return new AccountLine(id, status.account().name(), status.lastUpdate(), status.idle(), calls,
                status.findings());
    }

    private UnitYear unit(String id, String name, int published, int deleted, List<ItemHead> open,
                          List<AccountLine> accounts) {
        int inReview = (int) open.stream().filter(h -> h.status() == ItemStatus.IN_REVIEW).count();
        int approved = (int) open.stream().filter(h -> h.status() == ItemStatus.APPROVED).count();
        int failed = (int) open.stream().filter(h -> h.status() == ItemStatus.FAILED).count();
        int overdue = (int) open.stream().filter(s.overdue()).count();
        return new UnitYear(id, name, published, deleted, inReview, approved, overdue, failed, accounts);
    }

    /** Ledger rows of accounts no unit lists, and open items of units the configuration does not name. */
    private Optional<UnitYear> unassigned(List<UnitRef> units, YearCounts byAccount, Map<String, List<ItemHead>> open,
                                          Map<String, String> unitOfAccount) {
        int published = 0;
        int deleted = 0;
        for (Map.Entry<String, Integer> g : byAccount.groups().entrySet()) {
            if (!unitOfAccount.containsKey(g.getKey())) {
                published += g.getValue();
                deleted += byAccount.deletedGroups().getOrDefault(g.getKey(), 0);
            }
        }
        Set<String> named = new java.util.HashSet<>();
        units.forEach(u -> named.add(u.id()));
        List<ItemHead> orphans = open.entrySet().stream().filter(e -> !named.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
        if (published == 0 && orphans.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unit(UNASSIGNED, "（未归属任何单位）", published, deleted, orphans, List.of()));
    }

    private static UnitYear total(List<UnitYear> lines) {
        return new UnitYear("district", "全区合计", lines.stream().mapToInt(UnitYear::published).sum(),
                lines.stream().mapToInt(UnitYear::deleted).sum(), lines.stream().mapToInt(UnitYear::inReview).sum(),
                lines.stream().mapToInt(UnitYear::approved).sum(), lines.stream().mapToInt(UnitYear::overdue).sum(),
                lines.stream().mapToInt(UnitYear::failed).sum(),
                lines.stream().flatMap(u -> u.accounts().stream()).toList());
    }
}
