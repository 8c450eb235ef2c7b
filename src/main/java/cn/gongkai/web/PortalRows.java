package cn.gongkai.web;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.Scope;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import java.util.List;

/**
 * One delivery to a portal (报区政府办) as the console shows it — on the 发布记录 tab ({@link PortalRecordsPage}) and on
 * the item page ({@link PortalItemStatus}): the state in the office's words, when it was sent, the receipt's
 * reference, the portal's link once adopted and, after a failure, why and what to do. The adoption of an internal
 * portal's row is not recorded here: the receiving unit decides in its 报送收件箱.
 */
final class PortalRows {
    private final Site site;
    private final Views views;

    PortalRows(Site site, Views views) {
        this.site = site;
        this.views = views;
    }

    /**
     * A delivery row: {@code state} is the stored name (for styling and tests), {@code stateLabel} what staff read;
     * {@code sent}, {@code reference}, {@code adoptedUrl} and {@code failure} are empty when there is none.
     */
    public record Row(long itemId, String title, String portalId, String portalName, String state,
                      String stateLabel, String sent, String reference, String adoptedUrl, String recordedBy,
                      String failure, boolean decidable, boolean resendable) {
    }

    /** The state as the office says it: 待发送, 已报送, 已采用, 未采用 or 发送失败. */
    static String label(DeliveryState state) {
        return switch (state) {
            case PREPARED -> "待发送";
            case SENT -> "已报送";
            case ADOPTED -> "已采用";
            case NOT_ADOPTED -> "未采用";
            case FAILED -> "发送失败";
        };
    }

    /**
     * The portals {@code scope} sees: every one for the district, else those its unit's {@code portals:} lists (each
     * portal belongs to exactly one unit). Another unit's portal is not named on a page and is not found (404).
     */
    static List<PortalConfig> portals(Site site, Scope scope) {
        if (scope.isDistrict()) {
            return site.config().portals();
        }
        String unit = scope.unitId().orElseThrow();
        return site.config().portals().stream().filter(p -> site.config().unitOfPortal(p.id())
                .map(u -> u.id().equals(unit)).orElse(false)).toList();
    }

    /** The portals that send {@code item}: its unit's in a district, every one with a single unit. */
    static List<PortalConfig> portalsOf(Site site, DisclosureItem item) {
        return portals(site, site.config().severalUnits() ? Scope.unit(item.unitId()) : Scope.district());
    }

    /** The configured portal's name, or its id when it is no longer configured. */
    String portalName(String portalId) {
        return site.config().portals().stream().filter(p -> p.id().equals(portalId)).map(PortalConfig::name)
                .findFirst().orElse(portalId);
    }

    /** Whether the portal is a unit of this instance, which decides in its 报送收件箱 (nobody records it by hand). */
    private boolean internal(String portalId) {
        return site.config().portal(portalId).map(PortalConfig::isInternal).orElse(false);
    }

    Row of(PortalDelivery d) {
        DeliveryState state = d.state();
        return new Row(d.itemId(), d.title(), d.portalId(), portalName(d.portalId()), state.name(), label(state),
                views.time(d.sentAt()), d.reference(), d.adoptedUrl(), recorded(d), failure(d),
                state.delivered() && !internal(d.portalId()), state == DeliveryState.FAILED);
    }

    private static String recorded(PortalDelivery d) {
        if (d.recordedBy().isEmpty()) {
            return "";
        }
        return d.recordedBy().equals("portal") ? "门户接口返回" : d.recordedBy() + " 登记";
    }

    private String failure(PortalDelivery d) {
        if (d.state() != DeliveryState.FAILED) {
            return "";
        }
        String next = d.nextAttemptAt() == null ? "排除原因后，在稿件页点“重新报送”。"
                : "系统将于 " + views.time(d.nextAttemptAt()) + " 自动重试。";
        return d.failure() + (d.failure().isEmpty() ? "" : " ") + next;
    }
}
