package cn.gongkai.web;

import cn.gongkai.item.Scope;
import cn.gongkai.portal.PortalCounter;
import cn.gongkai.portal.PortalYearCounts;
import java.util.List;

/**
 * The 报区政府办 card of 统计: the year's packages sent (报送数), adopted (采用数) and the rate (采用率), in all and by
 * category and month ({@link PortalCounter}, as {@code gongkai counts --channel portal}): a unit's own 报送 in a
 * district, every unit's for the district roles.
 */
final class PortalStatsCard {
    private final PortalCounter counter;
    private final Site site;

    PortalStatsCard(PortalCounter counter, Site site) {
        this.counter = counter;
        this.site = site;
    }

    /**
     * What {@code portal-stats.ftlh} shows: whether any portal is configured, the totals, and a row per category
     * and per month.
     */
    public record Card(boolean configured, int sent, int adopted, String rate, List<Row> categories,
                       List<Row> months) {
    }

    /** Sent, adopted and the rate under a key (a category, or a month as "3月"). */
    public record Row(String key, int sent, int adopted, String rate) {
    }

    /** The card of {@code year} for the rows in {@code scope} ({@link Site#recordsScope}). */
    Card card(int year, Scope scope) {
        PortalYearCounts counts = counter.countIn(year, scope);
        List<Row> categories = counts.byCategory().entrySet().stream()
                .map(e -> row(e.getKey().isEmpty() ? "（未分类）" : e.getKey(), e.getValue())).toList();
        List<Row> months = counts.byMonth().entrySet().stream().map(e -> row(e.getKey() + "月", e.getValue()))
                .toList();
        return new Card(!PortalRows.portals(site, scope).isEmpty(), counts.total().articles(), counts.total().adopted(),
                counts.total().rate(), categories, months);
    }

    private static Row row(String key, PortalYearCounts.Count c) {
        return new Row(key, c.articles(), c.adopted(), c.rate());
    }
}
