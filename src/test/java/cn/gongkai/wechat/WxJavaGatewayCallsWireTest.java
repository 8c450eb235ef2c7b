package cn.gongkai.wechat;

import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.AccountProbe.Status;
import cn.gongkai.publish.DraftInfo;
import cn.gongkai.publish.MassSendResult;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static cn.gongkai.wechat.WireServer.TOKEN_PATH;
import static cn.gongkai.wechat.WireServer.error;
import static cn.gongkai.wechat.WireServer.json;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.ACCOUNT;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.CLOCK;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.FAST;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.NEXT_BEIJING_MIDNIGHT;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.NOW;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.account;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.article;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.body;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.dropAfterReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The port's calls beyond the publishing path, on the wire: request bodies, answers, and the retry policy of each. */
class WxJavaGatewayCallsWireTest {

    static final String APP_ID = "wx0123456789abcdef";
    static final String SENDALL = "/cgi-bin/message/mass/sendall";
    static final String PREVIEW = "/cgi-bin/message/mass/preview";
    static final String PUBLISHED_DELETE = "/cgi-bin/freepublish/delete";
    static final String GETARTICLE = "/cgi-bin/freepublish/getarticle";
    static final String BATCHGET = "/cgi-bin/freepublish/batchget";
    static final String DRAFT_UPDATE = "/cgi-bin/draft/update";
    static final String DRAFT_DELETE = "/cgi-bin/draft/delete";
    static final String DRAFT_COUNT = "/cgi-bin/draft/count";
    static final String DRAFT_BATCHGET = "/cgi-bin/draft/batchget";
    static final String CLEAR_QUOTA = "/cgi-bin/clear_quota";
    static final String QUOTA_GET = "/cgi-bin/openapi/quota/get";

    WireServer wx;
    WxJavaGateway gateway;

    @BeforeEach
    void start() throws IOException {
        wx = new WireServer();
        gateway = new WxJavaGateway(List.of(account(ACCOUNT, APP_ID, wx)), FAST, CLOCK);
    }

    @AfterEach
    void stop() {
        gateway.close();
        wx.close();
    }

    // --- mass send ----------------------------------------------------------------------------------------------

    @Test
    void massSendGoesToAllFollowersAsMpnewsWithTheCallersClientMsgId() {
        wx.enqueue(SENDALL, json("{\"errcode\":0,\"errmsg\":\"send job submission success\",\"msg_id\":3147483651,"
                + "\"msg_data_id\":2247483651}"));

        MassSendResult r = gateway.massSendAll(ACCOUNT, "DRAFT-1", "batch-42");

        assertThat(r).isEqualTo(new MassSendResult("3147483651", "2247483651", false));
        String sent = body(wx.requests(SENDALL).get(0));
        assertThat(sent).contains("\"is_to_all\":true", "\"mpnews\":{\"media_id\":\"DRAFT-1\"}",
                "\"msgtype\":\"mpnews\"", "\"clientmsgid\":\"batch-42\"", "\"send_ignore_reprint\":0");
    }

    @Test
    void aRepeatedClientMsgIdReturnsTheOriginalMsgIdFromTheErrorAnswerAndSendsNothingMore() {
        wx.enqueue(SENDALL, json("{\"errcode\":45065,\"errmsg\":\"clientmsgid exist rid: 1\",\"msg_id\":1000000001}"));

        MassSendResult r = gateway.massSendAll(ACCOUNT, "DRAFT-1", "batch-42");

        assertThat(r.alreadySent()).isTrue();
        assertThat(r.msgId()).isEqualTo("1000000001");
        assertThat(wx.count(SENDALL)).isEqualTo(1);
    }

    @Test
    void aRepeatWithinAMinuteIsTransientAndMayRunAgainAfterAMinute() {
        wx.always(SENDALL, error(45066, "same clientmsgid retry too fast"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.massSendAll(ACCOUNT, "DRAFT-1", "batch-42"));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(60));
        assertThat(e.staffMessage()).contains("一分钟后");
        assertThat(wx.count(SENDALL)).isEqualTo(1);
    }

