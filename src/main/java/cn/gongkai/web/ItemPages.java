package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;
import io.javalin.http.Context;
import java.util.List;

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

    /** A form field, stripped; empty when it is missing. */
    static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** Back to the item's page with a message. */
    static void back(Context ctx, long id, String message, boolean error) {
        ConsoleAccess.flash(ctx, message, error);
        ctx.redirect("/items/" + id);
    }

    DisclosureItem load(long id) {
        return s.items().find(id).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
    }

    /** The item when {@code scope} sees it; another unit's item is not found, as one that never existed (404). */
    DisclosureItem load(long id, cn.gongkai.item.Scope scope) {
        return s.items().find(id, scope).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
    }

    /** What lists show of an item ({@code failure}: null unless it failed). */
    public record Summary(long id, String title, String category, String account, String status, String statusLabel,
                          String waitingFor, String publishAt, String updated, String created, String due,
                          boolean overdue, boolean important, String failure) {
    }

    /**
     * One finding of the pre-publish checks, as the item and editor pages list them: {@code where} names the field
     * and, in the body, the paragraph (第 3 段); {@code snippet} quotes the text around the problem, or is empty.
     */
    public record FindingView(boolean error, String label, String where, String snippet, String message) {
    }

    Summary summary(DisclosureItem i) {
        return summary(i.head());
    }

    /** The summary from what a list reads of an item ({@link ItemHead}: no body or children). */
    Summary summary(ItemHead i) {
        return new Summary(i.id(), i.title(), i.category(), s.site().accountName(i.account()),
                i.status().name(), i.status().label(),
                s.review().waitingFor(i).map(ReviewService::roleLabel).orElse(""),
                views.time(i.publishAt()), views.time(i.updatedAt()), views.time(i.createdAt()),
                s.review().dueDate(i).toString(), s.review().overdue(i), i.important(), i.failure());
    }

    static String imageUrl(ItemImage img) {
        return "/images/" + img.sha256();
    }

    static List<FindingView> findings(CheckReport report) {
        return report.findings().stream().map(f -> new FindingView(
                f.severity() == cn.gongkai.review.checks.Severity.ERROR, f.severity().label(), where(f), f.snippet(),
                f.message()))
                .toList();
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
            case "signature" -> "落款单位";
            case "signed_at" -> "成文日期";
            default -> f.field().startsWith("notes") ? "备注" : f.field();
        };
        if (f.paragraph() > 0) {
            return field + f.paragraphLabel();
        }
        return f.line() == 0 ? field : field + "第 " + f.line() + " 行";
    }

    /** Where and, when there is one, the quote: 正文第 3 段“…在本区范围内…”. */
    static String whereQuoted(Finding f) {
        return where(f) + (f.snippet().isEmpty() ? "" : "“" + f.snippet() + "”");
    }
}
