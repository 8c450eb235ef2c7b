package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.publish.PhonePreview;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.render.RenderException;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 发送到手机预览 ({@code POST /items/{id}/phone-preview}): sends the item to a reviewer's phone through WeChat's
 * {@code message/mass/preview} ({@link PhonePreview}), to a name configured in {@code accounts[].preview-to} or a
 * 微信号 typed in. Publishes and counts nothing; in sandbox mode the simulator receives it.
 */
final class PhonePreviewAction {
    private static final Logger LOG = LoggerFactory.getLogger(PhonePreviewAction.class);
    private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][-_A-Za-z0-9]{5,19}");

    /** What the action reads and runs. */
    record Uses(PhonePreview preview, Site site) {
    }

    private final Uses s;
    private final ItemPages items;

    PhonePreviewAction(Uses services, ItemPages items) {
        this.s = services;
        this.items = items;
    }

    void register(RoutesConfig routes) {
        routes.post("/items/{id}/phone-preview", this::send);
    }

    private void send(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = ItemPages.id(ctx);
        DisclosureItem item = items.load(id);
        AccountConfig account = s.site().config().account(item.content().account())
                .orElseThrow(() -> new NotFound("稿件 " + id + " 的公众号“" + item.content().account() + "”未配置"));
        String typed = ItemPages.form(ctx, "wechatId");
        String name = ItemPages.form(ctx, "to");
        String recipient = typed.isEmpty() ? account.previewTo().get(name) : typed;
        if (recipient == null || recipient.isEmpty()) {
            ItemPages.back(ctx, id, "请选择预览接收人，或填写接收预览的微信号。", true);
            return;
        }
        if (!typed.isEmpty() && !WECHAT_ID.matcher(typed).matches() && !AccountConfig.isOpenId(typed)) {
            ItemPages.back(ctx, id, "微信号“" + typed + "”格式有误：应为 6–20 位字母、数字、-或_，以字母开头。", true);
            return;
        }
        String shownTo = typed.isEmpty() ? name : "微信号 " + typed;
        try {
            PhonePreview.Sent sent = s.preview().send(account, item.content(), recipient, false);
            LOG.info("{} sent a phone preview of item {} for account {}", me.name(), id, account.id());
            ItemPages.back(ctx, id, (account.sandbox() ? "已发送到模拟器（沙箱模式，不会真正发到手机）：预览接收人 " + shownTo + "。"
                    : "已发送到 " + shownTo + " 的手机微信，请在微信中查看（预览不发布、不计数）。")
                    + String.join(" ", sent.warnings()), false);
        } catch (WeChatException e) {
            ItemPages.back(ctx, id, "发送手机预览失败：" + e.staffMessage(), true);
        } catch (RenderException e) {
            ItemPages.back(ctx, id, "发送手机预览失败：文章无法排版：" + e.getMessage(), true);
        }
    }

}
