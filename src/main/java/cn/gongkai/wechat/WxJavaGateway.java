package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatGateway;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishArticles;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishItem;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishList;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link WeChatGateway} on WxJava 4.7.9.B with OkHttp: one WxJava service per account, our own retry policy
 * ({@link CallPolicy}), every failure mapped to {@link WeChatException} by {@link WeChatErrors}. WxJava types do not
 * leave this package.
 */
public final class WxJavaGateway implements WeChatGateway, AutoCloseable {

    private static final int BATCHGET_PAGE = 20;

    private final Map<String, GuardedOkHttpService> services;
    private final CallRunner runner;
    private final Clock clock;

    /**
     * @param accounts the configured accounts, by their unique ids
     * @param client   timeouts and the retry budget for idempotent calls
     * @param clock    for quota reset times
     */
    public WxJavaGateway(List<AccountConfig> accounts, WeChatClientConfig client, Clock clock) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = new CallRunner(client, clock);
        Map<String, GuardedOkHttpService> map = new LinkedHashMap<>();
        for (AccountConfig account : accounts) {
            if (map.containsKey(account.id())) {
                throw new IllegalArgumentException("WeChat account '" + account.id() + "' is configured twice");
            }
            map.put(account.id(), new GuardedOkHttpService(storage(account), client));
        }
        this.services = Map.copyOf(map);
    }

    private static WxMpDefaultConfigImpl storage(AccountConfig account) {
        WxMpDefaultConfigImpl cfg = new MaskedWxConfig();
        cfg.setAppId(account.appId());
        cfg.setSecret(account.secret().reveal());
        cfg.useStableAccessToken(true);
        String base = account.apiBaseUrl();
        cfg.setHostConfig(WxMpHostConfig.builder().apiHost(base).mpHost(base).openHost(base).build());
        return cfg;
    }

    /** Calls {@code POST /cgi-bin/media/uploadimg} (multipart {@code media}); idempotent, retried. */
    @Override
    public String uploadBodyImage(String account, MediaFile image) {
        GuardedOkHttpService wx = service(account);
        try (MediaTempFile file = MediaTempFile.write(image)) {
            return runner.run(account, "media/uploadimg", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.getMaterialService().mediaImgUpload(file.file()).getUrl(), "url"));
        }
    }

    /** Calls {@code POST /cgi-bin/material/add_material?type=image}; idempotent (a duplicate is only wasteful), retried. */
    @Override
    public String addCoverImage(String account, MediaFile image) {
        GuardedOkHttpService wx = service(account);
        try (MediaTempFile file = MediaTempFile.write(image)) {
            WxMpMaterial material = new WxMpMaterial(image.fileName(), file.file(), null, null);
            return runner.run(account, "material/add_material", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.getMaterialService()
                            .materialFileUpload(WxConsts.MediaFileType.IMAGE, material).getMediaId(), "media_id"));
        }
    }

    /**
     * Calls {@code POST /cgi-bin/draft/add}; retried only when WeChat certainly created nothing (see
     * {@link CallPolicy#DRAFT}).
     */
    @Override
    public String addDraft(String account, List<DraftArticle> articles) {
        if (articles == null || articles.isEmpty() || articles.size() > 8) {
            throw new IllegalArgumentException("a draft needs 1–8 articles, got "
                    + (articles == null ? 0 : articles.size()));
        }
        GuardedOkHttpService wx = service(account);
        List<WxMpDraftArticles> list = new ArrayList<>();
        for (DraftArticle a : articles) {
            list.add(WxMpDraftArticles.builder()
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
                    .build());
        }
        WxMpAddDraft draft = WxMpAddDraft.builder().articles(list).build();
        return runner.run(account, "draft/add", CallPolicy.DRAFT,
                () -> CallRunner.require(wx.getDraftService().addDraft(draft), "media_id"));
    }

    /** Calls {@code POST /cgi-bin/draft/get}; 40007 means the draft is gone. Idempotent, retried. */
    @Override
    public boolean draftExists(String account, String draftMediaId) {
        GuardedOkHttpService wx = service(account);
        return runner.run(account, "draft/get", CallPolicy.IDEMPOTENT, () -> {
            try {
                wx.getDraftService().getDraft(draftMediaId);
                return true;
            } catch (WxErrorException e) {
                if (e.getError() != null && e.getError().getErrorCode() == 40007) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Calls {@code POST /cgi-bin/freepublish/submit} once, never retried; the access token is fetched first (with
     * retries) so that a token failure is not mistaken for a lost submit. Strips the JSON quotes WxJava leaves
     * around a string publish_id.
     */
    @Override
    public String submitPublish(String account, String draftMediaId) {
        GuardedOkHttpService wx = service(account);
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

    /** Calls {@code POST /cgi-bin/freepublish/get} (100 calls a day); idempotent, retried. */
    @Override
    public PublishStatus publishStatus(String account, String publishId) {
        GuardedOkHttpService wx = service(account);
        String id = Objects.requireNonNullElse(PublishIds.normalize(publishId), publishId);
        WxMpFreePublishStatus s = runner.run(account, "freepublish/get", CallPolicy.IDEMPOTENT, () -> {
            WxMpFreePublishStatus status = CallRunner.require(wx.getFreePublishService().getPushStatus(id), "answer");
            CallRunner.require(status.getPublish_status(), "publish_status");
            return status;
        });
        return PublishStatuses.of(account, id, s, clock);
    }

    /** Calls {@code POST /cgi-bin/freepublish/batchget} (newest first, no content) page by page; idempotent, retried. */
    @Override
    public Optional<PublishStatus> findPublished(String account, String firstTitle, int scan) {
        GuardedOkHttpService wx = service(account);
        String wanted = plain(Objects.requireNonNull(firstTitle, "firstTitle")).strip();
        for (int offset = 0; offset < scan; offset += BATCHGET_PAGE) {
            int count = Math.min(BATCHGET_PAGE, scan - offset);
            int from = offset;
            WxMpFreePublishList page = runner.run(account, "freepublish/batchget", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.getFreePublishService().getPublicationRecords(from, count, 1),
                            "answer"));
            List<WxMpFreePublishItem> items = page.getItems() == null ? List.of() : page.getItems();
            for (WxMpFreePublishItem item : items) {
                if (wanted.equals(firstTitleOf(item)) && item.getArticleId() != null) {
                    return Optional.of(found(item));
                }
            }
            Integer total = page.getTotalCount();
            if (items.size() < count || total != null && offset + items.size() >= total) {
                break;
            }
        }
        return Optional.empty();
    }

    private static PublishStatus found(WxMpFreePublishItem item) {
        List<PublishStatus.PublishedArticle> articles = new java.util.ArrayList<>();
        List<WxMpFreePublishArticles> news = item.getContent() == null || item.getContent().getNewsItem() == null
                ? List.of() : item.getContent().getNewsItem();
        for (int i = 0; i < news.size(); i++) {
            articles.add(new PublishStatus.PublishedArticle(i + 1, Objects.requireNonNullElse(news.get(i).getUrl(), "")));
        }
        return new PublishStatus("", PublishStatus.State.SUCCESS, 0, item.getArticleId(), articles, List.of());
    }

    private static String firstTitleOf(WxMpFreePublishItem item) {
        if (item.getContent() == null || item.getContent().getNewsItem() == null
                || item.getContent().getNewsItem().isEmpty()) {
            return null;
        }
        WxMpFreePublishArticles first = item.getContent().getNewsItem().get(0);
        return first.getTitle() == null ? null : plain(first.getTitle()).strip();
    }

    /** Shuts down every account's HTTP client. */
    @Override
    public void close() {
        services.values().forEach(GuardedOkHttpService::close);
    }

    private GuardedOkHttpService service(String account) {
        GuardedOkHttpService s = services.get(account);
        if (s == null) {
            throw new IllegalArgumentException("unknown WeChat account '" + account + "'; configured accounts: "
                    + services.keySet());
        }
        return s;
    }

    /**
     * Removes characters Gson writes as backslash-u escapes, which WeChat then stores literally
     * (U+2028, U+2029, control characters).
     */
    static String plain(String s) {
        return s == null ? null : s.replaceAll("[\\u2028\\u2029\\p{Cntrl}]", "");
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
