package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** 稿件 ({@code /items}, filtered by status, category, month and text) and 审核 ({@code /review}). */
final class ItemListPages {
    /** Items per page of 稿件: the list is asked of the database one page at a time. */
    static final int PAGE_SIZE = 100;
    /** What 稿件 and 审核 read. */
    record Uses(ItemRepository items, ReviewService review, Site site) {
    }

    private final Uses s;
    private final Views views;
    private final ItemPages items;

    ItemListPages(Uses services, Views views, ItemPages items) {
        this.s = services;
        this.views = views;
        this.items = items;
    }
    void register(RoutesConfig routes) {
        routes.get("/items", this::list);
        routes.get("/review", this::reviewList);
    }

    private void list(Context ctx) {
        Filter f = Filter.of(ctx);
        int page = page(ctx);
        // One more than a page: whether there is a next page, without counting every match.
        ItemQuery query = ItemQuery.all().scope(ConsoleAccess.user(ctx).scope()).status(f.st())
                .category(f.category()).text(f.q()).byNewestChange().page(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        if (f.ym() != null) {
            query = query.within(f.ym().atDay(1).atStartOfDay(views.zone()).toInstant(),
                    f.ym().plusMonths(1).atDay(1).atStartOfDay(views.zone()).toInstant());
        }
        List<ItemHead> found = s.items().heads(query);
        List<ItemHead> shown = found.subList(0, Math.min(found.size(), PAGE_SIZE));
        List<ItemPages.Summary> rows = s.review().readingAhead(shown, () -> shown.stream().map(items::summary).toList());
        List<StatusOption> statuses = Arrays.stream(ItemStatus.values())
                .map(x -> new StatusOption(x.name(), x.label())).toList();
        views.page(ctx, "items", "items.ftlh", new ListView(rows, statuses, s.site().config().categories(),
                f.echo(), new Pages(page, (page - 1) * PAGE_SIZE + 1, found.size() > PAGE_SIZE)));
    }

    /** The page asked for ({@code page}, from 1); 1 when not given or not a number. */
    private static int page(Context ctx) {
        String p = ctx.queryParam("page");
        return p != null && p.strip().matches("[1-9]\\d{0,5}") ? Integer.parseInt(p.strip()) : 1;
    }

    /**
     * What {@code items.ftlh} shows: one page of the items found (newest change first), the choices of the filter,
     * the filter as asked and where the page is.
     */
    public record ListView(List<ItemPages.Summary> items, List<StatusOption> statuses, List<String> categories,
                           FilterEcho filter, Pages pages) {
    }

    /** The page shown (from 1), the number of its first item, and whether a next page follows. */
    public record Pages(int page, int first, boolean more) {
    }

    /** A status to filter by. */
    public record StatusOption(String name, String label) {
    }

    /** The filter as asked, each field empty when not given. */
    public record FilterEcho(String status, String category, String month, String q) {
    }

    /** What {@code review.ftlh} shows: the items in review with the user's part, and the chain. */
    public record ReviewView(List<ReviewRow> items, List<String> chain) {
    }

    /** An item in review: whether this user may take its current step, and which step of how many it is at. */
    public record ReviewRow(ItemPages.Summary item, boolean mine, String step) {
    }

    /** The list's filter as asked; a status or month that does not parse is dropped, as if not given. */
    private record Filter(String status, ItemStatus st, String category, String month, YearMonth ym, String q) {
        static Filter of(Context ctx) {
            String status = blankToNull(ctx.queryParam("status"));
            String month = blankToNull(ctx.queryParam("month"));
            ItemStatus st = parsed(status, ItemStatus::parse);
            YearMonth ym = parsed(month, YearMonth::parse);
            return new Filter(st == null ? null : status, st, blankToNull(ctx.queryParam("category")),
                    ym == null ? null : month, ym, blankToNull(ctx.queryParam("q")));
        }

        /** The value parsed; null when there is none or it does not parse. */
        private static <T> T parsed(String value, Function<String, T> parse) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                return null;
            }
        }

        FilterEcho echo() {
            return new FilterEcho(status == null ? "" : status, category == null ? "" : category,
                    month == null ? "" : month, q == null ? "" : q);
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private void reviewList(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        List<ReviewRow> rows = new ArrayList<>();
        List<DisclosureItem> inReview = s.items().search(ItemQuery.all().scope(me.scope())
                .status(ItemStatus.IN_REVIEW));
        s.review().readingAhead(inReview, () -> {
            for (DisclosureItem i : inReview) {
                rows.add(new ReviewRow(items.summary(i), s.review().eligibility(me, i).allowed(),
                        (s.review().currentStep(i) + 1) + "/" + s.review().steps(i).size()));
            }
            return null;
        });
        views.page(ctx, "review", "review.ftlh", new ReviewView(rows,
                s.review().chain(me.unitId()).stream().map(ReviewService::roleLabel).toList()));
    }
}
