package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the item pages of the console share — 待办 ({@link TodoPage}), 稿件 and 审核 ({@link ItemListPages}), one item
 * ({@link ItemDetailPage}) and what staff do to an item ({@link ItemActions}): loading an item and its summary.
 */
final class ItemPages {
    static final String CHANNEL = "控制台";
    /** Roles that may publish now and requeue failed items. */
    static final Role[] PUBLISHERS = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER};

    /** What the item pages share. */
    record Uses(ItemRepository items, ReviewService review, Site site) {
    }

    private final Uses s;
    private final Views views;

    ItemPages(Uses services, Views views) {
        this.s = services;
        this.views = views;
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("稿件编号应为数字：" + ctx.pathParam("id"));
        }
    }

    DisclosureItem load(long id) {
        return s.items().find(id).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
    }

    /** What lists show of an item. */
    Map<String, Object> summary(DisclosureItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("category", i.content().category());
        m.put("account", s.site().accountName(i.content().account()));
        m.put("status", i.status().name());
        m.put("statusLabel", i.status().label());
        m.put("waitingFor", s.review().waitingFor(i).map(ReviewService::roleLabel).orElse(""));
        m.put("publishAt", views.time(i.content().publishAt()));
        m.put("updated", views.time(i.updatedAt()));
        m.put("created", views.time(i.createdAt()));
        m.put("due", s.review().dueDate(i).toString());
        m.put("overdue", s.review().overdue(i));
        m.put("important", i.content().important());
        m.put("failure", i.failure());
        return m;
    }

    static String imageUrl(ItemImage img) {
        return "/images/" + img.sha256();
    }

    static List<Map<String, Object>> findings(CheckReport report) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            out.add(Map.of("error", f.severity() == cn.gongkai.review.checks.Severity.ERROR, "label",
                    f.severity().label(), "where", where(f), "message", f.message()));
        }
        return out;
    }

    static String where(Finding f) {
        String field = switch (f.field()) {
            case "title" -> "标题";
            case "author" -> "作者";
            case "body" -> "正文";
            case "doc_no" -> "文号";
            case "cover" -> "封面";
            case "images" -> "图片";
            case "source_url" -> "原文链接";
            case "digest" -> "摘要";
            case "publish_at" -> "计划发布时间";
            default -> f.field().startsWith("notes") ? "备注" : f.field();
        };
        return f.line() == 0 ? field : field + "第 " + f.line() + " 行";
    }
}
