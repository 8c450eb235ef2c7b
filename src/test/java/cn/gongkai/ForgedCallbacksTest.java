package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishActionException;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.simulator.SimulatorRecord;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.web.PublishingEndpoints;
import cn.gongkai.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged and replayed callbacks against the wired service and its simulator (issue 14). The attacker here holds the
 * callback token (the worst case: every forged request is correctly signed), so what keeps items from being published
 * twice is that an event is only a hint and WeChat's own answer is applied; replays and stale requests are refused
 * before anything is looked at. Confirmation runs on the request thread here, so no test waits on a clock.
 */
class ForgedCallbacksTest {
    private static final String TOKEN = "callback-token-forged";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong nonces = new AtomicLong(1000);
    private Wiring w;
    private WebServer web;

    @BeforeEach
    void start() {
        GongkaiConfig config = new ConfigLoader(Map.of("GONGKAI_DATA_DIR", dir.toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:mem:fc" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1",
                "GONGKAI_SANDBOX", "on", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0",
                "GONGKAI_ACCOUNTS_0_CALLBACK_TOKEN", TOKEN, "GONGKAI_ACCOUNTS_0_MAX_ARTICLES_PER_DRAFT", "1"))
                .load(null);
        w = new Wiring(config, clock, new PollPolicy(3, Duration.ZERO));
        web = WebServer.start(w.config(), w.database().items(), w.database().batches(), w.counter(), clock,
                new PublishingEndpoints(w.publisher(), w.callbacks(), w.callbackGuard(), w.watchdog(), Runnable::run),
                null);
    }

    @AfterEach
    void stop() {
        web.close();
        w.close();
    }

