package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PublishActions;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import cn.gongkai.review.checks.Finding;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** What staff do to one item (approve, reject, submit, requeue, delete, reschedule) and the item images ({@code /images/{sha256}}). */
final class ItemActions {
    /** What the item actions run. */
    record Uses(ReviewService review, PublishActions publishActions, ImageStore images) {
    }

    private final Uses s;

    ItemActions(Uses services) {
        this.s = services;
    }
    void register(RoutesConfig routes) {
        routes.post("/items/{id}/approve", this::approve);
        routes.post("/items/{id}/reject", this::reject);
        routes.post("/items/{id}/submit", this::submit);
        routes.post("/items/{id}/requeue", this::requeue);
        routes.post("/items/{id}/delete", this::delete);
        routes.post("/items/{id}/reschedule", this::reschedule);
        routes.get("/images/{sha}", this::image);
    }

    /** 同意; a repeat (e.g. a double click) is told so and records nothing. */
    private void approve(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = ItemPages.id(ctx);
        ReviewService.Decision decision = s.review().approval(id, me.name(), seenHash(ctx), comment(ctx));
        DisclosureItem after = decision.item();
        String next = after.status() == ItemStatus.APPROVED ? "稿件《" + after.title() + "》已审定，将在发布时段发布。"
                : "稿件《" + after.title() + "》转下一步："
                + s.review().waitingFor(after).map(ReviewService::roleLabel).orElse("") + "审核。";
        ConsoleAccess.flash(ctx, decision.repeated() ? decision.message() + "。" : decision.message() + "。" + next,
                false);
        ctx.redirect("/");
    }

    private void reject(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = ItemPages.id(ctx);
        String comment = required(ctx, id, "退回时请在“审核意见”中写明原因。");
        if (comment == null) {
            return;
        }
        ReviewService.Decision decision = s.review().rejection(id, me.name(), seenHash(ctx), comment);
        ConsoleAccess.flash(ctx, decision.repeated() ? decision.message() + "。" : "已退回稿件《"
                + decision.item().title() + "》，起草人会在待办中看到退回原因。", false);
        ctx.redirect("/");
    }

    private void submit(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = ItemPages.id(ctx);
        try {
            DisclosureItem after = s.review().submit(id, me.name());
            ConsoleAccess.flash(ctx, after.status() == ItemStatus.APPROVED ? "已提交，审核链为空，稿件直接进入待发布。"
                    : "已提交审核，等待" + s.review().waitingFor(after).map(ReviewService::roleLabel).orElse("")
                    + "审核。", false);
        } catch (ChecksFailedException e) {
            StringBuilder sb = new StringBuilder("发布前检查发现 " + e.report().errors().size() + " 个错误，未提交：");
            for (Finding f : e.report().errors()) {
                sb.append(' ').append(ItemPages.whereQuoted(f)).append('：').append(f.message()).append('；');
            }
            ConsoleAccess.flash(ctx, sb.toString(), true);
        }
        ctx.redirect("/items/" + id);
    }

    private void requeue(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "重新排队", ItemPages.PUBLISHERS);
        long id = ItemPages.id(ctx);
        DisclosureItem after = s.publishActions().requeue(id, me.name(), comment(ctx));
        ConsoleAccess.flash(ctx, "稿件《" + after.title() + "》已重新排队，将在下一个发布时段发布。", false);
        ctx.redirect("/items/" + id);
    }

    /** 删除 an item never approved; who may is the review rule ({@link ReviewService#deletable}). */
    private void delete(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = ItemPages.id(ctx);
        try {
            s.review().delete(id, me.name(), comment(ctx));
        } catch (ReviewException e) {
            if (e.forbidden()) {
                throw new Forbidden("您无权删除这篇稿件：只有起草人和办公室主任、办公室分管领导、管理员可以删除。");
            }
            throw e;
        }
        ConsoleAccess.flash(ctx, "已删除稿件 " + id + "。删除的人、时间和原因记入审核与操作记录。", false);
        ctx.redirect("/items");
    }

    /** 调整发布时间 or 立即发布本篇 on an approved item: the approvals stand; a reason is required. */
    private void reschedule(Context ctx) {
        long id = ItemPages.id(ctx);
        String reason = required(ctx, id, "调整发布时间时请写明原因。");
        if (reason != null) {
            moveTime(ctx, id, reason);
        }
    }

    private void moveTime(Context ctx, long id, String reason) {
        User me = ConsoleAccess.user(ctx);
        boolean now = "now".equals(ctx.formParam("when"));
        Instant at = now ? s.review().clock().instant() : plannedTime(ctx, id);
        s.review().reschedule(id, at, me.name(), reason);
        ConsoleAccess.flash(ctx, now ? "已安排立即发布，稿件将在下一次发布运行时发出，审核意见保持有效。"
                : "已调整计划发布时间，审核意见保持有效。", false);
        ctx.redirect("/items/" + id);
    }

    /** The time of the reschedule form ({@code publishAt}, local time); blank means the next publishing slot. */
    private Instant plannedTime(Context ctx, long id) {
        String at = ctx.formParam("publishAt");
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(at.strip()).atZone(s.review().policy().zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ReviewException(id, "计划发布时间格式有误：" + at);
        }
    }

    /** The content hash the review form displayed (hidden field {@code contentHash}). */
    private static String seenHash(Context ctx) {
        String h = ctx.formParam("contentHash");
        return h == null ? "" : h.strip();
    }

    /** The form's comment; when it is blank, tells {@code missing} back on the item page and answers null. */
    private static String required(Context ctx, long id, String missing) {
        String c = comment(ctx);
        if (c.isBlank()) {
            ConsoleAccess.flash(ctx, missing, true);
            ctx.redirect("/items/" + id);
            return null;
        }
        return c;
    }

    private static String comment(Context ctx) {
        String c = ctx.formParam("comment");
        return c == null ? "" : c.strip();
    }

    private void image(Context ctx) {
        String sha = ctx.pathParam("sha");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new NotFound("图片编号有误");
        }
        byte[] bytes = s.images().get(sha, ConsoleAccess.user(ctx).scope())
                .orElseThrow(() -> new NotFound("图片不存在"));
        ctx.contentType(ImageKinds.mimeOf(bytes)).result(bytes);
    }
}
