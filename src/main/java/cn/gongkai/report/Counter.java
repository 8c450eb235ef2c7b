package cn.gongkai.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts a year's publications from the ledger. A year is counted by publish time in the configured zone, from
 * 1 January 00:00 up to (not including) the next 1 January 00:00. The database does the counting.
 */
public final class Counter {
    /** The group of articles without a department. */
    public static final String NO_DEPARTMENT = "（未填部门）";
    /** The group of articles without a category. */
    public static final String NO_CATEGORY = "（未分类）";

    private final LedgerStatistics ledger;
    private final ZoneId zone;
    private final List<String> categoryOrder;
    private final PortalChannel portals;

    public Counter(LedgerStatistics ledger, ZoneId zone, List<String> categoryOrder) {
        this(ledger, zone, categoryOrder, null);
    }

    /** A counter that also counts the 报区政府办 channel ({@code portals} may be null: WeChat only). */
    public Counter(LedgerStatistics ledger, ZoneId zone, List<String> categoryOrder, PortalChannel portals) {
        this.ledger = ledger;
        this.zone = zone;
        this.categoryOrder = List.copyOf(categoryOrder);
        this.portals = portals;
    }

    /** The 报区政府办 channel's counts, when this counter was given them. */
    public Optional<PortalChannel> portals() {
        return Optional.ofNullable(portals);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first instant of the year in the configured zone. */
    public Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    }

    public YearCounts count(int year, CountBy by) {
        checkYear(year);
        Instant from = startOf(year);
        Instant to = startOf(year + 1);
        Map<String, LedgerStatistics.Group> groups = new LinkedHashMap<>();
        LedgerStatistics.Totals totals;
        if (by == CountBy.MONTH) {
            List<Instant> bounds = new ArrayList<>();
            for (int m = 1; m <= 13; m++) {
                bounds.add(m == 13 ? to : LocalDate.of(year, m, 1).atStartOfDay(zone).toInstant());
            }
            LedgerStatistics.Tally months = ledger.byInterval(bounds);
            totals = months.totals();
            for (int m = 1; m <= 12; m++) {
                groups.put(String.format("%d-%02d", year, m), months.groups().get(String.valueOf(m - 1)));
            }
        } else {
            LedgerStatistics.Tally tally = ledger.byColumn(from, to, by);
            totals = tally.totals();
            Map<String, LedgerStatistics.Group> found = new TreeMap<>(tally.groups());
            if (by == CountBy.CATEGORY) {
                categoryOrder.forEach(c -> groups.put(c, found.getOrDefault(c, new LedgerStatistics.Group(0, 0))));
                categoryOrder.forEach(found::remove);
            }
            found.forEach((k, g) -> groups.merge(label(k, by), g,
                    (a, b) -> new LedgerStatistics.Group(a.articles() + b.articles(), a.deleted() + b.deleted())));
        }
        Map<String, Integer> articles = new LinkedHashMap<>();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        groups.forEach((k, g) -> {
            articles.put(k, Math.toIntExact(g.articles()));
            deleted.put(k, Math.toIntExact(g.deleted()));
        });
        return new YearCounts(year, by, Math.toIntExact(totals.articles()), Math.toIntExact(totals.pushes()),
                Math.toIntExact(totals.corrections()), Math.toIntExact(totals.deleted()), articles, deleted);
    }

    private static String label(String key, CountBy by) {
        if (!key.isBlank()) {
            return key;
        }
        return by == CountBy.DEPARTMENT ? NO_DEPARTMENT : by == CountBy.CATEGORY ? NO_CATEGORY : "（空）";
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年份超出范围：" + year);
        }
    }
}
