package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.publish.PublishActions;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * 撤回 and 更正 on a published item ({@code POST /items/{id}/withdraw}, {@code /items/{id}/correct}), for the roles
 * that publish (办公室主任, 办公室分管领导, 管理员): the same use cases as {@code gongkai item withdraw|correct}.
 */
final class PublishedItemActions {
    private final PublishActions actions;

    PublishedItemActions(PublishActions actions) {
        this.actions = actions;
    }

    void register(RoutesConfig routes) {
        routes.post("/items/{id}/withdraw", this::withdraw);
        routes.post("/items/{id}/correct", this::correct);
    }

    private void withdraw(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "撤回文章", ItemPages.PUBLISHERS);
        long id = ItemPages.id(ctx);
        String reason = ItemPages.form(ctx, "reason");
        if (reason.isEmpty()) {
            ItemPages.back(ctx, id, "撤回时请写明撤回原因。", true);
            return;
        }
        try {
            DisclosureItem after = actions.withdraw(id, me.name(), reason);
            ItemPages.back(ctx, id, "已从公众号撤回《" + after.title() + "》。台账保留这条记录并标注“已撤回”，年报仍计为已公开。", false);
        } catch (WeChatException e) {
            ItemPages.back(ctx, id, "微信拒绝撤回，文章未改动：" + e.staffMessage(), true);
        }
    }

    private void correct(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "发布更正说明", ItemPages.PUBLISHERS);
        long id = ItemPages.id(ctx);
        String text = ItemPages.form(ctx, "text");
        if (text.isEmpty()) {
            ItemPages.back(ctx, id, "请写明更正内容，例如：原文第二段“2023年”应为“2024年”。", true);
            return;
        }
        try {
            DisclosureItem notice = actions.correct(id, me.name(), text, "on".equals(ctx.formParam("withdraw")));
            ConsoleAccess.flash(ctx, "已起草更正说明（稿件 " + notice.id() + "），状态：" + notice.status().label()
                    + "；审定后在下一个发布时段优先发布。", false);
            ctx.redirect("/items/" + notice.id());
        } catch (WeChatException e) {
            ItemPages.back(ctx, id, "微信拒绝撤回原文，未起草更正说明：" + e.staffMessage(), true);
        }
    }

}
