package cn.gongkai.wechat;

import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishStatus.PublishedArticle;
import cn.gongkai.publish.WeChatException.Kind;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code freepublish/get}'s answer (WxJava's snake_case bean) as our {@link PublishStatus}. */
final class PublishStatuses {

    private PublishStatuses() {
    }

    static PublishStatus of(String account, String publishId, WxMpFreePublishStatus s, Clock clock) {
        int raw = s.getPublish_status();
        PublishStatus.State state;
        try {
            state = PublishStatus.State.of(raw);
        } catch (IllegalArgumentException e) {
            throw WeChatErrors.toException(account, "freepublish/get", WeChatErrors.UNREADABLE, Kind.PERMANENT,
                    "微信返回了本系统不认识的发布状态（publish_status " + raw + "，publish_id " + publishId
                            + "）。请在公众号后台 → 发表记录 中查看该文章，并把本条信息转给技术人员。", e, clock);
        }
        List<PublishedArticle> articles = new ArrayList<>();
        if (s.getArticle_detail() != null && s.getArticle_detail().getItem() != null) {
            for (WxMpFreePublishStatus.ArticleDetail.Item item : s.getArticle_detail().getItem()) {
                int index = item.getIdx() == null ? articles.size() + 1 : item.getIdx();
                articles.add(new PublishedArticle(index, item.getArticle_url() == null ? "" : item.getArticle_url()));
            }
        }
        String id = s.getPublish_id() == null ? publishId
                : java.util.Objects.requireNonNullElse(PublishIds.normalize(s.getPublish_id()), publishId);
        return new PublishStatus(id, state, raw, s.getArticle_id(), articles, s.getFail_idx());
    }
}
