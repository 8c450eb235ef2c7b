package cn.gongkai.report;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.item.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The year's 报区政府办 deliveries as a ledger sheet: one row per item and portal sent in the year (the rows
 * {@code counts --channel portal} counts), with where it stands and the office's link once adopted.
 */
public final class PortalLedger {
    /** The columns, as staff see them. */
    public static final List<String> COLUMNS = List.of("事项编号", "标题", "分类", "报送单位", "状态", "报送时间", "报送凭据",
            "采用时间", "链接");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeliveryStore store;
    private final ZoneId zone;
    private final Map<String, String> names;

    public PortalLedger(DeliveryStore store, ZoneId zone, List<PortalConfig> portals) {
        this.store = store;
        this.zone = zone;
        this.names = portals.stream().collect(Collectors.toMap(PortalConfig::id, PortalConfig::name, (a, b) -> a));
    }

    /** The rows sent in {@code year}, in sending order, as text cells under {@link #COLUMNS}. */
    public List<List<String>> rows(int year) {
        return rows(year, Scope.district());
    }

    /** The rows of {@code scope}'s items sent in {@code year}: a unit's own deliveries, or the district's. */
    public List<List<String>> rows(int year, Scope scope) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        return store.sentIn(scope, from, until).stream()
                .sorted(java.util.Comparator.comparing(PortalDelivery::sentAt)
                        .thenComparing(PortalDelivery::itemId).thenComparing(PortalDelivery::portalId))
                .map(this::row).toList();
    }

    private List<String> row(PortalDelivery d) {
        String portal = names.containsKey(d.portalId()) ? names.get(d.portalId()) + "（" + d.portalId() + "）"
                : d.portalId();
        boolean decided = d.state() == DeliveryState.ADOPTED || d.state() == DeliveryState.NOT_ADOPTED;
        return List.of(String.valueOf(d.itemId()), d.title(), d.category(), portal, d.state().label(),
                minute(d.sentAt()), d.reference(), decided && d.state() == DeliveryState.ADOPTED
                        ? minute(d.decidedAt()) : "", d.adoptedUrl());
    }

    private String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }
}
