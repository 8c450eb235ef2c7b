package cn.gongkai.web;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.review.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 报区政府办 card of the item page: the item's delivery to each portal of its unit whose categories take it (and
 * any earlier delivery to a portal no longer configured), and whether this user may record the office's decision or
 * send again ({@link PortalItemActions}). The rows are read within the user's scope, and no other unit's portal is
 * named.
 */
final class PortalItemStatus {
    private final DeliveryStore deliveries;
    private final Site site;
    private final PortalRows rows;

    PortalItemStatus(DeliveryStore deliveries, Site site, Views views) {
        this.deliveries = deliveries;
        this.site = site;
        this.rows = new PortalRows(site, views);
    }

    /**
     * What {@code portal-item.ftlh} shows: a row per portal ({@code waiting} holds the names of portals that take
     * the item but have no delivery yet), whether this user may decide and the longest link accepted.
     */
    public record Card(List<PortalRows.Row> rows, List<String> waiting, boolean mayDecide, int maxUrl) {
    }

    Card of(User me, DisclosureItem item) {
        Map<String, PortalDelivery> byPortal = deliveries.ofItem(item.id(), site.recordsScope(me)).stream()
                .collect(Collectors.toMap(PortalDelivery::portalId, Function.identity(), (a, b) -> a));
        List<PortalRows.Row> shown = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (PortalConfig p : PortalRows.portalsOf(site, item)) {
            PortalDelivery d = byPortal.remove(p.id());
            if (d != null) {
                shown.add(rows.of(d));
            } else if (p.takes(item.content().category())) {
                waiting.add(p.name());
            }
        }
        byPortal.values().forEach(d -> shown.add(rows.of(d)));
        return new Card(shown, waiting, ConsoleAccess.holds(me, ItemPages.PUBLISHERS), PortalItemActions.MAX_URL);
    }
}