    @Test
    void aMassSendWhoseAnswerIsLostIsAnUnknownOutcomeAndNotResent() {
        wx.enqueue(SENDALL, dropAfterReading(), json("{\"errcode\":0,\"msg_id\":1}"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.massSendAll(ACCOUNT, "DRAFT-1", "batch-42"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.staffMessage()).contains("clientmsgid", "不会重复群发");
        assertThat(wx.count(SENDALL)).isEqualTo(1);
    }

    @Test
    void aBusyMassSendIsAnUnknownOutcomeAndNotResent() {
        wx.always(SENDALL, error(-1, "system error"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.massSendAll(ACCOUNT, "DRAFT-1", "batch-42"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(wx.count(SENDALL)).isEqualTo(1);
    }

    @Test
    void noMassSendQuotaParksUntilBeijingMidnight() {
        wx.always(SENDALL, error(45028, "has no masssend quota"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.massSendAll(ACCOUNT, "DRAFT-1", "batch-42"));

        assertThat(e.kind()).isEqualTo(Kind.QUOTA);
        assertThat(e.retryAfter()).isEqualTo(NEXT_BEIJING_MIDNIGHT);
        assertThat(wx.count(SENDALL)).isEqualTo(1);
    }

    @Test
    void aClientMsgIdLongerThan64BytesIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> gateway.massSendAll(ACCOUNT, "DRAFT-1", "批".repeat(22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bytes");
        assertThat(wx.all()).isEmpty();
    }

    @Test
    void previewsGoToAnOpenidOrAWeChatId() {
        wx.always(PREVIEW, json("{\"errcode\":0,\"errmsg\":\"preview success\",\"msg_id\":34182}"));

        gateway.massPreview(ACCOUNT, "DRAFT-1", "oOPENID123", false);
        gateway.massPreview(ACCOUNT, "DRAFT-1", "zhang_kezhang", true);

        assertThat(body(wx.requests(PREVIEW).get(0))).contains("\"touser\":\"oOPENID123\"",
                "\"mpnews\":{\"media_id\":\"DRAFT-1\"}", "\"msgtype\":\"mpnews\"").doesNotContain("towxname");
        assertThat(body(wx.requests(PREVIEW).get(1))).contains("\"towxname\":\"zhang_kezhang\"")
                .doesNotContain("touser");
    }

    @Test
    void aBusyPreviewIsRetriedButALostPreviewAnswerIsNot() {
        wx.enqueue(PREVIEW, error(-1, "system error"), json("{\"errcode\":0}"));
        gateway.massPreview(ACCOUNT, "DRAFT-1", "oOPENID123", false);
        assertThat(wx.count(PREVIEW)).isEqualTo(2);

        wx.enqueue(PREVIEW, dropAfterReading(), json("{\"errcode\":0}"));
        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.massPreview(ACCOUNT, "DRAFT-1", "oOPENID123", false));
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.staffMessage()).contains("没有自动重发");
        assertThat(wx.count(PREVIEW)).isEqualTo(3);
    }

    // --- published articles -------------------------------------------------------------------------------------

    @Test
    void listsPublishedItemsWithTheirArticlesAndDeletionsAndToleratesAMissingUpdateTime() {
        wx.enqueue(BATCHGET, json("{\"total_count\":2,\"item_count\":2,\"item\":["
                + "{\"article_id\":\"ART-2\",\"content\":{\"news_item\":[{\"title\":\"第二\",\"url\":\"https://mp.weixin.qq.com/s/b\","
                + "\"is_deleted\":false},{\"title\":\"第三\",\"url\":\"https://mp.weixin.qq.com/s/c\",\"is_deleted\":true}]},"
                + "\"update_time\":1772416800},"
                + "{\"article_id\":\"ART-1\",\"content\":{\"news_item\":[{\"title\":\"第一\",\"url\":\"https://mp.weixin.qq.com/s/a\"}],"
                + "\"update_time\":1772330400}}]}"));

        List<PublishedArticleInfo> list = gateway.listPublished(ACCOUNT, 0, 2);

        assertThat(list).containsExactly(
                new PublishedArticleInfo("ART-2", Instant.ofEpochSecond(1772416800), List.of(
                        new PublishedArticleInfo.Item(1, "第二", "https://mp.weixin.qq.com/s/b", false),
                        new PublishedArticleInfo.Item(2, "第三", "https://mp.weixin.qq.com/s/c", true))),
                new PublishedArticleInfo("ART-1", null, List.of(
                        new PublishedArticleInfo.Item(1, "第一", "https://mp.weixin.qq.com/s/a", false))));
        assertThat(body(wx.requests(BATCHGET).get(0))).contains("\"offset\":0", "\"count\":2", "\"no_content\":1");
    }

    @Test
    void aPageOfMoreThan20IsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> gateway.listPublished(ACCOUNT, 0, 21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.listDrafts(ACCOUNT, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(wx.all()).isEmpty();
    }

    @Test
    void getsOnePublishedItemByArticleId() {
        wx.enqueue(GETARTICLE, json("{\"news_item\":[{\"title\":\"通知\",\"url\":\"https://mp.weixin.qq.com/s/x\","
                + "\"is_deleted\":false}]}"));

        PublishedArticleInfo info = gateway.getPublished(ACCOUNT, "ART-9");

        assertThat(info.articleId()).isEqualTo("ART-9");
        assertThat(info.firstTitle()).isEqualTo("通知");
        assertThat(body(wx.requests(GETARTICLE).get(0))).isEqualTo("{\"article_id\":\"ART-9\"}");
    }

    @Test
    void anUnknownArticleIdIsPermanentWith53600() {
        wx.always(GETARTICLE, error(53600, "Article ID 无效"));

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.getPublished(ACCOUNT, "X"));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.code()).isEqualTo(53600);
        assertThat(wx.count(GETARTICLE)).isEqualTo(1);
    }

    @Test
    void deletesOnePublishedArticleByItsOneBasedIndexOrAllWithZero() {
        wx.always(PUBLISHED_DELETE, json("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        gateway.deletePublished(ACCOUNT, "ART-9", 2);
        gateway.deletePublished(ACCOUNT, "ART-9", 0);

        assertThat(body(wx.requests(PUBLISHED_DELETE).get(0))).contains("\"article_id\":\"ART-9\"", "\"index\":2");
        assertThat(body(wx.requests(PUBLISHED_DELETE).get(1))).contains("\"index\":0");
        assertThatThrownBy(() -> gateway.deletePublished(ACCOUNT, "ART-9", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- draft box ----------------------------------------------------------------------------------------------

    @Test
    void updatesOneArticleOfADraftByItsZeroBasedIndex() {
        wx.enqueue(DRAFT_UPDATE, json("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        gateway.updateDraft(ACCOUNT, "DRAFT-1", 1, article("改后的标题"));

        String sent = body(wx.requests(DRAFT_UPDATE).get(0));
        assertThat(sent).contains("\"media_id\":\"DRAFT-1\"", "\"index\":1", "\"articles\":{",
                "\"title\":\"改后的标题\"", "\"thumb_media_id\":\"THUMB-1\"");
    }

    @Test
    void aBadDraftIndexIs40114AndNotRetried() {
        wx.always(DRAFT_UPDATE, error(40114, "invalid index value"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.updateDraft(ACCOUNT, "DRAFT-1", 0, article("标题")));

        assertThat(e.code()).isEqualTo(40114);
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(wx.count(DRAFT_UPDATE)).isEqualTo(1);
    }

    @Test
    void deletingADraftThatIsAlreadyGoneSucceeds() {
        wx.enqueue(DRAFT_DELETE, json("{\"errcode\":0,\"errmsg\":\"ok\"}"), error(40007, "invalid media_id"));

        gateway.deleteDraft(ACCOUNT, "DRAFT-1");
        gateway.deleteDraft(ACCOUNT, "DRAFT-1");

        assertThat(body(wx.requests(DRAFT_DELETE).get(0))).isEqualTo("{\"media_id\":\"DRAFT-1\"}");
        assertThat(wx.count(DRAFT_DELETE)).isEqualTo(2);
    }

    @Test
    void countsAndListsDrafts() {
        wx.enqueue(DRAFT_COUNT, json("{\"total_count\":3}"));
        wx.enqueue(DRAFT_BATCHGET, json("{\"total_count\":3,\"item_count\":1,\"item\":[{\"media_id\":\"DRAFT-3\","
                + "\"content\":{\"news_item\":[{\"title\":\"甲\",\"url\":\"http://mp.weixin.qq.com/s?t=1\"},"
                + "{\"title\":\"乙\",\"url\":\"\"}]},\"update_time\":1772416800}]}"));

        assertThat(gateway.draftCount(ACCOUNT)).isEqualTo(3);
        assertThat(gateway.listDrafts(ACCOUNT, 2, 1)).containsExactly(new DraftInfo("DRAFT-3",
                Instant.ofEpochSecond(1772416800), List.of(new DraftInfo.Item("甲", "http://mp.weixin.qq.com/s?t=1"),
                new DraftInfo.Item("乙", ""))));
        assertThat(body(wx.requests(DRAFT_BATCHGET).get(0))).contains("\"offset\":2", "\"count\":1",
                "\"no_content\":1");
    }

    // --- clear_quota --------------------------------------------------------------------------------------------

    @Test
    void clearsTheQuotaOfTheAccountsOwnAppId() {
        wx.enqueue(CLEAR_QUOTA, json("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        gateway.clearQuota(ACCOUNT);

        assertThat(body(wx.requests(CLEAR_QUOTA).get(0))).isEqualTo("{\"appid\":\"" + APP_ID + "\"}");
    }

    @Test
    void aClearQuotaWhoseAnswerIsLostIsNotResentAndNoResetsLeftIsPermanent() {
        wx.enqueue(CLEAR_QUOTA, dropAfterReading(), error(48006, "forbid to clear quota because of reaching the limit"));

        assertThat(catchThrowableOfType(WeChatException.class, () -> gateway.clearQuota(ACCOUNT)).kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(wx.count(CLEAR_QUOTA)).isEqualTo(1);

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.clearQuota(ACCOUNT));
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("10 次");
        assertThat(wx.count(CLEAR_QUOTA)).isEqualTo(2);
    }

    // --- probe --------------------------------------------------------------------------------------------------

    static void grantEverything(WireServer wx) {
        wx.always(DRAFT_COUNT, json("{\"total_count\":0}"));
        wx.always(BATCHGET, json("{\"total_count\":0,\"item_count\":0,\"item\":[]}"));
        wx.always(QUOTA_GET, json("{\"errcode\":0,\"errmsg\":\"ok\",\"quota\":{\"daily_limit\":100,\"used\":0,"
                + "\"remain\":100}}"));
    }

    @Test
    void aHealthyAccountPassesEveryCheckWithoutSendingAnything() {
        grantEverything(wx);

        AccountProbe p = gateway.probe(ACCOUNT);

        assertThat(p.ok()).isTrue();
        assertThat(p.checks()).extracting(AccountProbe.Check::status).containsOnly(Status.OK);
        assertThat(body(wx.requests(BATCHGET).get(0))).contains("\"count\":1");
        assertThat(body(wx.requests(QUOTA_GET).get(0))).isEqualTo("{\"cgi_path\":\"/cgi-bin/message/mass/sendall\"}");
        assertThat(wx.count(SENDALL)).isZero();
    }

    @Test
    void aWrongSecretFailsTheTokenAndSkipsTheRest() {
        wx.always(TOKEN_PATH, error(40125, "invalid appsecret"));

        AccountProbe p = gateway.probe(ACCOUNT);

        assertThat(p.token().status()).isEqualTo(Status.FAILED);
        assertThat(p.token().code()).isEqualTo(40125);
        assertThat(p.token().message()).contains("AppSecret");
        assertThat(List.of(p.ipWhitelist(), p.draft(), p.freepublish(), p.massSend()))
                .extracting(AccountProbe.Check::status).containsOnly(Status.SKIPPED);
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void anUnwhitelistedIpFailsTokenAndWhitelistWithTheIpWeChatSaw() {
        wx.always(TOKEN_PATH, error(40164, "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6"));

        AccountProbe p = gateway.probe(ACCOUNT);

        assertThat(p.ipWhitelist().status()).isEqualTo(Status.FAILED);
        assertThat(p.ipWhitelist().message()).contains("1.2.3.4", "IP白名单");
        assertThat(p.token().status()).isEqualTo(Status.FAILED);
        assertThat(p.token().message()).contains("40164", "IP 白名单");
        assertThat(List.of(p.draft(), p.freepublish(), p.massSend())).extracting(AccountProbe.Check::status)
                .containsOnly(Status.SKIPPED);
        assertThat(p.ok()).isFalse();
    }

    @Test
    void anUnverifiedAccountLacksFreepublishAndMassSendButKeepsTheDraftBox() {
        grantEverything(wx);
        wx.always(BATCHGET, error(48001, "api unauthorized"));
        wx.always(QUOTA_GET, json("{\"errcode\":0,\"errmsg\":\"ok\",\"quota\":{\"daily_limit\":0,\"used\":0,"
                + "\"remain\":0}}"));

        AccountProbe p = gateway.probe(ACCOUNT);

        assertThat(p.draft().status()).isEqualTo(Status.OK);
        assertThat(p.freepublish().status()).isEqualTo(Status.FAILED);
        assertThat(p.freepublish().code()).isEqualTo(48001);
        assertThat(p.freepublish().message()).contains("微信认证");
        assertThat(p.massSend().status()).isEqualTo(Status.FAILED);
        assertThat(p.massSend().code()).isEqualTo(48001);
        assertThat(p.massSend().message()).contains("群发接口", "daily_limit 为 0");
        assertThat(wx.count(BATCHGET)).isEqualTo(1);
    }

    @Test
    void aQuotaGetAnswering48001AlsoMeansNoMassSendPermission() {
        grantEverything(wx);
        wx.always(QUOTA_GET, error(48001, "api unauthorized"));

        AccountProbe p = gateway.probe(ACCOUNT);

        assertThat(p.massSend().status()).isEqualTo(Status.FAILED);
        assertThat(p.massSend().code()).isEqualTo(48001);
        assertThat(p.freepublish().status()).isEqualTo(Status.OK);
    }
}
