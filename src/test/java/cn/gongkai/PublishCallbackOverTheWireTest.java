package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.RunReport;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired service with its web server: the simulator pushes PUBLISHJOBFINISH to {@code /wechat/callback/hongqi}
 * and each event makes its batch ask WeChat once ({@code freepublish/get}) instead of waiting — two jobs finishing in
 * the same second both count (WxJava's router would drop the second), repeats change nothing, and the ledger holds
 * WeChat's links, never the event's.
 */
class PublishCallbackOverTheWireTest {
    private static final String TOKEN = "callback-token-wire";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private Wiring w;
    private WebServer web;

    @BeforeEach
    void start() {
        GongkaiConfig config = new ConfigLoader(Map.of("GONGKAI_DATA_DIR", dir.toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:mem:cb" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1",
                "GONGKAI_SANDBOX", "on", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0",
                "GONGKAI_ACCOUNTS_0_CALLBACK_TOKEN", TOKEN)).load(null);
        w = new Wiring(config, clock, new PollPolicy(3, Duration.ZERO));
        web = WebServer.start(w.config(), w.database().items(), w.database().batches(), w.counter(), clock,
                w.publishingEndpoints(), null);
        w.simulator().setCallback(w.config().accounts().get(0).appId(),
                URI.create("http://127.0.0.1:" + web.port() + "/wechat/callback/hongqi"), TOKEN);
    }

    @AfterEach
    void stop() {
        web.close();
        w.close();
    }

    /** Waits (at most 30 s) until the callbacks have settled every batch of the account. */
    private void awaitNoUnfinishedBatches() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> w.database().batches().unfinished("hongqi").isEmpty());
    }

    private String callbackUrl(String query) {
        return "http://127.0.0.1:" + web.port() + "/wechat/callback/hongqi?" + query;
    }

    private static String signed(String timestamp, String nonce) {
        return "signature=" + SHA1.gen(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    @Test
    void twoJobsFinishingInTheSameSecondBothFinishTheirBatchesWithOneCheckEach() throws Exception {
        for (int i = 0; i < 12; i++) {
            ItemImage image = Fixtures.storeImage(w.database(), "p" + i + ".png",
                    Fixtures.png(200 + i, 100, 0x114477 + i), 200 + i, 100);
            Fixtures.approved(w.database(), Fixtures.content("招商引资项目签约第" + (i + 1) + "批", "招商引资",
                    List.of(image)), clock.instant());
        }

        RunReport run = w.publisher().run("hongqi");
        assertThat(run.batches()).isEqualTo(2);
        assertThat(run.pending()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));

        awaitNoUnfinishedBatches();

        assertThat(w.database().batches().recent(5)).extracting(PublishBatch::state)
                .containsOnly(BatchState.PUBLISHED);
        assertThat(w.database().items().list(ItemStatus.PUBLISHED)).hasSize(12);
        assertThat(w.simulator().record().published()).hasSize(12);
        String appId = w.config().accounts().get(0).appId();
        assertThat(w.simulator().record().calls(appId, "freepublish/get")).isEqualTo(2);
        assertThat(w.database().ledger().between(Instant.EPOCH, clock.instant().plusSeconds(1))).hasSize(12);
    }

    @Test
    void aRepeatedEventChangesNothingAForgedOneIsRefusedAndTheLedgerHoldsWeChatsLink() throws Exception {
        ItemImage image = Fixtures.storeImage(w.database(), "p.png", Fixtures.png(200, 100, 0x114477), 200, 100);
        Fixtures.approved(w.database(), Fixtures.content("外资企业座谈会", "外资外贸", List.of(image)), clock.instant());
        w.publisher().run("hongqi");
        PublishBatch batch = w.database().batches().unfinished("hongqi").get(0);
        String event = "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[o_helper]]>"
                + "</FromUserName><CreateTime>1772416800</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>" + batch.publishId()
                + "</publish_id><publish_status>0</publish_status><article_id><![CDATA[ART_X]]></article_id>"
                + "<article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq"
                + ".com/s/x]]></article_url></item></article_detail></PublishEventInfo></xml>";

        HttpResponse<String> first = post(callbackUrl(signed("1772416800", "1")), event);
        HttpResponse<String> again = post(callbackUrl(signed("1772416801", "2")), event);
        HttpResponse<String> forged = post(callbackUrl("signature=" + "0".repeat(40)
                + "&timestamp=1772416802&nonce=3"), event);
        awaitNoUnfinishedBatches();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("success");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(403);
        String articleId = w.database().batches().find(batch.id()).orElseThrow().articleId();
        assertThat(articleId).isNotEqualTo("ART_X").isNotEmpty();
        assertThat(w.database().ledger().between(Instant.EPOCH, clock.instant().plusSeconds(1))).singleElement()
                .satisfies(row -> {
                    assertThat(row.articleId()).isEqualTo(articleId);
                    assertThat(row.url()).isNotEqualTo("https://mp.weixin.qq.com/s/x");
                });
    }

    @Test
    void theUrlVerificationEchoesEchostrOnlyWithTheRightSignature() throws Exception {
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(callbackUrl(signed("1772416800", "2")
                + "&echostr=hello123"))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(callbackUrl(
                "signature=" + "1".repeat(40) + "&timestamp=1772416800&nonce=2&echostr=hello123"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello123");
        assertThat(bad.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
