package cn.gongkai.portal;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.UnitConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 报送 inbox of a unit of this instance (the district office): what the other units' portals with
 * {@code delivery: internal} delivered to it. Only rows that reached it (SENT, ADOPTED, NOT_ADOPTED) are incoming; a
 * row of a portal that delivers elsewhere is not found here, whatever its unit.
 */
public final class InternalInbox {
    /** The newest rows read per portal for the list. */
    static final int PER_PORTAL = 200;
    private static final Pattern ITEM_LINK = Pattern.compile("^/items/(\\d+)$");

    private final GongkaiConfig config;
    private final DeliveryStore store;

    public InternalInbox(GongkaiConfig config, DeliveryStore store) {
        this.config = config;
        this.store = store;
    }

    /**
     * One incoming item: the delivery row, the unit that sent it, and the item made from it in the receiving unit
     * when it was adopted here.
     */
    public record Incoming(PortalDelivery delivery, String sendingUnitId, String sendingUnitName,
                           Optional<Long> adoptedItemId) {
    }

    /** Whether any portal delivers to {@code unitId} inside this instance (it then has an inbox). */
    public boolean receives(String unitId) {
        return unitId != null && !portalsTo(unitId).isEmpty();
    }

    /** The internal portals delivering to {@code unitId}. */
    List<PortalConfig> portalsTo(String unitId) {
        return config.portals().stream().filter(p -> p.receivingUnit().filter(unitId::equals).isPresent()).toList();
    }

    /** What reached {@code unitId}, newest sent first. */
    public List<Incoming> list(String unitId) {
        return portalsTo(unitId).stream()
                .flatMap(p -> store.recent(p.id(), PER_PORTAL).stream())
                .filter(d -> d.state().delivered())
                .sorted(Comparator.comparing(PortalDelivery::sentAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(PortalDelivery::itemId, Comparator.reverseOrder()))
                .map(this::incoming).toList();
    }

    /** One incoming item of {@code unitId}; empty when the portal does not deliver to it or nothing reached it. */
    public Optional<Incoming> find(String unitId, String portalId, long itemId) {
        if (unitId == null || portalsTo(unitId).stream().noneMatch(p -> p.id().equals(portalId))) {
            return Optional.empty();
        }
        return store.find(itemId, portalId).filter(d -> d.state().delivered()).map(this::incoming);
    }

    private Incoming incoming(PortalDelivery d) {
        Optional<UnitConfig> sender = config.unitOfPortal(d.portalId());
        return new Incoming(d, sender.map(UnitConfig::id).orElse(""), sender.map(UnitConfig::name).orElse(d.portalId()),
                adoptedItem(d));
    }

    /** The console address of the item adopted here ({@code /items/N}) as an id, when the row is adopted so. */
    private static Optional<Long> adoptedItem(PortalDelivery d) {
        Matcher m = ITEM_LINK.matcher(d.adoptedUrl());
        return d.state() == DeliveryState.ADOPTED && m.matches() ? Optional.of(Long.parseLong(m.group(1)))
                : Optional.empty();
    }
}
