package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static cn.gongkai.wechat.WireServer.TOKEN;
import static cn.gongkai.wechat.WireServer.TOKEN_PATH;
import static cn.gongkai.wechat.WireServer.error;
import static cn.gongkai.wechat.WireServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WxJavaGatewayWireTest {

    static final String SECRET = "APPSECRET-9d8c7b6a5f4e";
    static final String ACCOUNT = "hongqi";
    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z"); // 09:30 in Beijing
    static final Instant NEXT_BEIJING_MIDNIGHT = Instant.parse("2026-03-02T16:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final WeChatClientConfig FAST = new WeChatClientConfig(Duration.ofSeconds(1), Duration.ofMillis(400), 2,
            Duration.ofMillis(5));

    static final String UPLOADIMG = "/cgi-bin/media/uploadimg";
    static final String ADD_MATERIAL = "/cgi-bin/material/add_material";
    static final String DRAFT_ADD = "/cgi-bin/draft/add";
    static final String DRAFT_GET = "/cgi-bin/draft/get";
    static final String SUBMIT = "/cgi-bin/freepublish/submit";
    static final String STATUS = "/cgi-bin/freepublish/get";
    static final String BATCHGET = "/cgi-bin/freepublish/batchget";

    WireServer wx;
    WxJavaGateway gateway;

    @BeforeEach
    void start() throws IOException {
        wx = new WireServer();
        gateway = new WxJavaGateway(List.of(account(ACCOUNT, "wx0123456789abcdef", wx)), FAST, CLOCK);
    }

    @AfterEach
    void stop() {
        gateway.close();
        wx.close();
    }

    static AccountConfig account(String id, String appId, WireServer server) {
        return anAccount().id(id).name("公众号 " + id).appId(appId).secret(SECRET).apiBaseUrl(server.baseUrl())
                .cron("0 0 9 * * ?").sandbox(false).build();
    }

    static DraftArticle article(String title) {
        return new DraftArticle(title, "办公室", "摘要", "<p>正文</p>", "https://example.gov.cn/a/1", "THUMB-1");
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    static MockResponse html502() {
        return new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build();
    }

    static MockResponse dropAfterReading() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    static MockResponse slow() {
        return new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body("{\"errcode\":0,\"publish_id\":\"1\"}").build();
    }

    // --- happy paths ---------------------------------------------------------------------------------------------

    @Test
    void fetchesAStableTokenAndSendsItOnlyAsQueryParameterOfApiCalls() {
        wx.enqueue(STATUS, json("{\"publish_id\":\"1\",\"publish_status\":1}"));

        gateway.publishStatus(ACCOUNT, "1");

        RecordedRequest token = wx.requests(TOKEN_PATH).get(0);
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getTarget()).isEqualTo(TOKEN_PATH);
        assertThat(body(token)).contains("\"appid\":\"wx0123456789abcdef\"", "\"secret\":\"" + SECRET + "\"",
                "\"force_refresh\":false");
        assertThat(wx.requests(STATUS).get(0).getTarget()).isEqualTo(STATUS + "?access_token=" + TOKEN);
    }

    @Test
    void uploadsABodyImageUnderItsOwnFileNameAndDeletesTheTemporaryFile() throws IOException {
        wx.enqueue(UPLOADIMG, json("{\"url\":\"http://mmbiz.qpic.cn/mmbiz_png/abc/0\"}"));
        long before = stagedFiles();

        String url = gateway.uploadBodyImage(ACCOUNT, new MediaFile("chart-2026.png", "image/png",
                "PNGDATA".getBytes(StandardCharsets.US_ASCII)));

        assertThat(url).isEqualTo("http://mmbiz.qpic.cn/mmbiz_png/abc/0");
        String multipart = body(wx.requests(UPLOADIMG).get(0));
        assertThat(multipart).contains("name=\"media\"; filename=\"chart-2026.png\"", "PNGDATA");
        assertThat(stagedFiles()).isEqualTo(before);
    }

    static long stagedFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gongkai-wx-")).count();
        }
    }

    @Test
    void addsACoverAsPermanentImageMaterial() {
        wx.enqueue(ADD_MATERIAL, json("{\"media_id\":\"COVER-MEDIA\",\"url\":\"http://mmbiz.qpic.cn/x\"}"));

        String mediaId = gateway.addCoverImage(ACCOUNT, new MediaFile("cover.jpg", "image/jpeg", new byte[]{1, 2, 3}));

        assertThat(mediaId).isEqualTo("COVER-MEDIA");
        RecordedRequest r = wx.requests(ADD_MATERIAL).get(0);
        assertThat(r.getTarget()).startsWith(ADD_MATERIAL + "?type=image&access_token=");
        assertThat(body(r)).contains("filename=\"cover.jpg\"");
    }

    @Test
    void createsADraftOfNewsArticlesWithoutLineSeparatorsInTheTitle() {
        wx.enqueue(DRAFT_ADD, json("{\"media_id\":\"DRAFT-1\"}"));

        String mediaId = gateway.addDraft(ACCOUNT, List.of(article("关于\u2028开展春季检查的通知"), article("第二篇")));

        assertThat(mediaId).isEqualTo("DRAFT-1");
        String json = body(wx.requests(DRAFT_ADD).get(0));
        assertThat(json).contains("\"title\":\"关于开展春季检查的通知\"", "\"title\":\"第二篇\"",
                "\"article_type\":\"news\"", "\"thumb_media_id\":\"THUMB-1\"",
                "\"content_source_url\":\"https://example.gov.cn/a/1\"").doesNotContain("\\u2028");
    }

    @Test
    void sendsTheCoverCropsOnlyWhenTheArticleHasThem() {
        wx.enqueue(DRAFT_ADD, json("{\"media_id\":\"DRAFT-1\"}"));
        DraftArticle cropped = new DraftArticle("有裁剪", "办公室", "摘要", "<p>正文</p>", "", "THUMB-1",
                "0_0.216312_1_0.783688", "0.125_0_0.875_1");

        gateway.addDraft(ACCOUNT, List.of(cropped, article("无裁剪")));

        String json = body(wx.requests(DRAFT_ADD).get(0));
        assertThat(json).contains("\"pic_crop_235_1\":\"0_0.216312_1_0.783688\"",
                "\"pic_crop_1_1\":\"0.125_0_0.875_1\"");
        assertThat(json.indexOf("pic_crop_235_1")).isEqualTo(json.lastIndexOf("pic_crop_235_1"));
    }

    @Test
    void submitStripsTheJsonQuotesWxJavaLeavesAroundAStringPublishId() {
        wx.enqueue(SUBMIT, json("{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":\"100000001\",\"msg_data_id\":2}"));

        assertThat(gateway.submitPublish(ACCOUNT, "DRAFT-1")).isEqualTo("100000001");
        assertThat(body(wx.requests(SUBMIT).get(0))).isEqualTo("{\"media_id\":\"DRAFT-1\"}");
    }

    @Test
    void submitAcceptsANumericPublishId() {
        wx.enqueue(SUBMIT, json("{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":2247503051}"));

        assertThat(gateway.submitPublish(ACCOUNT, "DRAFT-1")).isEqualTo("2247503051");
    }

    @Test
    void submitWithoutAPublishIdInASuccessfulAnswerIsAnUnknownOutcome() {
        wx.enqueue(SUBMIT, json("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.submitPublish(ACCOUNT, "DRAFT-1"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    @Test
    void draftExistsWhileDraftGetAnswersAndNotAfter40007() {
        wx.enqueue(DRAFT_GET, json("{\"news_item\":[{\"title\":\"t\",\"content\":\"c\"}]}"),
                error(40007, "invalid media_id"));

        assertThat(gateway.draftExists(ACCOUNT, "DRAFT-1")).isTrue();
        assertThat(gateway.draftExists(ACCOUNT, "DRAFT-1")).isFalse();
        assertThat(wx.count(DRAFT_GET)).isEqualTo(2);
    }

    @Test
    void publishStatusMapsASuccessfulJobWithItsPermanentLinks() {
        wx.enqueue(STATUS, json("{\"publish_id\":\"100000001\",\"publish_status\":0,\"article_id\":\"ART-9\","
                + "\"article_detail\":{\"count\":2,\"item\":[{\"idx\":1,\"article_url\":\"https://mp.weixin.qq.com/s/a\"},"
                + "{\"idx\":2,\"article_url\":\"https://mp.weixin.qq.com/s/b\"}]},\"fail_idx\":[]}"));

        PublishStatus s = gateway.publishStatus(ACCOUNT, "\"100000001\"");

        assertThat(body(wx.requests(STATUS).get(0))).isEqualTo("{\"publish_id\":\"100000001\"}");
        assertThat(s.state()).isEqualTo(PublishStatus.State.SUCCESS);
        assertThat(s.publishId()).isEqualTo("100000001");
        assertThat(s.articleId()).isEqualTo("ART-9");
        assertThat(s.articles()).containsExactly(
                new PublishStatus.PublishedArticle(1, "https://mp.weixin.qq.com/s/a"),
                new PublishStatus.PublishedArticle(2, "https://mp.weixin.qq.com/s/b"));
    }

    @Test
    void publishStatusReportsTheFailingArticlesOfARejectedJob() {
        wx.enqueue(STATUS, json("{\"publish_id\":\"7\",\"publish_status\":4,\"fail_idx\":[1,3]}"));

        PublishStatus s = gateway.publishStatus(ACCOUNT, "7");

        assertThat(s.state()).isEqualTo(PublishStatus.State.REJECTED_BY_REVIEW);
        assertThat(s.rawStatus()).isEqualTo(4);
        assertThat(s.failIdx()).containsExactly(1, 3);
        assertThat(s.articles()).isEmpty();
    }

    @Test
    void findsAPublishedArticleByItsFirstTitleAcrossPages() {
        StringBuilder page1 = new StringBuilder("{\"total_count\":25,\"item_count\":20,\"item\":[");
        for (int i = 0; i < 20; i++) {
            page1.append(i == 0 ? "" : ",").append(item("ART-" + i, "旧文章 " + i));
        }
        wx.enqueue(BATCHGET, json(page1.append("]}").toString()),
                json("{\"total_count\":25,\"item_count\":5,\"item\":[" + item("ART-20", "关于开展春季检查的通知") + "]}"));

        Optional<PublishStatus> found = gateway.findPublished(ACCOUNT, "关于开展春季检查的通知", 40);

        assertThat(found).isPresent();
        assertThat(found.get().articleId()).isEqualTo("ART-20");
        assertThat(found.get().articles()).containsExactly(
                new PublishStatus.PublishedArticle(1, "https://mp.weixin.qq.com/s/x"));
        assertThat(body(wx.requests(BATCHGET).get(0))).contains("\"offset\":0", "\"count\":20", "\"no_content\":1");
        assertThat(body(wx.requests(BATCHGET).get(1))).contains("\"offset\":20", "\"count\":20");
    }

    @Test
    void findsNothingWhenNoRecentArticleHasTheTitle() {
        wx.enqueue(BATCHGET, json("{\"total_count\":1,\"item_count\":1,\"item\":[" + item("ART-1", "别的") + "]}"));

        assertThat(gateway.findPublished(ACCOUNT, "关于开展春季检查的通知", 10)).isEmpty();
        assertThat(wx.count(BATCHGET)).isEqualTo(1);
    }

    static String item(String articleId, String title) {
        return "{\"article_id\":\"" + articleId + "\",\"content\":{\"news_item\":[{\"title\":\"" + title
                + "\",\"url\":\"https://mp.weixin.qq.com/s/x\",\"is_deleted\":false}]},\"update_time\":1700000000}";
    }

    @Test
    void anUnknownAccountIsRejectedByName() {
        assertThatThrownBy(() -> gateway.draftExists("nosuch", "D"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nosuch'")
                .hasMessageContaining(ACCOUNT);
    }

    // --- token handling ------------------------------------------------------------------------------------------

    @Test
    void aTokenRejectedWith40001IsRefreshedOnceAndTheCallRepeated() {
        wx.enqueue(STATUS, error(40001, "invalid credential, access_token is invalid or not latest"),
                json("{\"publish_id\":\"1\",\"publish_status\":1}"));

        assertThat(gateway.publishStatus(ACCOUNT, "1").state()).isEqualTo(PublishStatus.State.PUBLISHING);
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(2);
        assertThat(wx.count(STATUS)).isEqualTo(2);
    }

    @ParameterizedTest(name = "token code {0} twice")
    @CsvSource({"40001", "40014", "42001"})
    void aTokenCodeThatPersistsAfterTheRefreshIsPermanentAndBlamesTheAppSecret(int code) {
        wx.always(STATUS, error(code, "access_token invalid"));

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.publishStatus(ACCOUNT, "1"));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.staffMessage()).contains("AppSecret", "其他系统");
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(2);
        assertThat(wx.count(STATUS)).isEqualTo(2);
    }

    @Test
    void aServerIpOutsideTheWhitelistIsReportedWithTheIpWeChatSaw() {
        wx.always(TOKEN_PATH, error(40164, "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 65f0"));

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.draftExists(ACCOUNT, "D"));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).startsWith("服务器 IP（微信看到的是 203.0.113.7）不在公众号的 IP 白名单中")
                .contains("设置与开发 → 基本配置 → IP白名单");
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(1);
        assertThat(wx.count(DRAFT_GET)).isZero();
    }

    @ParameterizedTest(name = "token endpoint answers {0}")
    @CsvSource({
            "40013, PERMANENT, AppID",
            "40125, PERMANENT, AppSecret",
            "40243, PERMANENT, 冻结",
            "89503, TRANSIENT, 管理员",
            "89506, PERMANENT, 24 小时",
            "89507, PERMANENT, 1 小时"})
    void tokenEndpointErrorsAreNotRetriedAndExplained(int code, Kind kind, String hint) {
        wx.always(TOKEN_PATH, error(code, "token error"));

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D"));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.staffMessage()).contains(hint);
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(1);
        assertThat(wx.count(SUBMIT)).isZero();
    }

    @Test
    void aBusyTokenEndpointIsRetriedBeforeSubmitting() {
        wx.enqueue(TOKEN_PATH, error(-1, "system error"));
        wx.enqueue(SUBMIT, json("{\"errcode\":0,\"publish_id\":\"5\"}"));

        assertThat(gateway.submitPublish(ACCOUNT, "D")).isEqualTo("5");
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(2);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    // --- error codes on an idempotent call (freepublish/get) and on submit -------------------------------------

    /** code, kind on freepublish/get, requests to freepublish/get, kind on submit, requests to submit, message hint. */
    @ParameterizedTest(name = "errcode {0}")
    @CsvSource({
            "-1,    TRANSIENT, 3, UNKNOWN_OUTCOME, 1, 繁忙",
            "40002, PERMANENT, 1, PERMANENT,       1, 程序问题",
            "40005, PERMANENT, 1, PERMANENT,       1, JPG 或 PNG",
            "40007, PERMANENT, 1, PERMANENT,       1, media_id 无效",
            "40009, PERMANENT, 1, PERMANENT,       1, 图片太大",
            "40113, PERMANENT, 1, PERMANENT,       1, 不支持该文件类型",
            "40114, PERMANENT, 1, PERMANENT,       1, 序号",
            "41039, PERMANENT, 1, PERMANENT,       1, 阅读原文",
            "44003, PERMANENT, 1, PERMANENT,       1, 图文数据为空",
            "45002, PERMANENT, 1, PERMANENT,       1, 正文太长",
            "45003, PERMANENT, 1, PERMANENT,       1, 32 个字",
            "45004, PERMANENT, 1, PERMANENT,       1, 128 个字",
            "45008, PERMANENT, 1, PERMANENT,       1, 最多 8 篇",
            "45009, QUOTA,     1, QUOTA,           1, 调用次数已用完",
            "45011, TRANSIENT, 3, TRANSIENT,       1, 每分钟",
            "45028, QUOTA,     1, QUOTA,           1, 群发次数已用完",
            "45065, PERMANENT, 1, PERMANENT,       1, 已经群发过",
            "45066, TRANSIENT, 1, TRANSIENT,       1, 一分钟后",
            "45067, PERMANENT, 1, PERMANENT,       1, 过长",
            "45103, PERMANENT, 1, PERMANENT,       1, 停用",
            "45166, PERMANENT, 1, PERMANENT,       1, 内容不合法",
            "48001, PERMANENT, 1, PERMANENT,       1, 微信认证",
            "48006, PERMANENT, 1, PERMANENT,       1, 清零",
            "50002, PERMANENT, 1, PERMANENT,       1, 冻结或注销",
            "53402, PERMANENT, 1, PERMANENT,       1, 裁剪",
            "53404, PERMANENT, 1, PERMANENT,       1, 限制带货",
            "53405, PERMANENT, 1, PERMANENT,       1, 商品信息",
            "53406, PERMANENT, 1, PERMANENT,       1, 带货能力",
            "53503, PERMANENT, 1, PERMANENT,       1, 发布检查",
            "53504, PERMANENT, 1, PERMANENT,       1, 手动发布",
            "53505, PERMANENT, 1, PERMANENT,       1, 保存",
            "53600, PERMANENT, 1, PERMANENT,       1, article_id",
            "88000, PERMANENT, 1, PERMANENT,       1, 留言",
            "40164, PERMANENT, 1, PERMANENT,       1, IP 白名单",
            "40013, PERMANENT, 1, PERMANENT,       1, AppID",
            "40125, PERMANENT, 1, PERMANENT,       1, AppSecret",
            "40243, PERMANENT, 1, PERMANENT,       1, 冻结",
            "89503, TRANSIENT, 1, TRANSIENT,       1, 管理员",
            "89506, PERMANENT, 1, PERMANENT,       1, 24 小时",
            "89507, PERMANENT, 1, PERMANENT,       1, 1 小时",
            "61234, PERMANENT, 1, PERMANENT,       1, 错误码 61234"})
    void eachErrorCodeIsRetriedOrNotAndMappedToItsKindAndMessage(int code, Kind statusKind, int statusRequests,
                                                                 Kind submitKind, int submitRequests, String hint) {
        wx.always(STATUS, error(code, "errmsg of " + code));
        wx.always(SUBMIT, error(code, "errmsg of " + code));

        WeChatException onStatus = catchThrowableOfType(WeChatException.class,
                () -> gateway.publishStatus(ACCOUNT, "1"));
        WeChatException onSubmit = catchThrowableOfType(WeChatException.class,
                () -> gateway.submitPublish(ACCOUNT, "DRAFT-1"));

        assertThat(onStatus.kind()).isEqualTo(statusKind);
        assertThat(onStatus.code()).isEqualTo(code);
        assertThat(onStatus.api()).isEqualTo("freepublish/get");
        assertThat(onStatus.account()).isEqualTo(ACCOUNT);
        assertThat(onStatus.staffMessage()).contains(hint).contains("errmsg of " + code);
        assertThat(wx.count(STATUS)).isEqualTo(statusRequests);

        assertThat(onSubmit.kind()).isEqualTo(submitKind);
        assertThat(onSubmit.code()).isEqualTo(code);
        assertThat(wx.count(SUBMIT)).isEqualTo(submitRequests);

        Instant retryAfter = switch (statusKind) {
            case QUOTA -> NEXT_BEIJING_MIDNIGHT;
            case TRANSIENT -> code == 45011 || code == 45066 ? NOW.plusSeconds(60) : null;
            default -> null;
        };
        assertThat(onStatus.retryAfter()).isEqualTo(retryAfter);
        assertThat(wx.count(TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void aBusySubmitIsAnUnknownOutcomeThatTellsStaffNotToPublishByHand() {
        wx.always(SUBMIT, error(-1, "system error"));

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.staffMessage()).contains("无法确定文章是否已经发布", "请不要在公众号后台手动重复发布");
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    // --- transport: dropped connections, 5xx, timeouts ---------------------------------------------------------

    @Test
    void aSubmitWhosePooledConnectionDropsAfterTheRequestIsSentExactlyOnce() {
        wx.enqueue(SUBMIT, dropAfterReading(), json("{\"errcode\":0,\"publish_id\":\"2\"}"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.submitPublish(ACCOUNT, "DRAFT-1"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo(WeChatErrors.NETWORK);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
        RecordedRequest submit = wx.requests(SUBMIT).get(0);
        assertThat(submit.getExchangeIndex()).as("the submit reused the token's pooled connection").isEqualTo(1);
    }

    @Test
    void aDraftAddWhoseConnectionDropsAfterTheRequestIsSentExactlyOnce() {
        wx.enqueue(DRAFT_ADD, dropAfterReading(), json("{\"media_id\":\"DRAFT-2\"}"));

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> gateway.addDraft(ACCOUNT, List.of(article("标题"))));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.staffMessage()).contains("重复的草稿");
        assertThat(wx.count(DRAFT_ADD)).isEqualTo(1);
    }

    @Test
    void aDraftAddAnsweredWithBusyIsRetried() {
        wx.enqueue(DRAFT_ADD, error(-1, "system error"), error(45011, "api minute-quota reach limit"),
                json("{\"media_id\":\"DRAFT-3\"}"));

        assertThat(gateway.addDraft(ACCOUNT, List.of(article("标题")))).isEqualTo("DRAFT-3");
        assertThat(wx.count(DRAFT_ADD)).isEqualTo(3);
    }

    @Test
    void anHtml502IsRetriedForIdempotentCallsAndMappedWhenItPersists() {
        wx.enqueue(STATUS, html502(), json("{\"publish_id\":\"1\",\"publish_status\":1}"));
        assertThat(gateway.publishStatus(ACCOUNT, "1").state()).isEqualTo(PublishStatus.State.PUBLISHING);

        wx.always(STATUS, html502());
        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.publishStatus(ACCOUNT, "1"));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.code()).isEqualTo(WeChatErrors.UNREADABLE);
        assertThat(e.staffMessage()).contains("无法识别");
        assertThat(wx.count(STATUS)).isEqualTo(2 + 3);
    }

    @Test
    void anHtml502OnSubmitIsAnUnknownOutcomeAndNotResent() {
        wx.always(SUBMIT, html502());

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo(WeChatErrors.UNREADABLE);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    @Test
    void anEmpty500OnSubmitIsAnUnknownOutcomeAndNotResent() {
        wx.always(SUBMIT, new MockResponse.Builder().code(500).build());

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    @Test
    void aTimedOutIdempotentCallIsRetriedAndThenTransient() {
        wx.always(STATUS, slow());

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.publishStatus(ACCOUNT, "1"));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.code()).isEqualTo(WeChatErrors.NETWORK);
        assertThat(wx.count(STATUS)).isEqualTo(3);
    }

    @Test
    void aTimedOutSubmitIsAnUnknownOutcomeAndNotResent() {
        wx.always(SUBMIT, slow());

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo(WeChatErrors.NETWORK);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsTransientAndNothingIsSubmitted() {
        AccountConfig nowhere = anAccount().id("nowhere").name("无").appId("wx0123456789abcdee").secret(SECRET)
                .cron("0 0 9 * * ?").sandbox(false).build();
        try (WxJavaGateway g = new WxJavaGateway(List.of(nowhere), FAST, CLOCK)) {
            WeChatException e = catchThrowableOfType(WeChatException.class, () -> g.submitPublish("nowhere", "D"));

            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.code()).isEqualTo(WeChatErrors.NETWORK);
        }
    }
}
