package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Scope;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.RunReport;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** What {@code publishing.ftlh} shows: recent batches, each account's due items, failed items. */
    public record View(List<BatchRow> batches, List<AccountRow> accounts, List<FailedRow> failed,
                       boolean canPublish) {
    }

    /** A publishing batch with its articles; {@code publishId} and {@code error} empty when not known or none. */
    public record BatchRow(long id, String account, String mode, String state, String stateLabel,
                           List<ItemLink> items, String publishId, String error, String created, String updated) {
    }

    /** An item by id and title. */
    public record ItemLink(long id, String title) {
    }

    /** An account: its items due now and approved for later, its slots in words, sandbox and dry-run flags. */
    public record AccountRow(String id, String name, long due, long planned, String slot, boolean sandbox,
                             boolean dryRun) {
    }

    /** An item whose publishing failed, with the reason. */
    public record FailedRow(long id, String title, String failure, String updated, String account) {
    }

    private void page(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        Scope scope = me.scope();
        views.page(ctx, "publishing", "publishing.ftlh", new View(batches(scope), accounts(scope), failed(scope),
                canPublish(me)));
    }

    private List<BatchRow> batches(Scope scope) {
        List<PublishBatch> recent = s.batches().recent(RECENT, scope);
        Map<Long, String> titles = s.items().titles(recent.stream().flatMap(b -> b.itemIds().stream()).toList());
        List<BatchRow> batches = new ArrayList<>();
        for (PublishBatch b : recent) {
            List<ItemLink> items = b.itemIds().stream()
                    .map(id -> new ItemLink(id, titles.getOrDefault(id, "（稿件 " + id + "）"))).toList();
            batches.add(new BatchRow(b.id(), s.site().accountName(b.account()),
                    b.mass() ? "群发（通知粉丝）" : "发布（不推送通知）", b.state().name(), b.state().label(), items,
                    b.publishId(), b.error(), views.time(b.createdAt()), views.time(b.updatedAt())));
        }
        return batches;
    }

    private List<AccountRow> accounts(Scope scope) {
        List<AccountRow> accounts = new ArrayList<>();
        for (AccountConfig a : s.site().accounts(scope)) {
            ItemRepository.Queue queue = s.items().approvedQueue(a.id(), s.site().clock().instant());
            accounts.add(new AccountRow(a.id(), a.name(), queue.due(), queue.later(), CronText.of(a.cron()),
                    a.sandbox(), a.dryRun()));
        }
        return accounts;
    }

    private List<FailedRow> failed(Scope scope) {
        return s.items().search(ItemQuery.all().scope(scope).status(ItemStatus.FAILED)).stream().map(i -> new FailedRow(i.id(), i.title(), i.failure(),
                views.time(i.updatedAt()), s.site().accountName(i.content().account()))).toList();
    }

    private static boolean canPublish(User me) {
        return ConsoleAccess.holds(me, ItemPages.PUBLISHERS);
    }

    private void run(Context ctx) {
        // another unit's account is not found, whatever the role
        String account = s.site().account(ctx.formParam("account"), ConsoleAccess.user(ctx).scope());
        User me = ConsoleAccess.requireRole(ctx, "立即发布", ItemPages.PUBLISHERS);
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
