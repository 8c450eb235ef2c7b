package cn.gongkai.wechat;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.DraftInfo;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftItem;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftList;
import me.chanjar.weixin.mp.bean.draft.WxMpUpdateDraft;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static cn.gongkai.wechat.Args.orNull;
import static cn.gongkai.wechat.Args.plain;
import static cn.gongkai.wechat.Args.requireText;

/** The draft box: {@code draft/add}, {@code get}, {@code update}, {@code delete}, {@code count}, {@code batchget}. */
final class Drafts {

    /** WeChat's answer for a media_id that does not (or no longer) exist. */
    private static final int NO_SUCH_MEDIA = 40007;

    private final AccountServices services;
    private final CallRunner runner;

    Drafts(AccountServices services, CallRunner runner) {
        this.services = services;
        this.runner = runner;
    }

    /** {@code POST /cgi-bin/draft/add}; retried only when WeChat certainly created nothing. */
    String add(String account, List<DraftArticle> articles) {
        if (articles == null || articles.isEmpty() || articles.size() > WeChatLimits.ARTICLES_PER_DRAFT) {
            throw new IllegalArgumentException("a draft needs 1–" + WeChatLimits.ARTICLES_PER_DRAFT + " articles, got "
                    + (articles == null ? 0 : articles.size()));
        }
        GuardedOkHttpService wx = services.of(account);
        WxMpAddDraft draft = WxMpAddDraft.builder().articles(articles.stream().map(Drafts::toWx).toList()).build();
        return runner.run(account, "draft/add", CallPolicy.DRAFT,
                () -> CallRunner.require(wx.getDraftService().addDraft(draft), "media_id"));
    }

    /** {@code POST /cgi-bin/draft/get}; 40007 means the draft is gone. Idempotent, retried. */
    boolean exists(String account, String draftMediaId) {
        GuardedOkHttpService wx = services.of(account);
        return runner.run(account, "draft/get", CallPolicy.IDEMPOTENT, () -> {
            try {
                wx.getDraftService().getDraft(draftMediaId);
                return true;
            } catch (WxErrorException e) {
                return unlessNoSuchMedia(e, false);
            }
        });
    }

    /** {@code POST /cgi-bin/draft/update} (0-based {@code index}); idempotent, retried. */
    void update(String account, String draftMediaId, int index, DraftArticle article) {
        requireText(draftMediaId, "draftMediaId");
        Objects.requireNonNull(article, "article");
        if (index < 0 || index > 7) {
            throw new IllegalArgumentException("draft article index must be 0–7, got " + index);
        }
        GuardedOkHttpService wx = services.of(account);
        WxMpUpdateDraft update = new WxMpUpdateDraft(draftMediaId, index, toWx(article));
        runner.run(account, "draft/update", CallPolicy.IDEMPOTENT, () -> wx.getDraftService().updateDraft(update));
    }

    /** {@code POST /cgi-bin/draft/delete}; 40007 (already gone) counts as deleted; retried. */
    void delete(String account, String draftMediaId) {
        requireText(draftMediaId, "draftMediaId");
        GuardedOkHttpService wx = services.of(account);
        runner.run(account, "draft/delete", CallPolicy.IDEMPOTENT, () -> {
            try {
                return wx.getDraftService().delDraft(draftMediaId);
            } catch (WxErrorException e) {
                return unlessNoSuchMedia(e, Boolean.TRUE);
            }
        });
    }

    /** {@code GET /cgi-bin/draft/count}; idempotent, retried. */
    long count(String account) {
        GuardedOkHttpService wx = services.of(account);
        return runner.run(account, "draft/count", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getDraftService().countDraft(), "total_count"));
    }

    /** {@code POST /cgi-bin/draft/batchget} with {@code no_content=1}; idempotent, retried. */
    List<DraftInfo> list(String account, int offset, int count) {
        Args.page(offset, count);
        GuardedOkHttpService wx = services.of(account);
        WxMpDraftList page = runner.run(account, "draft/batchget", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getDraftService().listDraft(offset, count, 1), "answer"));
        List<DraftInfo> out = new ArrayList<>();
        for (WxMpDraftItem item : page.getItems() == null ? List.<WxMpDraftItem>of() : page.getItems()) {
            if (item.getMediaId() != null && !item.getMediaId().isBlank()) {
                out.add(info(item));
            }
        }
        return out;
    }

    private static DraftInfo info(WxMpDraftItem item) {
        List<DraftInfo.Item> articles = new ArrayList<>();
        if (item.getContent() != null && item.getContent().getNewsItem() != null) {
            for (WxMpDraftArticles a : item.getContent().getNewsItem()) {
                articles.add(new DraftInfo.Item(a.getTitle(), a.getUrl()));
            }
        }
        Instant updated = item.getUpdateTime() == null ? null : Instant.ofEpochSecond(item.getUpdateTime());
        return new DraftInfo(item.getMediaId(), updated, articles);
    }

    /** {@code gone} when WeChat answered 40007 (no such media_id); otherwise the error again. */
    private static <T> T unlessNoSuchMedia(WxErrorException e, T gone) throws WxErrorException {
        if (e.getError() != null && e.getError().getErrorCode() == NO_SUCH_MEDIA) {
            return gone;
        }
        throw e;
    }

    private static WxMpDraftArticles toWx(DraftArticle a) {
        return WxMpDraftArticles.builder()
                .articleType(WxConsts.ArticleType.NEWS)
                .title(plain(a.title()))
                .author(orNull(plain(a.author())))
                .digest(orNull(plain(a.digest())))
                .content(a.content())
                .contentSourceUrl(orNull(a.contentSourceUrl()))
                .thumbMediaId(a.thumbMediaId())
                .picCrop2351(orNull(a.picCrop2351()))
                .picCrop11(orNull(a.picCrop11()))
                .needOpenComment(0)
                .onlyFansCanComment(0)
                .build();
    }
}
