package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 待办 ({@code /}): the items waiting for this user, their own open items, failures and reminders. */
final class TodoPage {
    /** The statuses of the items the lists show: to review, the user's own not yet published, failed. */
    private static final Set<ItemStatus> OPEN = Set.of(ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.IN_REVIEW,
            ItemStatus.FAILED);

    /** What 待办 reads. */
    record Uses(ItemRepository items, ReviewService review, Watchdog watchdog) {
    }

    private final Uses s;
    private final Views views;
    private final ItemPages items;

    TodoPage(Uses services, Views views, ItemPages items) {
        this.s = services;
        this.views = views;
        this.items = items;
    }
    void register(RoutesConfig routes) {
        routes.get("/", this::todo);
    }

    /** What {@code todo.ftlh} shows. */
    public record View(List<ItemPages.Summary> reviews, List<ItemPages.Summary> mine, List<ItemPages.Summary> failed,
                       List<StatusCount> statuses, List<String> warnings, List<String> missingRoles,
                       boolean reviewer) {
    }

    /** How many items are in a status. */
    public record StatusCount(String name, String label, int count) {
    }

    private void todo(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        View view = new View(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), warnings(),
                missingRoles(), s.review().chain().contains(me.role().id())
                || s.review().policy().importantChain().contains(me.role().id()));
        List<DisclosureItem> open = s.items().inStatuses(OPEN);
        s.review().readingAhead(open, () -> {
            open.forEach(i -> sort(me, i, view));
            return null;
        });
        Map<ItemStatus, Integer> counts = s.items().countByStatus();
        for (ItemStatus st : ItemStatus.values()) {
            view.statuses().add(new StatusCount(st.name(), st.label(), counts.getOrDefault(st, 0)));
        }
        views.page(ctx, "todo", "todo.ftlh", view);
    }

    /** Puts the item (in one of the {@link #OPEN} statuses) on each of the user's lists it belongs to. */
    private void sort(User me, DisclosureItem i, View lists) {
        if (s.review().eligibility(me, i).allowed()) {
            lists.reviews().add(items.summary(i));
        }
        if (s.review().authors(i).contains(me.name())) {
            lists.mine().add(items.summary(i));
        }
        if (i.status() == ItemStatus.FAILED) {
            lists.failed().add(items.summary(i));
        }
    }

    private List<String> warnings() {
        try {
            return s.watchdog().check().stream().map(Watchdog.Warning::message).toList();
        } catch (RuntimeException e) {
            return List.of("无法检查发布提醒：" + e.getMessage());
        }
    }

    /**
     * Steps of the chain and of the important chain no enabled user can take yet, so an administrator knows whom to
     * add; the rule is the review's ({@link ReviewService#unheldRoles()}).
     */
    private List<String> missingRoles() {
        return s.review().unheldRoles().stream().map(ReviewService::roleLabel).toList();
    }
}