    private List<Long> approved(int n, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ItemImage image = Fixtures.storeImage(w.database(), prefix + i + ".png",
                    Fixtures.png(200 + i, 100, 0x114477 + i), 200 + i, 100);
            ids.add(Fixtures.approved(w.database(), Fixtures.content(prefix + "第" + (i + 1) + "批", "招商引资",
                    List.of(image)), clock.instant()).id());
        }
        return ids;
    }

    static String event(String publishId, int status, String link) {
        String detail = link == null ? "" : "<article_id><![CDATA[ART_EVIL]]></article_id><article_detail><count>1"
                + "</count><item><idx>1</idx><article_url><![CDATA[" + link + "]]></article_url></item>"
                + "</article_detail>";
        return "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[o_helper]]></FromUserName>"
                + "<CreateTime>1772416800</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>" + publishId
                + "</publish_id><publish_status>" + status + "</publish_status>" + detail
                + (status == 3 ? "<fail_idx>1</fail_idx>" : "") + "</PublishEventInfo></xml>";
    }

    private String signedQuery(long timestamp, String nonce) {
        String ts = Long.toString(timestamp);
        return "signature=" + SHA1.gen(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
    }

    private String freshQuery() {
        return signedQuery(clock.instant().getEpochSecond(), Long.toString(nonces.incrementAndGet()));
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
                        + "/wechat/callback/hongqi?" + query)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
                + "/wechat/callback/hongqi?" + query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String appId() {
        return w.config().accounts().get(0).appId();
    }

    private List<SimulatorRecord.PublishedArticle> wechatPublished() {
        return w.simulator().record().published().stream().filter(a -> a.appId().equals(appId())).toList();
    }

    private List<LedgerEntry> ledger() {
        return w.database().ledger().between(Instant.EPOCH, clock.instant().plusSeconds(3600));
    }

    private int polls() {
        return w.simulator().record().calls(appId(), "freepublish/get");
    }

    @Test
    void forgedFailuresForTheNextPublishIdsFailNothingAndEveryItemIsPublishedOnceWithWeChatsLink() throws Exception {
        approved(1, "探路稿件");
        w.publisher().run("hongqi");
        long known = Long.parseLong(w.database().batches().unfinished("hongqi").get(0).publishId());
        for (long id = known + 1; id <= known + 120; id++) {
            assertThat(post(freshQuery(), event(Long.toString(id), 3, null)).statusCode()).isEqualTo(200);
        }
        List<Long> items = approved(15, "招商引资项目签约");

        w.publisher().run("hongqi");
        for (PublishBatch b : w.database().batches().unfinished("hongqi")) {
            post(freshQuery(), event(b.publishId(), 3, null));
        }
        clock.advance(Duration.ofMinutes(20));
        w.publisher().resume("hongqi");

        assertThat(w.database().items().list(ItemStatus.FAILED)).isEmpty();
        assertThat(items).allSatisfy(id -> assertThat(w.database().items().find(id).orElseThrow().status())
                .isEqualTo(ItemStatus.PUBLISHED));
        assertThatThrownBy(() -> w.publishActions().requeue(items.get(0), "李主任", null))
                .isInstanceOf(PublishActionException.class);
        Map<String, Long> copies = wechatPublished().stream()
                .collect(Collectors.groupingBy(SimulatorRecord.PublishedArticle::title, Collectors.counting()));
        assertThat(copies).hasSize(16).allSatisfy((title, n) -> assertThat(n).as(title).isEqualTo(1));
        Set<String> wechatLinks = wechatPublished().stream().map(SimulatorRecord.PublishedArticle::url)
                .collect(Collectors.toSet());
        assertThat(ledger()).hasSize(16).allSatisfy(row -> assertThat(wechatLinks).contains(row.url()));
    }

    @Test
    void aFailureEventForAJobWeChatPublishedEndsInPublished() throws Exception {
        long id = approved(1, "外资企业座谈会").get(0);
        w.publisher().run("hongqi");
        PublishBatch batch = w.database().batches().unfinished("hongqi").get(0);

        assertThat(post(freshQuery(), event(batch.publishId(), 3, null)).statusCode()).isEqualTo(200);

        assertThat(w.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(w.database().batches().find(batch.id()).orElseThrow().state()).isEqualTo(BatchState.PUBLISHED);
    }

    @Test
    void aSuccessEventCarryingAnAttackersLinkPutsOnlyWeChatsLinkInTheLedger() throws Exception {
        approved(1, "商贸流通简报");
        w.publisher().run("hongqi");
        PublishBatch batch = w.database().batches().unfinished("hongqi").get(0);

        post(freshQuery(), event(batch.publishId(), 0, "https://evil.example/phish"));

        assertThat(ledger()).singleElement().satisfies(row -> {
            assertThat(row.url()).isEqualTo(wechatPublished().get(0).url()).doesNotContain("evil");
            assertThat(row.articleId()).isEqualTo(wechatPublished().get(0).articleId()).isNotEqualTo("ART_EVIL");
        });
    }

    @Test
    void aCallbackWithAStaleTimestampIsRefusedEitherWayAndChangesNothing() throws Exception {
        approved(1, "过期回调稿件");
        w.publisher().run("hongqi");
        PublishBatch batch = w.database().batches().unfinished("hongqi").get(0);
        long now = clock.instant().getEpochSecond();

        HttpResponse<String> old = post(signedQuery(now - 6 * 60, "501"), event(batch.publishId(), 3, null));
        HttpResponse<String> future = post(signedQuery(now + 6 * 60, "502"), event(batch.publishId(), 3, null));
        HttpResponse<String> verification = get(signedQuery(now - 3600, "503") + "&echostr=hello");

        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(future.statusCode()).isEqualTo(403);
        assertThat(verification.statusCode()).isEqualTo(403);
        assertThat(verification.body()).doesNotContain("hello");
        assertThat(w.database().batches().find(batch.id()).orElseThrow().state()).isEqualTo(BatchState.SUBMITTED);
        assertThat(polls()).isZero();
        assertThat(get(signedQuery(now - 60, "504") + "&echostr=hello").body()).isEqualTo("hello");
    }

    @Test
    void aReplayedNonceIsAnsweredSuccessButNotActedUpon() throws Exception {
        approved(2, "重放稿件");
        w.publisher().run("hongqi");
        List<PublishBatch> batches = w.database().batches().unfinished("hongqi");
        String query = freshQuery();

        HttpResponse<String> first = post(query, event(batches.get(0).publishId(), 0, null));
        int pollsAfterFirst = polls();
        HttpResponse<String> replay = post(query, event(batches.get(1).publishId(), 3, null));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo("success");
        assertThat(w.database().batches().find(batches.get(0).id()).orElseThrow().state())
                .isEqualTo(BatchState.PUBLISHED);
        assertThat(w.database().batches().find(batches.get(1).id()).orElseThrow().state())
                .isEqualTo(BatchState.SUBMITTED);
        assertThat(polls()).isEqualTo(pollsAfterFirst);
        assertThat(w.database().publishEvents().find("hongqi", batches.get(1).publishId())).isEmpty();
    }

    @Test
    void malformedCallbacksAreAnswered400NeverACrash() throws Exception {
        String deep = "<xml>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</xml>";
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><MsgType>&x;</MsgType></xml>";
        String badIdx = event("2247503099", 0, "https://mp.weixin.qq.com/s/x").replace("<idx>1</idx>",
                "<idx>one</idx>");
        String badStatus = event("2247503099", 3, null).replace("<publish_status>3</publish_status>",
                "<publish_status>three</publish_status>");
        String badFailIdx = event("2247503099", 3, null).replace("<fail_idx>1</fail_idx>",
                "<fail_idx>x</fail_idx>");
        Map<String, HttpResponse<String>> answers = new HashMap<>();
        answers.put("not XML", post(freshQuery(), "this is not xml <"));
        answers.put("deep", post(freshQuery(), deep));
        answers.put("doctype", post(freshQuery(), doctype));
        answers.put("idx", post(freshQuery(), badIdx));
        answers.put("publish_status", post(freshQuery(), badStatus));
        answers.put("fail_idx", post(freshQuery(), badFailIdx));
        answers.put("timestamp", post("signature=" + SHA1.gen(TOKEN, "abc", "1") + "&timestamp=abc&nonce=1",
                event("1", 0, null)));
        answers.put("no nonce", post("signature=x&timestamp=" + clock.instant().getEpochSecond(),
                event("1", 0, null)));
        answers.put("GET timestamp", get("signature=x&timestamp=&nonce=1&echostr=e"));

        assertThat(answers).allSatisfy((what, r) -> assertThat(r.statusCode()).as(what).isEqualTo(400));
    }
}
