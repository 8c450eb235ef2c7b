package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.RunReport;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 发布记录 ({@code /publishing}): the recent publishing batches with their WeChat state and the reason of a failure
 * in Chinese, failed items to requeue, and "publish what is due now" per account ({@code POST /publishing/run},
 * the same code path as the scheduled job).
 */
final class PublishPages {
    private static final Logger LOG = LoggerFactory.getLogger(PublishPages.class);
    private static final int RECENT = 50;

    /** What 发布记录 reads and runs. */
    record Uses(ItemRepository items, BatchRepository batches, Publisher publisher, Site site) {
    }

    private final Uses s;
    private final Views views;

    PublishPages(Uses services, Views views) {
        this.s = services;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/publishing", this::page);
        routes.post("/publishing/run", this::run);
    }

    private void page(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        List<Map<String, Object>> batches = new ArrayList<>();
        for (PublishBatch b : s.batches().recent(RECENT)) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (long id : b.itemIds()) {
                Optional<DisclosureItem> i = s.items().find(id);
                items.add(Map.of("id", id, "title", i.map(DisclosureItem::title).orElse("（稿件 " + id + "）")));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("account", s.site().accountName(b.account()));
            m.put("mode", b.mass() ? "群发（通知粉丝）" : "发布（不推送通知）");
            m.put("state", b.state().name());
            m.put("stateLabel", b.state().label());
            m.put("items", items);
            m.put("publishId", b.publishId());
            m.put("error", b.error());
            m.put("created", views.time(b.createdAt()));
            m.put("updated", views.time(b.updatedAt()));
            batches.add(m);
        }
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<DisclosureItem> approved = s.items().list(ItemStatus.APPROVED);
        for (AccountConfig a : s.site().config().accounts()) {
            long due = s.items().dueForPublishing(a.id(), s.site().clock().instant(), 1000).size();
            long planned = approved.stream().filter(i -> i.content().account().equals(a.id())).count() - due;
            accounts.add(Map.of("id", a.id(), "name", a.name(), "due", due, "planned", Math.max(0, planned),
                    "slot", CronText.of(a.cron()), "sandbox", a.sandbox(), "dryRun", a.dryRun()));
        }
        List<Map<String, Object>> failed = new ArrayList<>();
        for (DisclosureItem i : s.items().list(ItemStatus.FAILED)) {
            failed.add(Map.of("id", i.id(), "title", i.title(), "failure", i.failure(), "updated",
                    views.time(i.updatedAt()), "account", s.site().accountName(i.content().account())));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "publishing");
        model.put("batches", batches);
        model.put("accounts", accounts);
        model.put("failed", failed);
        model.put("canPublish", canPublish(me));
        views.page(ctx, "publishing.ftlh", model);
    }

    private static boolean canPublish(User me) {
        return ConsoleAccess.holds(me, ItemPages.PUBLISHERS);
    }

    private void run(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "立即发布", ItemPages.PUBLISHERS);
        String account = ctx.formParam("account");
        if (s.site().config().accounts().stream().noneMatch(a -> a.id().equals(account))) {
            throw new NotFound("公众号“" + account + "”未配置");
        }
        LOG.info("{} started a publishing run for account {} from the console", me.name(), account);
        RunReport r = s.publisher().run(account);
        StringBuilder sb = new StringBuilder();
        if (r.batches() == 0) {
            sb.append("没有到期待发布的稿件。");
        } else {
            sb.append("发布了 ").append(r.published()).append(" 篇");
            if (r.failed() > 0) {
                sb.append("，失败 ").append(r.failed()).append(" 篇");
            }
            if (r.pending() > 0) {
                sb.append("，").append(r.pending()).append(" 批仍在等待微信处理（稍后自动查询结果）");
            }
            sb.append("。");
        }
        for (String m : r.messages()) {
            sb.append(' ').append(m);
        }
        ConsoleAccess.flash(ctx, sb.toString(), r.failed() > 0);
        ctx.redirect("/publishing");
    }
}
