package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Scope;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * What staff record about a delivery: the office adopted it (with the portal's link) or not, and "send again" after a
 * failure they fixed. Each is an audit row on the item. Refusals are {@link IllegalArgumentException}s in Chinese.
 * Each reads the row within the asking person's {@link Scope} first (the methods without one: the district's, as the
 * command line of a single bureau); another unit's row is answered as one never sent.
 */
public final class DeliveryDecisions {
    private static final Set<DeliveryState> DECIDABLE =
            Set.of(DeliveryState.SENT, DeliveryState.ADOPTED, DeliveryState.NOT_ADOPTED);

    private final PortalRunner runner;
    private final DeliveryStore store;
    private final ItemRepository items;
    private final AuditLog audit;
    private final Users users;
    private final Clock clock;

    public DeliveryDecisions(PortalRunner runner, DeliveryStore store, ItemRepository items, AuditLog audit,
                             Users users, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.items = items;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    /** The office ran the item on its portal at {@code url}; recording again replaces the link. */
    public PortalDelivery recordAdoption(long itemId, String portalId, String url, String user) {
        return recordAdoption(itemId, portalId, url, user, Scope.district());
    }

    /** {@link #recordAdoption(long, String, String, String)} of a row in {@code scope}. */
    public PortalDelivery recordAdoption(long itemId, String portalId, String url, String user, Scope scope) {
        refuseInternal(portalId);
        String link = url == null ? "" : url.strip();
        if (!isWebLink(link)) {
            throw new IllegalArgumentException("采用链接应为 http:// 或 https:// 开头的网址，请从区政府门户网站复制该文章的地址：" + link);
        }
        return decide(itemId, portalId, DeliveryState.ADOPTED, link, user, AuditAction.PORTAL_ADOPTED, scope);
    }

    /**
     * The receiving unit of an internal portal decided: ADOPTED with the console address {@code link}
     * ({@code /items/N}) of the item it made, or NOT_ADOPTED with an empty link; only {@link InternalAdoption} records
     * it so.
     */
    PortalDelivery recordInternal(long itemId, String portalId, DeliveryState to, String link, String user) {
        if (!runner.portal(portalId).isInternal()) {
            throw new IllegalArgumentException("报送单位 " + portalId + " 不是本实例内的单位");
        }
        return decide(itemId, portalId, to, link, user,
                to == DeliveryState.ADOPTED ? AuditAction.PORTAL_ADOPTED : AuditAction.PORTAL_NOT_ADOPTED,
                Scope.district());
    }

    /** The office decided not to run the item. */
    public PortalDelivery recordNotAdopted(long itemId, String portalId, String user) {
        return recordNotAdopted(itemId, portalId, user, Scope.district());
    }

    /** {@link #recordNotAdopted(long, String, String)} of a row in {@code scope}. */
    public PortalDelivery recordNotAdopted(long itemId, String portalId, String user, Scope scope) {
        refuseInternal(portalId);
        return decide(itemId, portalId, DeliveryState.NOT_ADOPTED, "", user, AuditAction.PORTAL_NOT_ADOPTED, scope);
    }

    /**
     * Sends a failed delivery again now, under its first identity (the receiver recognises it as the same item);
     * returns the row after the attempt.
     */
    public PortalDelivery resend(long itemId, String portalId, String user) {
        return resend(itemId, portalId, user, Scope.district());
    }

    /** {@link #resend(long, String, String)} of a row in {@code scope}. */
    public PortalDelivery resend(long itemId, String portalId, String user, Scope scope) {
        PortalConfig portal = runner.portal(portalId);
        User actor = active(user);
        PortalDelivery row = existing(itemId, portal, scope);
        if (row.state() != DeliveryState.FAILED) {
            throw new IllegalArgumentException("稿件 " + itemId + " 报送" + portal.name() + "的状态是“" + row.state().label()
                    + "”，只有报送失败的才能重新报送");
        }
        Instant now = clock.instant();
        if (store.resend(itemId, portalId, now)) {
            items.find(itemId).ifPresent(item -> note(item, actor, AuditAction.PORTAL_RESEND,
                    "重新报送" + portal.name() + "（上次失败：" + row.failure() + "）", now));
        }
        return runner.sendNow(portalId, itemId).orElse(row);
    }

    private PortalDelivery decide(long itemId, String portalId, DeliveryState to, String url, String user,
                                  AuditAction action, Scope scope) {
        PortalConfig portal = runner.portal(portalId);
        User actor = active(user);
        PortalDelivery row = existing(itemId, portal, scope);
        if (!DECIDABLE.contains(row.state())) {
            throw new IllegalArgumentException("稿件 " + itemId + " 还没有成功报送给" + portal.name() + "（当前："
                    + row.state().label() + "），报送成功后才能登记是否采用");
        }
        Instant now = clock.instant();
        if (!store.decide(itemId, portalId, to, url, actor.name(), now)) {
            throw new IllegalArgumentException("稿件 " + itemId + " 的报送状态刚刚被改变，请查看后再登记");
        }
        items.find(itemId).ifPresent(item -> note(item, actor, action,
                portal.name() + (url.isEmpty() ? "未采用" : "已采用：" + url), now));
        return store.find(itemId, portalId).orElse(row);
    }

    /** An internal portal's receiving unit decides in its 报送 inbox; nobody records it by hand. */
    private void refuseInternal(String portalId) {
        PortalConfig portal = runner.portal(portalId);
        if (portal.isInternal()) {
            throw new IllegalArgumentException(portal.name() + "是本实例内的单位：是否采用由它在“报送收件箱”中处理，"
                    + "采用后统计自动更新，不需要登记");
        }
    }

    private PortalDelivery existing(long itemId, PortalConfig portal, Scope scope) {
        return store.find(itemId, portal.id(), scope).orElseThrow(() -> new IllegalArgumentException(
                "稿件 " + itemId + " 还没有报送给" + portal.name() + "（可用 gongkai portal status 查看报送记录）"));
    }

    private void note(DisclosureItem item, User actor, AuditAction action, String comment, Instant at) {
        audit.append(AuditEntry.byUser(actor.name(), actor.role().id(), item,
                action, item.status(), item.status(), comment, at));
    }

    private User active(String user) {
        User actor = users.require(user);
        if (!actor.active()) {
            throw new IllegalArgumentException("用户“" + actor.name() + "”已停用，不能登记");
        }
        return actor;
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return (link.startsWith("https://") || link.startsWith("http://")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
