package cn.gongkai.portal;

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
        Map<String, PortalYearCounts.Count> byCategory = new LinkedHashMap<>();
        categories.forEach(c -> byCategory.put(c, PortalYearCounts.Count.ZERO));
        Map<Integer, PortalYearCounts.Count> byMonth = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(m, PortalYearCounts.Count.ZERO);
        }
        Map<String, Map<Integer, PortalYearCounts.Count>> cells = new LinkedHashMap<>();
        PortalYearCounts.Count total = PortalYearCounts.Count.ZERO;
        ZonedDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(zone);
        for (PortalDelivery d : store.sentBetween(from.toInstant(), from.plusYears(1).toInstant(), portalId)) {
            if (only != null && !only.contains(d.portalId())) {
                continue;
            }
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
