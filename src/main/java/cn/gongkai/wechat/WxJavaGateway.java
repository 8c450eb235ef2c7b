package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.DraftInfo;
import cn.gongkai.publish.MassSendResult;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatGateway;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link WeChatGateway} on WxJava 4.7.9.B with OkHttp: one WxJava service per account ({@link AccountServices}), our
 * own retry policy ({@link CallPolicy}, run by {@link CallRunner}), every failure mapped to {@link WeChatException}
 * by {@link WeChatErrors}. The calls live in package-private parts — {@link MediaUploads}, {@link Drafts},
 * {@link FreePublish}, {@link MassMessages}, {@link AccountProbes} — and WxJava types do not leave this package.
 */
public final class WxJavaGateway implements WeChatGateway, AutoCloseable {

    private final AccountServices services;
    private final MediaUploads media;
    private final Drafts drafts;
    private final FreePublish freePublish;
    private final MassMessages mass;
    private final AccountProbes probes;

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
        Objects.requireNonNull(clock, "clock");
        CallRunner runner = new CallRunner(client, clock);
        this.services = new AccountServices(accounts, client, budget);
        this.media = new MediaUploads(services, runner);
        this.drafts = new Drafts(services, runner);
        this.freePublish = new FreePublish(services, runner, clock);
        this.mass = new MassMessages(services, runner);
        this.probes = new AccountProbes(services, runner, drafts, freePublish, clock);
    }

    /** Calls {@code POST /cgi-bin/media/uploadimg} (multipart {@code media}); idempotent, retried. */
    @Override
    public String uploadBodyImage(String account, MediaFile image) {
        return media.bodyImage(account, image);
    }

    /** Calls {@code POST /cgi-bin/material/add_material?type=image}; idempotent (a duplicate is only wasteful), retried. */
    @Override
    public String addCoverImage(String account, MediaFile image) {
        return media.coverImage(account, image);
    }

    /**
     * Calls {@code POST /cgi-bin/draft/add}; retried only when WeChat certainly created nothing (see
     * {@link CallPolicy#DRAFT}).
     */
    @Override
    public String addDraft(String account, List<DraftArticle> articles) {
        return drafts.add(account, articles);
    }

    /** Calls {@code POST /cgi-bin/draft/get}; 40007 means the draft is gone. Idempotent, retried. */
    @Override
    public boolean draftExists(String account, String draftMediaId) {
        return drafts.exists(account, draftMediaId);
    }

    /**
     * Calls {@code POST /cgi-bin/freepublish/submit} once, never retried; the access token is fetched first (with
     * retries) so that a token failure is not mistaken for a lost submit. Strips the JSON quotes WxJava leaves
     * around a string publish_id.
     */
    @Override
    public String submitPublish(String account, String draftMediaId) {
        return freePublish.submit(account, draftMediaId);
    }

    /** Calls {@code POST /cgi-bin/freepublish/get} (100 calls a day); idempotent, retried. */
    @Override
    public PublishStatus publishStatus(String account, String publishId) {
        return freePublish.status(account, publishId);
    }

    /**
     * Pages through {@code POST /cgi-bin/freepublish/batchget} ({@link #listPublished}) until an item whose first
     * title matches is found or {@code scan} items were seen.
     */
    @Override
    public Optional<PublishStatus> findPublished(String account, String firstTitle, int scan) {
        return freePublish.find(account, firstTitle, scan);
    }

    /** Calls {@code POST /cgi-bin/freepublish/batchget} with {@code no_content=1}; idempotent, retried. */
    @Override
    public List<PublishedArticleInfo> listPublished(String account, int offset, int count) {
        return freePublish.list(account, offset, count);
    }

    /** Calls {@code POST /cgi-bin/freepublish/batchget} with {@code no_content=0}; idempotent, retried. */
    @Override
    public List<PublishedArticleInfo> listPublishedWithContent(String account, int offset, int count) {
        return freePublish.list(account, offset, count, true);
    }

    /** Calls {@code POST /cgi-bin/freepublish/getarticle}; idempotent, retried; 53600 for an unknown article_id. */
    @Override
    public PublishedArticleInfo getPublished(String account, String articleId) {
        return freePublish.get(account, articleId);
    }

    /**
     * Calls {@code POST /cgi-bin/freepublish/delete} ({@code index} 1-based, 0 = all); deleting again is harmless,
     * so it is retried like an idempotent call.
     */
    @Override
    public void deletePublished(String account, String articleId, int index) {
        freePublish.delete(account, articleId, index);
    }

    /** Calls {@code POST /cgi-bin/draft/update} (0-based {@code index}); idempotent, retried. */
    @Override
    public void updateDraft(String account, String draftMediaId, int index, DraftArticle article) {
        drafts.update(account, draftMediaId, index, article);
    }

    /** Calls {@code POST /cgi-bin/draft/delete}; 40007 (already gone) counts as deleted; retried. */
    @Override
    public void deleteDraft(String account, String draftMediaId) {
        drafts.delete(account, draftMediaId);
    }

    /** Calls {@code GET /cgi-bin/draft/count}; idempotent, retried. */
    @Override
    public long draftCount(String account) {
        return drafts.count(account);
    }

    /** Calls {@code POST /cgi-bin/draft/batchget} with {@code no_content=1}; idempotent, retried. */
    @Override
    public List<DraftInfo> listDrafts(String account, int offset, int count) {
        return drafts.list(account, offset, count);
    }

    /**
     * Calls {@code POST /cgi-bin/message/mass/sendall} once ({@code filter.is_to_all=true}, {@code msgtype=mpnews},
     * {@code clientmsgid}), never retried; the token is fetched first, with retries. 45065 (this clientmsgid was
     * already sent) returns the original msg_id, which WeChat puts only in the error JSON; 45066 (repeated within a
     * minute) is TRANSIENT with retryAfter one minute; a lost answer or −1 is UNKNOWN_OUTCOME.
     */
    @Override
    public MassSendResult massSendAll(String account, String draftMediaId, String clientMsgId) {
        return mass.sendAll(account, draftMediaId, clientMsgId);
    }

    /**
     * Calls {@code POST /cgi-bin/message/mass/preview} (mpnews; {@code towxname} for a WeChat ID, else
     * {@code touser}); retried only when WeChat certainly sent nothing.
     */
    @Override
    public void massPreview(String account, String draftMediaId, String reviewer, boolean byWeChatId) {
        mass.preview(account, draftMediaId, reviewer, byWeChatId);
    }

    /** Calls {@code POST /cgi-bin/clear_quota} with the account's appid; retried only when WeChat certainly did nothing. */
    @Override
    public void clearQuota(String account) {
        probes.clearQuota(account);
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
        return probes.probe(account);
    }

    /** Shuts down every account's HTTP client. */
    @Override
    public void close() {
        services.close();
    }
}
