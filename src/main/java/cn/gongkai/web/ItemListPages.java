package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 稿件 ({@code /items}, filtered by status, category, month and text) and 审核 ({@code /review}). */
final class ItemListPages {
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
        ItemQuery query = ItemQuery.all().status(f.st()).category(f.category()).text(f.q()).byNewestChange();
        if (f.ym() != null) {
            query = query.within(f.ym().atDay(1).atStartOfDay(views.zone()).toInstant(),
                    f.ym().plusMonths(1).atDay(1).atStartOfDay(views.zone()).toInstant());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DisclosureItem i : s.items().search(query)) {
            rows.add(items.summary(i));
        }
        List<Map<String, String>> statuses = new ArrayList<>();
        for (ItemStatus x : ItemStatus.values()) {
            statuses.add(Map.of("name", x.name(), "label", x.label()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "items");
        model.put("items", rows);
        model.put("statuses", statuses);
        model.put("categories", s.site().config().categories());
        model.put("filter", f.echo());
        views.page(ctx, "items.ftlh", model);
    }

    /** The list's filter as asked; a status or month that does not parse is dropped, as if not given. */
    private record Filter(String status, ItemStatus st, String category, String month, YearMonth ym, String q) {
        static Filter of(Context ctx) {
            String status = blankToNull(ctx.queryParam("status"));
            String month = blankToNull(ctx.queryParam("month"));
            ItemStatus st = null;
            if (status != null) {
                try {
                    st = ItemStatus.parse(status);
                } catch (IllegalArgumentException e) {
                    status = null;
                }
            }
            YearMonth ym = null;
            if (month != null) {
                try {
                    ym = YearMonth.parse(month);
                } catch (RuntimeException e) {
                    month = null;
                }
            }
            return new Filter(status, st, blankToNull(ctx.queryParam("category")), month, ym,
                    blankToNull(ctx.queryParam("q")));
        }

        Map<String, String> echo() {
            return Map.of("status", status == null ? "" : status, "category", category == null ? "" : category,
                    "month", month == null ? "" : month, "q", q == null ? "" : q);
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private void reviewList(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DisclosureItem i : s.items().list(ItemStatus.IN_REVIEW)) {
            Map<String, Object> m = items.summary(i);
            m.put("mine", s.review().eligibility(me, i).allowed());
            m.put("step", (s.review().currentStep(i) + 1) + "/" + s.review().steps(i).size());
            rows.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "review");
        model.put("items", rows);
        model.put("chain", s.review().chain().stream().map(ReviewService::roleLabel).toList());
        views.page(ctx, "review.ftlh", model);
    }
}
