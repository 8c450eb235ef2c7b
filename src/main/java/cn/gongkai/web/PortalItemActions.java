package cn.gongkai.web;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Scope;
import cn.gongkai.portal.DeliveryDecisions;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the office records about an item's delivery to a portal, on the item page: 记录采用 with the portal's link
 * ({@code POST /items/{id}/portal/{portal}/adopted}), 未采用 ({@code .../not-adopted}) and 重新报送 after a failure
 * ({@code .../resend}) — the roles that publish, through the same use cases as {@code gongkai portal
 * adopted|not-adopted|resend}. The item is read within the user's scope and {@code {portal}} must be one of its
 * unit's portals: another unit's item or portal is not found (404) before anything is read or changed, and the row
 * is read in the same scope.
 */
final class PortalItemActions {
    /** The longest adopted link accepted; portal article addresses are far shorter. */
    static final int MAX_URL = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PortalItemActions.class);

    private final Supplier<DeliveryDecisions> decisions;
    private final ItemRepository items;
    private final Site site;

    PortalItemActions(Supplier<DeliveryDecisions> decisions, ItemRepository items, Site site) {
        this.decisions = decisions;
        this.items = items;
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.post("/items/{id}/portal/{portal}/adopted", this::adopted);
        routes.post("/items/{id}/portal/{portal}/not-adopted", this::notAdopted);
        routes.post("/items/{id}/portal/{portal}/resend", this::resend);
    }

    private void adopted(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "登记采用情况", ItemPages.PUBLISHERS);
        Target t = target(ctx, me);
        long id = t.id();
        String portal = t.portal().id();
        String url = ItemPages.form(ctx, "url");
        if (url.isEmpty()) {
            ItemPages.back(ctx, id, "请粘贴区政府门户网站上这篇文章的网址（http:// 或 https:// 开头）。", true);
            return;
        }
        if (url.length() > MAX_URL) {
            ItemPages.back(ctx, id, "采用链接太长（" + url.length() + " 个字符，最多 " + MAX_URL
                    + " 个）：请只复制门户网站上该文章的地址。", true);
            return;
        }
        decide(ctx, id, () -> {
            PortalDelivery d = decisions.get().recordAdoption(id, portal, url, me.name(), t.scope());
            return ok("已登记：" + t.portal().name() + "采用了这篇稿件，链接 " + d.adoptedUrl() + "。统计中的采用数随之更新。");
        });
    }

    private void notAdopted(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "登记采用情况", ItemPages.PUBLISHERS);
        Target t = target(ctx, me);
        decide(ctx, t.id(), () -> {
            decisions.get().recordNotAdopted(t.id(), t.portal().id(), me.name(), t.scope());
            return ok("已登记：" + t.portal().name() + "未采用这篇稿件。");
        });
    }

    private void resend(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "重新报送", ItemPages.PUBLISHERS);
        Target t = target(ctx, me);
        String name = t.portal().name();
        LOG.info("{} asked to send item {} to portal {} again from the console", me.name(), t.id(), t.portal().id());
        decide(ctx, t.id(), () -> {
            PortalDelivery d = decisions.get().resend(t.id(), t.portal().id(), me.name(), t.scope());
            return switch (d.state()) {
                case SENT, ADOPTED, NOT_ADOPTED -> ok("已重新报送给" + name + "，状态："
                        + PortalRows.label(d.state()) + (d.reference().isEmpty() ? "" : "，编号 " + d.reference()) + "。");
                case FAILED -> new Outcome("重新报送给" + name + "仍然失败：" + d.failure(), true);
                case PREPARED -> ok("已安排重新报送给" + name + "，稍后自动发送。");
            };
        });
    }

    /** What staff are told after an action, and whether it is bad news. */
    private record Outcome(String message, boolean error) {
    }

    private static Outcome ok(String message) {
        return new Outcome(message, false);
    }

    /** Runs a decision and goes back to the item with its message, or with the refusal in Chinese. */
    private void decide(Context ctx, long id, Supplier<Outcome> decision) {
        Outcome outcome;
        try {
            outcome = decision.get();
        } catch (IllegalArgumentException e) {
            outcome = new Outcome(e.getMessage(), true);
        }
        ItemPages.back(ctx, id, outcome.message(), outcome.error());
    }

    /** The item and portal a decision is about, and the scope its row is read in. */
    private record Target(long id, PortalConfig portal, Scope scope) {
    }

    /**
     * The item in the user's scope and one of its unit's portals; otherwise 404 with the words of an item or portal
     * that does not exist.
     */
    private Target target(Context ctx, User me) {
        long id = ItemPages.id(ctx);
        DisclosureItem item = items.find(id, me.scope()).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
        String portal = ctx.pathParam("portal");
        PortalConfig config = PortalRows.portalsOf(site, item).stream().filter(p -> p.id().equals(portal))
                .findFirst().orElseThrow(() -> new NotFound("报送单位“" + portal + "”未配置"));
        return new Target(id, config, site.recordsScope(me));
    }
}
