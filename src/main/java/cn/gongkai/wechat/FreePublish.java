package cn.gongkai.wechat;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatException;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishArticles;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishInfo;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishItem;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishList;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static cn.gongkai.wechat.Args.BATCHGET_PAGE;
import static cn.gongkai.wechat.Args.plain;
import static cn.gongkai.wechat.Args.requireText;

/** Publishing: {@code freepublish/submit}, {@code get}, {@code batchget}, {@code getarticle}, {@code delete}. */
final class FreePublish {

    private final AccountServices services;
    private final CallRunner runner;
    private final Clock clock;

    FreePublish(AccountServices services, CallRunner runner, Clock clock) {
        this.services = services;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * {@code POST /cgi-bin/freepublish/submit} once, never retried; the token is fetched first (with retries) so that
     * a token failure is not mistaken for a lost submit.
     */
    String submit(String account, String draftMediaId) {
        GuardedOkHttpService wx = services.of(account);
        runner.run(account, "stable_token", CallPolicy.IDEMPOTENT, () -> wx.getAccessToken());
        String raw = runner.run(account, "freepublish/submit", CallPolicy.PUBLISH,
                () -> wx.getFreePublishService().submit(draftMediaId));
        String id = PublishIds.normalize(raw);
        if (id == null) {
            throw WeChatErrors.toException(account, "freepublish/submit", WeChatErrors.UNREADABLE,
                    WeChatException.Kind.UNKNOWN_OUTCOME,
                    "微信接受了发布请求，但答复中没有可识别的发布编号（publish_id：" + LogScrubber.scrub(raw) + "）。"
                            + "文章可能正在发布：系统会先向微信核对，请不要在公众号后台手动重复发布。",
                    null, clock);
        }
        return id;
    }

    /** {@code POST /cgi-bin/freepublish/get} (100 calls a day); idempotent, retried. */
    PublishStatus status(String account, String publishId) {
        GuardedOkHttpService wx = services.of(account);
        String id = Objects.requireNonNullElse(PublishIds.normalize(publishId), publishId);
        WxMpFreePublishStatus s = runner.run(account, "freepublish/get", CallPolicy.IDEMPOTENT, () -> {
            WxMpFreePublishStatus status = CallRunner.require(wx.getFreePublishService().getPushStatus(id), "answer");
            CallRunner.require(status.getPublish_status(), "publish_status");
            return status;
        });
        return PublishStatuses.of(account, id, s, clock);
    }

    /** Pages through {@code freepublish/batchget} until an item whose first title matches, or {@code scan} items. */
    Optional<PublishStatus> find(String account, String firstTitle, int scan) {
        String wanted = plain(Objects.requireNonNull(firstTitle, "firstTitle")).strip();
        for (int offset = 0; offset < scan; offset += BATCHGET_PAGE) {
            int count = Math.min(BATCHGET_PAGE, scan - offset);
            List<PublishedArticleInfo> page = list(account, offset, count);
            for (PublishedArticleInfo item : page) {
                if (wanted.equals(plain(item.firstTitle()).strip())) {
                    return Optional.of(found(item));
                }
            }
            if (page.size() < count) {
                break;
            }
        }
        return Optional.empty();
    }

    /** {@code POST /cgi-bin/freepublish/batchget} with {@code no_content=1}; idempotent, retried. */
    List<PublishedArticleInfo> list(String account, int offset, int count) {
        return list(account, offset, count, false);
    }

    /** {@code POST /cgi-bin/freepublish/batchget}, {@code no_content=0} when {@code withContent}; retried. */
    List<PublishedArticleInfo> list(String account, int offset, int count, boolean withContent) {
        Args.page(offset, count);
        GuardedOkHttpService wx = services.of(account);
        int noContent = withContent ? 0 : 1;
        WxMpFreePublishList page = runner.run(account, "freepublish/batchget", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getFreePublishService().getPublicationRecords(offset, count, noContent),
                        "answer"));
        List<PublishedArticleInfo> out = new ArrayList<>();
        for (WxMpFreePublishItem item : page.getItems() == null ? List.<WxMpFreePublishItem>of() : page.getItems()) {
            if (item.getArticleId() != null && !item.getArticleId().isBlank()) {
                out.add(info(item.getArticleId(), epochSeconds(item.getUpdateTime()), item.getContent()));
            }
        }
        return out;
    }

    /** {@code POST /cgi-bin/freepublish/getarticle}; idempotent, retried; 53600 for an unknown article_id. */
    PublishedArticleInfo get(String account, String articleId) {
        requireText(articleId, "articleId");
        GuardedOkHttpService wx = services.of(account);
        WxMpFreePublishInfo content = runner.run(account, "freepublish/getarticle", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getFreePublishService().getArticleFromId(articleId), "answer"));
        return info(articleId, null, content);
    }

    /** {@code POST /cgi-bin/freepublish/delete} ({@code index} 1-based, 0 = all); harmless twice, so retried. */
    void delete(String account, String articleId, int index) {
        requireText(articleId, "articleId");
        if (index < 0 || index > WeChatLimits.ARTICLES_PER_DRAFT) {
            throw new IllegalArgumentException("published article index must be 0 (all) or 1–" + WeChatLimits.ARTICLES_PER_DRAFT + ", got " + index);
        }
        GuardedOkHttpService wx = services.of(account);
        runner.run(account, "freepublish/delete", CallPolicy.IDEMPOTENT,
                () -> wx.getFreePublishService().deletePush(articleId, index));
    }

    private static PublishStatus found(PublishedArticleInfo item) {
        List<PublishStatus.PublishedArticle> articles = new ArrayList<>();
        for (PublishedArticleInfo.Item a : item.items()) {
            articles.add(new PublishStatus.PublishedArticle(a.index(), a.url()));
        }
        return new PublishStatus("", PublishStatus.State.SUCCESS, 0, item.articleId(), articles, List.of());
    }

    private static PublishedArticleInfo info(String articleId, Instant updateTime, WxMpFreePublishInfo content) {
        List<WxMpFreePublishArticles> news = content == null || content.getNewsItem() == null
                ? List.of() : content.getNewsItem();
        List<PublishedArticleInfo.Item> items = new ArrayList<>();
        for (int i = 0; i < news.size(); i++) {
            WxMpFreePublishArticles a = news.get(i);
            items.add(new PublishedArticleInfo.Item(i + 1, a.getTitle(), a.getUrl(),
                    Boolean.TRUE.equals(a.getIsDeleted()), a.getContent()));
        }
        return new PublishedArticleInfo(articleId, updateTime, items);
    }

    private static Instant epochSeconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
