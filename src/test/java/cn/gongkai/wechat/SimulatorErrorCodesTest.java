package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.FaultRule;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The simulator-side counterpart of {@link WxJavaGatewayWireTest}'s error-code suite: the real gateway against the
 * simulator, first for every code the simulator produces by itself (validation, quotas, tokens, permissions,
 * whitelist), then for every code of wechat-api.md §3 injected as a fault. Each case asserts the policy — kind,
 * retried or not (the simulator's own call count), and what staff are told.
 */
class SimulatorErrorCodesTest {
    static final String APP = "wxerrcodes00000001";
    static final String SECRET = "errcodes-secret";
    static final String UNVERIFIED = "wxerrcodes00000002";
    static final String SUBSCRIPTION = "wxerrcodes00000003";
    static final Instant START = Instant.parse("2026-03-02T01:30:00Z"); // 09:30 in Beijing
    static final Instant NEXT_BEIJING_MIDNIGHT = Instant.parse("2026-03-02T16:00:00Z");
    /** A generous read timeout, so that a slow first request on a busy machine is not an extra retry. */
    static final WeChatClientConfig FAST = new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(3), 2,
            Duration.ofMillis(5));
    static final WeChatClientConfig SHORT_READ = new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofMillis(300),
            2, Duration.ofMillis(5));

    final MutableClock clock = new MutableClock(START);
    WeChatSimulator sim;
    WxJavaGateway gateway;

    @BeforeEach
    void start() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock, 9);
        sim.registerAccount(APP, SECRET, AccountType.SERVICE, true);
        sim.registerAccount(UNVERIFIED, SECRET, AccountType.SUBSCRIPTION, false);
        sim.registerAccount(SUBSCRIPTION, SECRET, AccountType.SUBSCRIPTION, true);
        gateway = gateway(List.of(account("hongqi", APP, SECRET), account("weirenzheng", UNVERIFIED, SECRET),
                account("dingyue", SUBSCRIPTION, SECRET)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
    }

    WxJavaGateway gateway(List<AccountConfig> accounts) {
        return gateway(accounts, FAST);
    }

    WxJavaGateway gateway(List<AccountConfig> accounts, WeChatClientConfig client) {
        return new WxJavaGateway(accounts, client, clock);
    }

    AccountConfig account(String id, String appId, String secret) {
        return anAccount().id(id).name("公众号 " + id).appId(appId).secret(secret).apiBaseUrl(sim.baseUrl())
                .cron("0 0 9 * * ?").sandbox(false).build();
    }

    int calls(String appId, String endpoint) {
        return sim.record().calls(appId, endpoint);
    }

    static WeChatException failure(Executable call) {
        WeChatException e = catchThrowableOfType(WeChatException.class, call::execute);
        assertThat(e).as("a WeChatException").isNotNull();
        return e;
    }

    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String cover(String account) {
        return gateway.addCoverImage(account, new MediaFile("cover.png", "image/png", png(40, 30)));
    }

    DraftArticle article(String title, String digest, String content, String sourceUrl, String cover) {
        return new DraftArticle(title, "办公室", digest, content, sourceUrl, cover);
    }

    String draft(String account, String title) {
        return gateway.addDraft(account, List.of(article(title, "", "<p>正文</p>", "", cover(account))));
    }

    // --- codes the simulator produces by itself ------------------------------------------------------------------

    @Test
    void aWrongSecretIs40125OnTheTokenNotRetriedAndBlamesTheAppSecret() {
        try (WxJavaGateway wrong = gateway(List.of(account("hongqi", APP, "not-the-secret")))) {
            WeChatException e = failure(() -> wrong.draftCount("hongqi"));

            assertThat(e.code()).isEqualTo(40125);
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.staffMessage()).contains("AppSecret 无效", "基本配置");
            assertThat(calls(APP, "stable_token")).isEqualTo(1);
            assertThat(calls(APP, "draft/count")).isZero();
        }
    }

    @Test
    void anUnknownAppIdIs40013AndNamesTheAppId() {
        try (WxJavaGateway unknown = gateway(List.of(account("hongqi", "wxnotregistered001", SECRET)))) {
            WeChatException e = failure(() -> unknown.draftCount("hongqi"));

            assertThat(e.code()).isEqualTo(40013);
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.staffMessage()).contains("AppID");
        }
    }

    @Test
    void anIpOutsideTheWhitelistIs40164OnTheFirstCallWithTheIpWeChatSaw() {
        sim.faults().ipNotWhitelisted(APP, "198.51.100.23");

        WeChatException e = failure(() -> gateway.draftCount("hongqi"));

        assertThat(e.code()).isEqualTo(40164);
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).startsWith("服务器 IP（微信看到的是 198.51.100.23）不在公众号的 IP 白名单中");
        assertThat(calls(APP, "stable_token")).isEqualTo(1);
        assertThat(calls(APP, "draft/count")).isZero();
    }

    @Test
    void aTokenInvalidatedByAnotherSystemIs40001AndIsRefreshedOnceTransparently() {
        gateway.draftCount("hongqi");
        sim.faults().invalidateTokens(APP);

        assertThat(gateway.draftCount("hongqi")).isZero();

        assertThat(calls(APP, "draft/count")).isEqualTo(3);
        assertThat(calls(APP, "stable_token")).isEqualTo(2);
    }

    @Test
    void aTokenExpiredOnWeChatsClockIs42001AndIsRefreshedOnceTransparently() {
        gateway.draftCount("hongqi");
        clock.advance(Duration.ofHours(3));

        assertThat(gateway.draftCount("hongqi")).isZero();

        assertThat(calls(APP, "draft/count")).isEqualTo(3);
        assertThat(calls(APP, "stable_token")).isEqualTo(2);
    }

    @Test
    void anUnverifiedAccountGets48001OnSubmitOnceAndIsToldAboutVerification() {
        String draft = draft("weirenzheng", "未认证公众号的文章");

        WeChatException e = failure(() -> gateway.submitPublish("weirenzheng", draft));

        assertThat(e.code()).isEqualTo(48001);
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("微信认证", "接口权限");
        assertThat(calls(UNVERIFIED, "freepublish/submit")).isEqualTo(1);
        assertThat(sim.record().successfulSubmits()).isZero();
    }

    /** name, the call that the simulator refuses, code, kind, the simulator's count of that endpoint, hint. */
    @Test
    void draftValidationCodesArePermanentAndSentOnce() {
        String cover = cover("hongqi");
        record Case(String name, int code, String hint, DraftArticle article) {
        }
        List<Case> cases = List.of(
                new Case("title of 33 characters", 45003, "32 个字", article("标".repeat(33), "", "<p>正文</p>", "", cover)),
                new Case("digest of 129 characters", 45004, "128 个字",
                        article("标题", "摘".repeat(129), "<p>正文</p>", "", cover)),
                new Case("content of 20,000 characters", 45002, "正文太长",
                        article("标题", "", "<p>" + "字".repeat(20_000) + "</p>", "", cover)),
                new Case("external link", 45166, "内容不合法",
                        article("标题", "", "<p><a href=\"https://www.example.com/x\">链接</a></p>", "", cover)),
                new Case("阅读原文 over 1 KB", 41039, "阅读原文",
                        article("标题", "", "<p>正文</p>", "https://www.example.gov.cn/" + "a".repeat(1100), cover)),
                new Case("cover that is not permanent material", 40007, "media_id 无效",
                        article("标题", "", "<p>正文</p>", "", "NOT-A-MEDIA-ID")));
        int sent = calls(APP, "draft/add");
        for (Case c : cases) {
            WeChatException e = failure(() -> gateway.addDraft("hongqi", List.of(c.article())));

            assertThat(e.code()).as(c.name()).isEqualTo(c.code());
            assertThat(e.kind()).as(c.name()).isEqualTo(Kind.PERMANENT);
            assertThat(e.staffMessage()).as(c.name()).contains(c.hint()).contains("rid:");
            assertThat(calls(APP, "draft/add")).as(c.name() + " sent once").isEqualTo(++sent);
        }
        assertThat(gateway.draftCount("hongqi")).isZero();
    }

    @Test
    void imageCodesArePermanentAndSentOnce() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] big = Arrays.copyOf(png(10, 10), 1024 * 1024 + 10);

        WeChatException type = failure(() -> gateway.uploadBodyImage("hongqi", new MediaFile("a.png", "image/png",
                webp)));
        WeChatException size = failure(() -> gateway.uploadBodyImage("hongqi", new MediaFile("b.png", "image/png",
                big)));

        assertThat(type.code()).isEqualTo(40005);
        assertThat(type.staffMessage()).contains("JPG 或 PNG");
        assertThat(size.code()).isEqualTo(40009);
        assertThat(size.staffMessage()).contains("图片太大");
        assertThat(List.of(type.kind(), size.kind())).containsOnly(Kind.PERMANENT);
        assertThat(calls(APP, "media/uploadimg")).isEqualTo(2);
    }

    @Test
    void draftBoxAndPublishedArticleCodesArePermanentAndSentOnce() {
        String draft = draft("hongqi", "一篇文章");

        WeChatException index = failure(() -> gateway.updateDraft("hongqi", draft, 3,
                article("改", "", "<p>改</p>", "", cover("hongqi"))));
        WeChatException gone = failure(() -> gateway.updateDraft("hongqi", "NO-SUCH-DRAFT", 0,
                article("改", "", "<p>改</p>", "", cover("hongqi"))));
        WeChatException article = failure(() -> gateway.getPublished("hongqi", "NO-SUCH-ARTICLE"));
        WeChatException publishId = failure(() -> gateway.publishStatus("hongqi", "123"));

        assertThat(index.code()).isEqualTo(40114);
        assertThat(index.staffMessage()).contains("序号");
        assertThat(gone.code()).isEqualTo(40007);
        assertThat(article.code()).isEqualTo(53600);
        assertThat(article.staffMessage()).contains("发表记录");
        assertThat(publishId.code()).isEqualTo(40002);
        assertThat(publishId.staffMessage()).contains("程序问题");
        assertThat(List.of(index, gone, article, publishId)).extracting(WeChatException::kind)
                .containsOnly(Kind.PERMANENT);
        assertThat(calls(APP, "draft/update")).isEqualTo(2);
        assertThat(calls(APP, "freepublish/getarticle")).isEqualTo(1);
        assertThat(calls(APP, "freepublish/get")).isEqualTo(1);
        assertThat(gateway.draftExists("hongqi", draft)).isTrue();
    }

    @Test
    void aSpentDailyQuotaIs45009ParkedUntilBeijingMidnightAndNotRetried() {
        sim.faults().quota("freepublish/get", 0);

        WeChatException e = failure(() -> gateway.publishStatus("hongqi", "1"));

        assertThat(e.code()).isEqualTo(45009);
        assertThat(e.kind()).isEqualTo(Kind.QUOTA);
        assertThat(e.retryAfter()).isEqualTo(NEXT_BEIJING_MIDNIGHT);
        assertThat(e.staffMessage()).contains("调用次数已用完", "清零");
        assertThat(calls(APP, "freepublish/get")).isEqualTo(1);
    }

    @Test
    void massSendCodes45028And45065And45066FollowThePolicy() {
        String first = draft("dingyue", "今天的群发");
        gateway.massSendAll("dingyue", first, "batch-1");
        String second = draft("dingyue", "第二次群发");

        WeChatException quota = failure(() -> gateway.massSendAll("dingyue", second, "batch-2"));
        WeChatException tooSoon = failure(() -> gateway.massSendAll("dingyue", first, "batch-1"));
        clock.advance(Duration.ofMinutes(2));
        var repeat = gateway.massSendAll("dingyue", first, "batch-1");

        assertThat(quota.code()).isEqualTo(45028);
        assertThat(quota.kind()).isEqualTo(Kind.QUOTA);
        assertThat(quota.retryAfter()).isEqualTo(NEXT_BEIJING_MIDNIGHT);
        assertThat(quota.staffMessage()).contains("群发次数已用完");
        assertThat(tooSoon.code()).isEqualTo(45066);
        assertThat(tooSoon.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(tooSoon.retryAfter()).isEqualTo(START.plusSeconds(60));
        assertThat(repeat.alreadySent()).isTrue();
        assertThat(calls(SUBSCRIPTION, "message/mass/sendall")).isEqualTo(4);
        assertThat(sim.record().massSends()).hasSize(1);
    }

    @Test
    void clearingTheQuotaAnEleventhTimeInAMonthIs48006AndNotRetried() {
        for (int i = 0; i < 10; i++) {
            gateway.clearQuota("hongqi");
        }

        WeChatException e = failure(() -> gateway.clearQuota("hongqi"));

        assertThat(e.code()).isEqualTo(48006);
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("10 次");
        assertThat(calls(APP, "clear_quota")).isEqualTo(11);
    }

    // --- every code of §3 injected as a fault --------------------------------------------------------------------

    /**
     * code, kind and simulator calls on freepublish/get (idempotent, 2 retries), kind on freepublish/submit (sent
     * once, never retried), message hint.
     */
    @ParameterizedTest(name = "injected errcode {0}")
    @CsvSource({
            "-1,    TRANSIENT, 3, UNKNOWN_OUTCOME, 繁忙",
            "45011, TRANSIENT, 3, TRANSIENT,       每分钟",
            "40001, PERMANENT, 2, PERMANENT,       AppSecret",
            "40014, PERMANENT, 2, PERMANENT,       AppSecret",
            "42001, PERMANENT, 2, PERMANENT,       AppSecret",
            "40002, PERMANENT, 1, PERMANENT,       程序问题",
            "40005, PERMANENT, 1, PERMANENT,       JPG 或 PNG",
            "40007, PERMANENT, 1, PERMANENT,       media_id 无效",
            "40009, PERMANENT, 1, PERMANENT,       图片太大",
            "40113, PERMANENT, 1, PERMANENT,       不支持该文件类型",
            "40114, PERMANENT, 1, PERMANENT,       序号",
            "40164, PERMANENT, 1, PERMANENT,       IP 白名单",
            "41039, PERMANENT, 1, PERMANENT,       阅读原文",
            "44003, PERMANENT, 1, PERMANENT,       图文数据为空",
            "45002, PERMANENT, 1, PERMANENT,       正文太长",
            "45003, PERMANENT, 1, PERMANENT,       32 个字",
            "45004, PERMANENT, 1, PERMANENT,       128 个字",
            "45008, PERMANENT, 1, PERMANENT,       最多 8 篇",
            "45009, QUOTA,     1, QUOTA,           调用次数已用完",
            "45028, QUOTA,     1, QUOTA,           群发次数已用完",
            "45065, PERMANENT, 1, PERMANENT,       已经群发过",
            "45066, TRANSIENT, 1, TRANSIENT,       一分钟后",
            "45067, PERMANENT, 1, PERMANENT,       过长",
            "45103, PERMANENT, 1, PERMANENT,       停用",
            "45166, PERMANENT, 1, PERMANENT,       内容不合法",
            "48001, PERMANENT, 1, PERMANENT,       微信认证",
            "48006, PERMANENT, 1, PERMANENT,       清零",
            "50002, PERMANENT, 1, PERMANENT,       冻结或注销",
            "53402, PERMANENT, 1, PERMANENT,       裁剪",
            "53404, PERMANENT, 1, PERMANENT,       限制带货",
            "53405, PERMANENT, 1, PERMANENT,       商品信息",
            "53406, PERMANENT, 1, PERMANENT,       带货能力",
            "53503, PERMANENT, 1, PERMANENT,       发布检查",
            "53504, PERMANENT, 1, PERMANENT,       手动发布",
            "53505, PERMANENT, 1, PERMANENT,       保存",
            "53600, PERMANENT, 1, PERMANENT,       article_id",
            "88000, PERMANENT, 1, PERMANENT,       留言",
            "89503, TRANSIENT, 1, TRANSIENT,       管理员"})
    void anInjectedCodeIsRetriedOrNotAndExplainedAsOnTheWire(int code, Kind statusKind, int statusCalls,
                                                              Kind submitKind, String hint) {
        String draft = draft("hongqi", "注入错误码 " + code);
        int tokensBefore = calls(APP, "stable_token");
        sim.faults().add(always("freepublish/get", code)).add(always("freepublish/submit", code));

        WeChatException onStatus = failure(() -> gateway.publishStatus("hongqi", "1"));
        WeChatException onSubmit = failure(() -> gateway.submitPublish("hongqi", draft));

        assertThat(onStatus.code()).isEqualTo(code);
        assertThat(onStatus.kind()).isEqualTo(statusKind);
        assertThat(onStatus.staffMessage()).contains(hint).contains("rid:");
        assertThat(calls(APP, "freepublish/get")).isEqualTo(statusCalls);
        assertThat(onSubmit.code()).isEqualTo(code);
        assertThat(onSubmit.kind()).isEqualTo(submitKind);
        // a rejected token means WeChat did nothing, so WxJava's one refresh-and-repeat is safe even for submit
        assertThat(calls(APP, "freepublish/submit")).isEqualTo(isTokenCode(code) ? 2 : 1);
        assertThat(sim.record().successfulSubmits()).isZero();
        assertThat(gateway.draftExists("hongqi", draft)).isTrue();
        assertThat(calls(APP, "stable_token") - tokensBefore).isEqualTo(isTokenCode(code) ? 4 : 0);
    }

    static boolean isTokenCode(int code) {
        return code == 40001 || code == 40014 || code == 42001;
    }

    static FaultRule always(String endpoint, int code) {
        return new FaultRule(endpoint, null, FaultRule.When.ALWAYS, 0, 0, 0, FaultRule.Action.ERRCODE, code, 0, 0);
    }

    @Test
    void anInjected5xxPageIsRetriedOnIdempotentCallsAndAnUnknownOutcomeOnSubmitThatCreatedNothing() {
        String draft = draft("hongqi", "五百错误");
        sim.faults().add(new FaultRule("freepublish/get", null, FaultRule.When.ALWAYS, 0, 0, 0, FaultRule.Action.HTTP,
                0, 502, 0)).add(FaultRule.httpErrorOnNth("freepublish/submit", 1, 500));

        WeChatException onStatus = failure(() -> gateway.publishStatus("hongqi", "1"));
        WeChatException onSubmit = failure(() -> gateway.submitPublish("hongqi", draft));
        String publishId = gateway.submitPublish("hongqi", draft);

        assertThat(onStatus.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(onStatus.code()).isEqualTo(WeChatErrors.UNREADABLE);
        assertThat(onStatus.staffMessage()).contains("无法识别");
        assertThat(calls(APP, "freepublish/get")).isEqualTo(3);
        assertThat(onSubmit.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(onSubmit.staffMessage()).contains("请不要在公众号后台手动重复发布");
        assertThat(publishId).matches("\\d+");
        assertThat(sim.record().successfulSubmits()).isEqualTo(1);
    }

    @Test
    void aSubmitSlowerThanTheReadTimeoutIsAnUnknownOutcomeWhoseJobExistsAndIsNotResent() {
        String draft = draft("hongqi", "超时的提交");
        sim.faults().add(FaultRule.delayAlways("freepublish/submit", SHORT_READ.readTimeout().toMillis() + 300));

        WeChatException e;
        try (WxJavaGateway impatient = gateway(List.of(account("hongqi", APP, SECRET)), SHORT_READ)) {
            e = failure(() -> impatient.submitPublish("hongqi", draft));
        }
        assertThat(sim.awaitIdle(Duration.ofSeconds(3))).isTrue();

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo(WeChatErrors.NETWORK);
        assertThat(calls(APP, "freepublish/submit")).isEqualTo(1);
        assertThat(sim.record().successfulSubmits()).isEqualTo(1);
        assertThat(gateway.draftExists("hongqi", draft)).as("the draft was consumed: settle, do not resend").isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(gateway.findPublished("hongqi", "超时的提交", 20)).get().extracting(PublishStatus::articleId)
                .isNotNull();
    }
}
