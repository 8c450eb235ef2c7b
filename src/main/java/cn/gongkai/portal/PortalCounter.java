package cn.gongkai.portal;

import cn.gongkai.item.Scope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the 报区政府办 channel by year (in the configured zone): 报送 and 采用 by category and month. */
public final class PortalCounter {
    private final DeliveryStore store;
    private final ZoneId zone;
    private final List<String> categories;

    public PortalCounter(DeliveryStore store, ZoneId zone, List<String> categories) {
        this.store = store;
        this.zone = zone;
        this.categories = List.copyOf(categories);
    }

    /** The counts of {@code year} for one portal, or all when {@code portalId} is null. */
    public PortalYearCounts count(int year, String portalId) {
        return count(year, portalId, null);
    }

    /**
     * The counts of {@code year} of {@code portalId}, or of every portal in {@code only} when it is null ({@code only}
     * null: every portal) — a unit's portals, in a district (issue 19).
     */
    public PortalYearCounts count(int year, String portalId, java.util.Set<String> only) {
        ZonedDateTime from = start(year);
        List<PortalDelivery> rows = store.sentBetween(from.toInstant(), from.plusYears(1).toInstant(), portalId);
        return tally(year, portalId, rows.stream().filter(d -> only == null || only.contains(d.portalId())).toList());
    }

    /** The counts of {@code year} of the rows in {@code scope} (a unit's own 报送, or the district's). */
    public PortalYearCounts countIn(int year, Scope scope) {
        ZonedDateTime from = start(year);
        return tally(year, null, store.sentIn(scope, from.toInstant(), from.plusYears(1).toInstant()));
    }

    private ZonedDateTime start(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone);
    }

    private PortalYearCounts tally(int year, String portalId, List<PortalDelivery> sent) {
        Map<String, PortalYearCounts.Count> byCategory = new LinkedHashMap<>();
        categories.forEach(c -> byCategory.put(c, PortalYearCounts.Count.ZERO));
        Map<Integer, PortalYearCounts.Count> byMonth = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(m, PortalYearCounts.Count.ZERO);
        }
        Map<String, Map<Integer, PortalYearCounts.Count>> cells = new LinkedHashMap<>();
        PortalYearCounts.Count total = PortalYearCounts.Count.ZERO;
        for (PortalDelivery d : sent) {
            boolean adopted = d.state() == DeliveryState.ADOPTED;
            int month = d.sentAt().atZone(zone).getMonthValue();
            total = total.plus(adopted);
            byCategory.merge(d.category(), PortalYearCounts.Count.ZERO.plus(adopted), (a, b) -> a.plus(adopted));
            byMonth.merge(month, PortalYearCounts.Count.ZERO.plus(adopted), (a, b) -> a.plus(adopted));
            cells.computeIfAbsent(d.category(), k -> new TreeMap<>())
                    .merge(month, PortalYearCounts.Count.ZERO.plus(adopted), (a, b) -> a.plus(adopted));
        }
        return new PortalYearCounts(year, portalId, total, byCategory, byMonth, cells);
    }
}
