package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The confirmation before every 立即发布: {@code GET /publishing/confirm?account=…} lists the items due now of an
 * account, {@code GET /items/{id}/publish-now} the one item; each page's form posts (with its CSRF token) to the
 * action that publishes ({@code /publishing/run}, {@code /items/{id}/reschedule} with {@code when=now}). In 群发
 * mode the page says that followers will be notified.
 */
final class PublishNowPages {
    /** At most this many titles are listed; the count is always the full one. */
    static final int LISTED = 200;

    /** What the confirmation pages read. */
    record Uses(ItemRepository items, ReviewService review, Site site) {
    }

    /**
     * What {@code confirm-publish.ftlh} shows: the titles to go out and how many, the 群发 warning and the daily cap
     * (empty when they do not apply), where the form posts, the account (publishing run) or whether a reason is asked
     * (one item), and where 取消 leads.
     */
    public record View(List<String> titles, long count, String massNote, String capNote, String action,
                       String account, boolean reason, String back) {
    }

    private final Uses s;
    private final Views views;
    private final ItemPages items;

    PublishNowPages(Uses services, Views views, ItemPages items) {
        this.s = services;
        this.views = views;
        this.items = items;
    }

    void register(RoutesConfig routes) {
        routes.get("/publishing/confirm", this::run);
        routes.get("/items/{id}/publish-now", this::one);
    }

    private void run(Context ctx) {
        // another unit's account is not found, whatever the role
        String id = s.site().account(ctx.queryParam("account"), ConsoleAccess.user(ctx).scope());
        ConsoleAccess.requireRole(ctx, "立即发布", ItemPages.PUBLISHERS);
        AccountConfig account = s.site().config().account(id).orElseThrow();
        ItemRepository.Queue queue = s.items().approvedQueue(account.id(), s.site().clock().instant());
        List<String> titles = s.items().dueForPublishing(account.id(), s.site().clock().instant(), LISTED).stream()
                .map(DisclosureItem::title).toList();
        views.page(ctx, "publishing", "confirm-publish.ftlh", new View(titles, queue.due(), massNote(account),
                capNote(account), "/publishing/run", account.id(), false, "/publishing"));
    }

    private void one(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        DisclosureItem item = items.load(ItemPages.id(ctx), me.scope());
        if (!s.review().reschedulable(me, item)) {
            throw new Forbidden("稿件 " + item.id() + "《" + item.title() + "》当前为“" + item.status().label()
                    + "”，或您无权调整它的发布时间：只有已审定的稿件可以立即发布。");
        }
        AccountConfig account = s.site().config().account(item.content().account()).orElse(null);
        views.page(ctx, "items", "confirm-publish.ftlh", new View(List.of(item.title()), 1,
                account == null ? "" : massNote(account), "", "/items/" + item.id() + "/reschedule", "", true,
                "/items/" + item.id()));
    }

    static String massNote(AccountConfig account) {
        return account.massSends()
                ? "群发模式：关注者会收到推送通知，每天限 1 次（" + account.name() + "）。" : "";
    }

    private static String capNote(AccountConfig account) {
        return account.dailyCap() > 0 ? "本公众号每天最多发布 " + account.dailyCap() + " 篇，超出的顺延到下一个发布时段。" : "";
    }
}
