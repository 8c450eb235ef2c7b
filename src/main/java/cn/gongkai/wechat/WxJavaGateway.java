package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.AccountProbe.Check;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.DraftInfo;
import cn.gongkai.publish.MassSendResult;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatGateway;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftItem;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftList;
import me.chanjar.weixin.mp.bean.draft.WxMpUpdateDraft;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishArticles;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishInfo;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishItem;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishList;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import okhttp3.Interceptor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
     * A gateway whose daily call counts live in memory only (for tests and tools); limits from {@code client}.
     *
     * @param accounts the configured accounts, by their unique ids
     * @param client   timeouts, the retry budget for idempotent calls, and the daily limits
     * @param clock    for quota reset times
     */
    public WxJavaGateway(List<AccountConfig> accounts, WeChatClientConfig client, Clock clock) {
        this(accounts, client, CallBudget.inMemory(client.dailyLimits(), client.quotaShare(), clock), clock);
    }

    /**
     * @param accounts the configured accounts, by their unique ids
     * @param client   timeouts and the retry budget for idempotent calls
     * @param budget   counts every request (token fetches included) before it is sent and refuses one beyond the
     *                 product's share of the API's daily quota
     * @param clock    for quota reset times
     */
    public WxJavaGateway(List<AccountConfig> accounts, WeChatClientConfig client, CallBudget budget, Clock clock) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = new CallRunner(client, clock);
        Map<String, GuardedOkHttpService> map = new LinkedHashMap<>();
        for (AccountConfig account : accounts) {
            if (map.containsKey(account.id())) {
                throw new IllegalArgumentException("WeChat account '" + account.id() + "' is configured twice");
            }
            map.put(account.id(), new GuardedOkHttpService(storage(account), client, guard(account.id(), budget)));
        }
        this.services = Map.copyOf(map);
    }

    /** Counts each request under its API name (the path after {@code /cgi-bin/}) before it is sent. */
    private static Interceptor guard(String account, CallBudget budget) {
        return chain -> {
            budget.spend(account, apiName(chain.request().url().encodedPath()));
            return chain.proceed(chain.request());
        };
    }

    static String apiName(String path) {
        int at = path.indexOf("/cgi-bin/");
        String api = at < 0 ? path : path.substring(at + "/cgi-bin/".length());
        while (api.startsWith("/")) {
            api = api.substring(1);
        }
        while (api.endsWith("/")) {
            api = api.substring(0, api.length() - 1);
        }
        return api;
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
            list.add(toWx(a));
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

    /**
     * Pages through {@code POST /cgi-bin/freepublish/batchget} ({@link #listPublished}) until an item whose first
     * title matches is found or {@code scan} items were seen.
     */
    @Override
    public Optional<PublishStatus> findPublished(String account, String firstTitle, int scan) {
        String wanted = plain(Objects.requireNonNull(firstTitle, "firstTitle")).strip();
        for (int offset = 0; offset < scan; offset += BATCHGET_PAGE) {
            int count = Math.min(BATCHGET_PAGE, scan - offset);
            List<PublishedArticleInfo> page = listPublished(account, offset, count);
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

    private static PublishStatus found(PublishedArticleInfo item) {
        List<PublishStatus.PublishedArticle> articles = new ArrayList<>();
        for (PublishedArticleInfo.Item a : item.items()) {
            articles.add(new PublishStatus.PublishedArticle(a.index(), a.url()));
        }
        return new PublishStatus("", PublishStatus.State.SUCCESS, 0, item.articleId(), articles, List.of());
    }

    /** Calls {@code POST /cgi-bin/freepublish/batchget} with {@code no_content=1}; idempotent, retried. */
    @Override
    public List<PublishedArticleInfo> listPublished(String account, int offset, int count) {
        page(offset, count);
        GuardedOkHttpService wx = service(account);
        WxMpFreePublishList page = runner.run(account, "freepublish/batchget", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getFreePublishService().getPublicationRecords(offset, count, 1),
                        "answer"));
        List<PublishedArticleInfo> out = new ArrayList<>();
        for (WxMpFreePublishItem item : page.getItems() == null ? List.<WxMpFreePublishItem>of() : page.getItems()) {
            if (item.getArticleId() != null && !item.getArticleId().isBlank()) {
                out.add(info(item.getArticleId(), epochSeconds(item.getUpdateTime()), item.getContent()));
            }
        }
        return out;
    }

    /** Calls {@code POST /cgi-bin/freepublish/getarticle}; idempotent, retried; 53600 for an unknown article_id. */
    @Override
    public PublishedArticleInfo getPublished(String account, String articleId) {
        requireText(articleId, "articleId");
        GuardedOkHttpService wx = service(account);
        WxMpFreePublishInfo content = runner.run(account, "freepublish/getarticle", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getFreePublishService().getArticleFromId(articleId), "answer"));
        return info(articleId, null, content);
    }

    /**
     * Calls {@code POST /cgi-bin/freepublish/delete} ({@code index} 1-based, 0 = all); deleting again is harmless,
     * so it is retried like an idempotent call.
     */
    @Override
    public void deletePublished(String account, String articleId, int index) {
        requireText(articleId, "articleId");
        if (index < 0 || index > 8) {
            throw new IllegalArgumentException("published article index must be 0 (all) or 1–8, got " + index);
        }
        GuardedOkHttpService wx = service(account);
        runner.run(account, "freepublish/delete", CallPolicy.IDEMPOTENT,
                () -> wx.getFreePublishService().deletePush(articleId, index));
    }

    private static PublishedArticleInfo info(String articleId, Instant updateTime, WxMpFreePublishInfo content) {
        List<WxMpFreePublishArticles> news = content == null || content.getNewsItem() == null
                ? List.of() : content.getNewsItem();
        List<PublishedArticleInfo.Item> items = new ArrayList<>();
        for (int i = 0; i < news.size(); i++) {
            WxMpFreePublishArticles a = news.get(i);
            items.add(new PublishedArticleInfo.Item(i + 1, a.getTitle(), a.getUrl(),
                    Boolean.TRUE.equals(a.getIsDeleted())));
        }
        return new PublishedArticleInfo(articleId, updateTime, items);
    }

    /** Calls {@code POST /cgi-bin/draft/update} (0-based {@code index}); idempotent, retried. */
    @Override
    public void updateDraft(String account, String draftMediaId, int index, DraftArticle article) {
        requireText(draftMediaId, "draftMediaId");
        Objects.requireNonNull(article, "article");
        if (index < 0 || index > 7) {
            throw new IllegalArgumentException("draft article index must be 0–7, got " + index);
        }
        GuardedOkHttpService wx = service(account);
        WxMpUpdateDraft update = new WxMpUpdateDraft(draftMediaId, index, toWx(article));
        runner.run(account, "draft/update", CallPolicy.IDEMPOTENT, () -> wx.getDraftService().updateDraft(update));
    }

    /** Calls {@code POST /cgi-bin/draft/delete}; 40007 (already gone) counts as deleted; retried. */
    @Override
    public void deleteDraft(String account, String draftMediaId) {
        requireText(draftMediaId, "draftMediaId");
        GuardedOkHttpService wx = service(account);
        runner.run(account, "draft/delete", CallPolicy.IDEMPOTENT, () -> {
            try {
                return wx.getDraftService().delDraft(draftMediaId);
            } catch (WxErrorException e) {
                if (e.getError() != null && e.getError().getErrorCode() == 40007) {
                    return Boolean.TRUE;
                }
                throw e;
            }
        });
    }

    /** Calls {@code GET /cgi-bin/draft/count}; idempotent, retried. */
    @Override
    public long draftCount(String account) {
        GuardedOkHttpService wx = service(account);
        return runner.run(account, "draft/count", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getDraftService().countDraft(), "total_count"));
    }

    /** Calls {@code POST /cgi-bin/draft/batchget} with {@code no_content=1}; idempotent, retried. */
    @Override
    public List<DraftInfo> listDrafts(String account, int offset, int count) {
        page(offset, count);
        GuardedOkHttpService wx = service(account);
        WxMpDraftList page = runner.run(account, "draft/batchget", CallPolicy.IDEMPOTENT,
                () -> CallRunner.require(wx.getDraftService().listDraft(offset, count, 1), "answer"));
        List<DraftInfo> out = new ArrayList<>();
        for (WxMpDraftItem item : page.getItems() == null ? List.<WxMpDraftItem>of() : page.getItems()) {
            if (item.getMediaId() == null || item.getMediaId().isBlank()) {
                continue;
            }
            List<DraftInfo.Item> articles = new ArrayList<>();
            if (item.getContent() != null && item.getContent().getNewsItem() != null) {
                for (WxMpDraftArticles a : item.getContent().getNewsItem()) {
                    articles.add(new DraftInfo.Item(a.getTitle(), a.getUrl()));
                }
            }
            Instant updated = item.getUpdateTime() == null ? null : Instant.ofEpochSecond(item.getUpdateTime());
            out.add(new DraftInfo(item.getMediaId(), updated, articles));
        }
        return out;
    }

    /**
     * Calls {@code POST /cgi-bin/message/mass/sendall} once ({@code filter.is_to_all=true}, {@code msgtype=mpnews},
     * {@code clientmsgid}), never retried; the token is fetched first, with retries. 45065 (this clientmsgid was
     * already sent) returns the original msg_id, which WeChat puts only in the error JSON; 45066 (repeated within a
     * minute) is TRANSIENT with retryAfter one minute; a lost answer or −1 is UNKNOWN_OUTCOME.
     */
    @Override
    public MassSendResult massSendAll(String account, String draftMediaId, String clientMsgId) {
        requireText(draftMediaId, "draftMediaId");
        requireText(clientMsgId, "clientMsgId");
        if (clientMsgId.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_MSG_ID_BYTES) {
            throw new IllegalArgumentException("clientMsgId must be at most " + MAX_CLIENT_MSG_ID_BYTES
                    + " bytes: " + clientMsgId);
        }
        GuardedOkHttpService wx = service(account);
        WxMpMassTagMessage message = new WxMpMassTagMessage();
        message.setSendAll(true);
        message.setMsgType(WxConsts.MassMsgType.MPNEWS);
        message.setMediaId(draftMediaId);
        message.setSendIgnoreReprint(false);
        message.setClientMsgId(clientMsgId);
        runner.run(account, "stable_token", CallPolicy.IDEMPOTENT, () -> wx.getAccessToken());
        return runner.run(account, "message/mass/sendall", CallPolicy.MASS, () -> {
            try {
                WxMpMassSendResult r = wx.getMassMessageService().massGroupMessageSend(message);
                return new MassSendResult(CallRunner.require(r.getMsgId(), "msg_id"), r.getMsgDataId(), false);
            } catch (WxErrorException e) {
                String earlier = e.getError() != null && e.getError().getErrorCode() == 45065
                        ? field(e.getError().getJson(), "msg_id") : null;
                if (earlier != null) {
                    return new MassSendResult(earlier, field(e.getError().getJson(), "msg_data_id"), true);
                }
                throw e;
            }
        });
    }

    /**
     * Calls {@code POST /cgi-bin/message/mass/preview} (mpnews; {@code towxname} for a WeChat ID, else
     * {@code touser}); retried only when WeChat certainly sent nothing.
     */
    @Override
    public void massPreview(String account, String draftMediaId, String reviewer, boolean byWeChatId) {
        requireText(draftMediaId, "draftMediaId");
        requireText(reviewer, "reviewer");
        GuardedOkHttpService wx = service(account);
        WxMpMassPreviewMessage message = new WxMpMassPreviewMessage();
        message.setMsgType(WxConsts.MassMsgType.MPNEWS);
        message.setMediaId(draftMediaId);
        if (byWeChatId) {
            message.setToWxUserName(reviewer);
        } else {
            message.setToWxUserOpenid(reviewer);
        }
        runner.run(account, "message/mass/preview", CallPolicy.CAUTIOUS,
                () -> wx.getMassMessageService().massMessagePreview(message));
    }

    /** Calls {@code POST /cgi-bin/clear_quota} with the account's appid; retried only when WeChat certainly did nothing. */
    @Override
    public void clearQuota(String account) {
        GuardedOkHttpService wx = service(account);
        String appId = wx.getWxMpConfigStorage().getAppId();
        runner.run(account, "clear_quota", CallPolicy.CAUTIOUS, () -> {
            wx.clearQuota(appId);
            return Boolean.TRUE;
        });
    }

    /**
     * Calls {@code POST /cgi-bin/stable_token}, then {@code GET draft/count}, {@code POST freepublish/batchget}
     * (count 1) and {@code POST openapi/quota/get} for {@code /cgi-bin/message/mass/sendall} — nothing is created
     * or sent. Mass-send permission is missing when quota/get answers 48001 or a daily limit of 0 (what WeChat
     * answers for an API the account may not call is not documented; both are accepted). 40164 on any call fails the
     * whitelist check with the IP WeChat saw.
     */
    @Override
    public AccountProbe probe(String account) {
        GuardedOkHttpService wx = service(account);
        Check token;
        try {
            runner.run(account, "stable_token", CallPolicy.IDEMPOTENT, () -> wx.getAccessToken());
            token = Check.ok(PROBE_TOKEN, "已获取（AppID、AppSecret 正确）");
        } catch (WeChatException e) {
            token = e.code() == 40164
                    ? Check.failed(PROBE_TOKEN, 40164, "未能获取：微信拒绝了本服务器的 IP（errcode 40164），修复方法见“" + PROBE_IP + "”一项。")
                    : Check.failed(PROBE_TOKEN, e.code(), e.staffMessage());
            if (e.code() == 40164) {
                String why = "未检查：获取 access_token 失败，请先解决 IP 白名单的问题。";
                return new AccountProbe(account, token, Check.failed(PROBE_IP, 40164, e.staffMessage()),
                        Check.skipped(PROBE_DRAFT, why), Check.skipped(PROBE_FREEPUBLISH, why),
                        Check.skipped(PROBE_MASS, why));
            }
        }
        if (token.status() == AccountProbe.Status.FAILED) {
            String why = "未检查：获取 access_token 失败，请先解决上面的问题。";
            Check ip = Check.skipped(PROBE_IP, why);
            return new AccountProbe(account, token, ip, Check.skipped(PROBE_DRAFT, why),
                    Check.skipped(PROBE_FREEPUBLISH, why), Check.skipped(PROBE_MASS, why));
        }
        Check draft = check(PROBE_DRAFT, () -> draftCount(account), "草稿箱可用");
        Check freepublish = check(PROBE_FREEPUBLISH, () -> listPublished(account, 0, 1), "可以通过接口发布");
        Check mass = check(PROBE_MASS, () -> massPermission(account, wx), "可以通过接口群发");
        Check ip = Check.ok(PROBE_IP, "微信接受本服务器的调用");
        for (Check c : List.of(draft, freepublish, mass)) {
            if (c.code() == 40164) {
                ip = Check.failed(PROBE_IP, 40164, c.message());
            }
        }
        return new AccountProbe(account, token, ip, draft, freepublish, mass);
    }

    private static final String PROBE_TOKEN = "access_token";
    private static final String PROBE_IP = "IP 白名单";
    private static final String PROBE_DRAFT = "草稿箱权限";
    private static final String PROBE_FREEPUBLISH = "发布权限";
    private static final String PROBE_MASS = "群发权限";
    private static final String MASS_SENDALL_PATH = "/cgi-bin/message/mass/sendall";
    private static final int MAX_CLIENT_MSG_ID_BYTES = 64;

    private static Check check(String name, Runnable call, String okDetail) {
        try {
            call.run();
            return Check.ok(name, okDetail);
        } catch (WeChatException e) {
            return Check.failed(name, e.code(), e.staffMessage());
        }
    }

    private void massPermission(String account, GuardedOkHttpService wx) {
        String url = WxMpHostConfig.buildUrl(wx.getWxMpConfigStorage().getHostConfig(),
                WxMpHostConfig.API_DEFAULT_HOST_URL, "/cgi-bin/openapi/quota/get");
        String answer;
        try {
            answer = runner.run(account, "openapi/quota/get", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.post(url, "{\"cgi_path\":\"" + MASS_SENDALL_PATH + "\"}"), "answer"));
        } catch (WeChatException e) {
            if (e.code() == 48001) {
                throw noMassPermission(account, "openapi/quota/get 查询 " + MASS_SENDALL_PATH + " 得到 errcode 48001", e);
            }
            throw e;
        }
        String limit = field(answer, "quota", "daily_limit");
        if ("0".equals(limit)) {
            throw noMassPermission(account, "openapi/quota/get 答复 " + MASS_SENDALL_PATH + " 的每日上限 daily_limit 为 0",
                    null);
        }
    }

    private WeChatException noMassPermission(String account, String evidence, Throwable cause) {
        return WeChatErrors.toException(account, "openapi/quota/get", 48001, WeChatException.Kind.PERMANENT,
                "公众号没有群发接口（高级群发接口 message/mass/sendall）的权限：只有完成微信认证的订阅号和服务号可以通过接口群发。"
                        + "请公众号管理员确认公众号已完成微信认证，并在 mp.weixin.qq.com → 设置与开发 → 接口权限 中查看“群发与通知”权限。"
                        + "【微信答复：" + evidence + "】", cause, clock);
    }

    /** A field of a JSON object (nested by the path), as text; null when absent or not JSON. */
    static String field(String json, String... path) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(json);
            for (String name : path) {
                if (!e.isJsonObject()) {
                    return null;
                }
                JsonObject o = e.getAsJsonObject();
                e = o.get(name);
                if (e == null || e.isJsonNull()) {
                    return null;
                }
            }
            return e.isJsonPrimitive() ? e.getAsString() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
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

    private static void page(int offset, int count) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (count < 1 || count > BATCHGET_PAGE) {
            throw new IllegalArgumentException("count must be 1–" + BATCHGET_PAGE + ", got " + count);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
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
