package cn.gongkai.web;

import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 待办 ({@code /}): the items waiting for this user, their own open items, failures and reminders. Each list shows
 * {@link #PAGE_SIZE} items a page ({@code ?reviews=2}, {@code ?mine=2}, {@code ?failed=2}) under its total; the
 * database finds, counts and pages the user's own and the failed items, and only the items shown are read whole.
 */
final class TodoPage {
    /** Items per page of each list. */
    static final int PAGE_SIZE = 20;
    /** The statuses of the user's own items the page lists: not yet published. */
    private static final Set<ItemStatus> OPEN = Set.of(ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.IN_REVIEW,
            ItemStatus.FAILED);
    /** The audit decisions that make their actor an author of an item ({@link AuditAction#authors()}). */
    private static final Set<String> AUTHORING = Arrays.stream(AuditAction.values()).filter(AuditAction::authors)
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** What 待办 reads. */
    record Uses(ItemRepository items, ReviewService review, Watchdog watchdog, Site site) {
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
    public record View(Listing reviews, Listing mine, Listing failed, List<StatusCount> statuses,
                       List<String> warnings, List<String> missingRoles, boolean reviewer) {
    }

    /**
     * One page of a list: its items, how many there are in all, the page (from 1), the number of its first item,
     * whether a next page follows, and the query parameter that turns its pages.
     */
    public record Listing(List<ItemPages.Summary> rows, int total, int page, int first, boolean more, String param) {
        static Listing of(List<ItemPages.Summary> rows, int total, int page, String param) {
            int first = (page - 1) * PAGE_SIZE + 1;
            return new Listing(rows, total, page, first, first - 1 + rows.size() < total, param);
        }
    }

    /** How many items are in a status. */
    public record StatusCount(String name, String label, int count) {
    }

    private void todo(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        Map<ItemStatus, Integer> counts = s.items().countByStatus(me.scope());
        List<StatusCount> statuses = new ArrayList<>();
        for (ItemStatus st : ItemStatus.values()) {
            statuses.add(new StatusCount(st.name(), st.label(), counts.getOrDefault(st, 0)));
        }
        View view = new View(reviews(me, page(ctx, "reviews")), mine(me, page(ctx, "mine")),
                failed(me, page(ctx, "failed"), counts.getOrDefault(ItemStatus.FAILED, 0)), statuses, warnings(me),
                missingRoles(me), inChain(me, false) || inChain(me, true));
        views.page(ctx, "todo", "todo.ftlh", view);
    }

    /** The page of a list asked for ({@code name}, from 1); 1 when not given or not a number. */
    private static int page(Context ctx, String name) {
        String p = ctx.queryParam(name);
        return p != null && p.strip().matches("[1-9]\\d{0,5}") ? Integer.parseInt(p.strip()) : 1;
    }

    private boolean inChain(User me, boolean important) {
        return (important ? s.review().policy().importantChain(me.unitId()) : s.review().chain(me.unitId()))
                .contains(me.role().id());
    }

    /**
     * The items in review this user may decide now. Whose turn it is follows from each item's audit trail, so the
     * review decides it ({@link ReviewService#eligibility}) for every item in review whose chain has the user's role
     * (the important ones only, when the role is only in the important chain); their histories are read in one go.
     */
    private Listing reviews(User me, int page) {
        if (!inChain(me, false) && !inChain(me, true)) {
            return Listing.of(List.of(), 0, page, "reviews");
        }
        ItemQuery query = ItemQuery.all().scope(me.scope()).status(ItemStatus.IN_REVIEW).important(inChain(me, false) ? null : true);
        List<ItemHead> candidates = s.items().heads(query);
        return s.review().readingAhead(candidates, () -> {
            List<ItemHead> mine = candidates.stream().filter(i -> s.review().eligibility(me, i).allowed())
                    .toList();
            return Listing.of(shown(mine, page).stream().map(items::summary).toList(), mine.size(), page, "reviews");
        });
    }

    /** The user's own items not yet published: found, counted and paged by the database. */
    private Listing mine(User me, int page) {
        ItemQuery query = ItemQuery.all().scope(me.scope()).statuses(OPEN).authoredBy(me.name(), AUTHORING);
        return listing(query, s.items().count(query), page, "mine");
    }

    private Listing failed(User me, int page, int total) {
        return listing(ItemQuery.all().scope(me.scope()).status(ItemStatus.FAILED), total, page, "failed");
    }

    private Listing listing(ItemQuery query, int total, int page, String param) {
        if ((page - 1) * PAGE_SIZE >= total) {
            return Listing.of(List.of(), total, page, param);
        }
        List<ItemHead> shown = s.items().heads(query.page(PAGE_SIZE, (page - 1) * PAGE_SIZE));
        return Listing.of(s.review().readingAhead(shown, () -> shown.stream().map(items::summary).toList()), total,
                page, param);
    }

    private static <T> List<T> shown(List<T> all, int page) {
        int from = Math.min(all.size(), (page - 1) * PAGE_SIZE);
        return all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
    }

    /** The watchdog's warnings about the accounts the user's scope sees (its unit's). */
    private List<String> warnings(User me) {
        try {
            java.util.Set<String> mine = new java.util.HashSet<>(s.site().accounts(me.scope()).stream()
                    .map(cn.gongkai.config.AccountConfig::id).toList());
            return s.watchdog().check().stream().filter(w -> w.account() == null || mine.contains(w.account()))
                    .map(Watchdog.Warning::message).toList();
        } catch (RuntimeException e) {
            return List.of("无法检查发布提醒：" + e.getMessage());
        }
    }

    /**
     * Steps of the chain and of the important chain no enabled user can take yet, so an administrator knows whom to
     * add; the rule is the review's ({@link ReviewService#unheldRoles(String)}). Of the user's unit; the district
     * office reviews nothing.
     */
    private List<String> missingRoles(User me) {
        if (me.unitId() == null) {
            return List.of();
        }
        return s.review().unheldRoles(me.unitId()).stream().map(ReviewService::roleLabel).toList();
    }
}
