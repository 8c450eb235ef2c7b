package cn.gongkai;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.Publisher;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.FaultRule;
import cn.gongkai.simulator.SimulatorRecord;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.Publishers;
import cn.gongkai.wechat.WxJavaGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real publisher, the real WxJava gateway over OkHttp and the simulator over HTTP, with WeChat misbehaving on about
 * a fifth of all calls — busy (−1), HTML 5xx pages, and answers slower than the read timeout (the simulator still does
 * the work) — plus one submit whose answer is dropped after the job was created: 50 articles are published exactly
 * once, as the simulator's own record shows.
 */
class PublishingOverTheWireTest {
    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "wire-test-secret-0001";
    private static final int ARTICLES = 50;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(250);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private WeChatSimulator sim;
    private Database db;
    private WxJavaGateway gateway;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock, 7);
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        AccountConfig account = anAccount().appId(APP_ID).secret(SECRET).apiBaseUrl(sim.baseUrl()).build();
        db = Fixtures.memoryDatabase();
        WeChatClientConfig client = new WeChatClientConfig(Duration.ofSeconds(1), READ_TIMEOUT, 4,
                Duration.ofMillis(2));
        gateway = new WxJavaGateway(List.of(account), client,
                new CallBudget(db.callCounter(), client.dailyLimits(), client.quotaShare(), clock), clock);
        publisher = Publishers.on(db, gateway, clock).account(account).build();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        db.close();
        sim.close();
    }

    @Test
    void fiftyArticlesArePublishedExactlyOnceThroughBusyAnswers5xxTimeoutsAndALostSubmitAnswer() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            ItemImage image = Fixtures.storeImage(db, "p" + i + ".png", Fixtures.png(120 + i, 80, 0x225588 + i),
                    120 + i, 80);
            String title = "外贸企业座谈会纪要第" + (i + 1) + "号";
            titles.add(title);
            Fixtures.approved(db, Fixtures.content(title, "外资外贸", List.of(image)), clock.instant());
        }
        long slow = READ_TIMEOUT.toMillis() + 150;
        sim.faults()
                .add(FaultRule.dropAnswerOnNth("freepublish/submit", 1))
                .add(FaultRule.errcodeRandomly("*", 0.08, 11, -1))
                .add(FaultRule.httpErrorRandomly("*", 0.04, 12, 502))
                .add(FaultRule.httpErrorRandomly("*", 0.03, 13, 500))
                .add(FaultRule.delayRandomly("*", 0.06, 14, slow));

        int runs = 0;
        for (; runs < 40 && !done(); runs++) {
            publisher.run(Fixtures.ACCOUNT);
            // a request delayed past our timeout is still done by WeChat; the next run (minutes later in service)
            // must see its effect, so wait for the simulator to finish it
            assertThat(sim.awaitIdle(Duration.ofSeconds(2))).isTrue();
            clock.advance(Duration.ofSeconds(5));
        }

        SimulatorRecord record = sim.record();
        assertThat(done()).as("all batches finished after %d runs", runs).isTrue();
        assertThat(record.published()).hasSize(ARTICLES).extracting(SimulatorRecord.PublishedArticle::title)
                .containsExactlyInAnyOrderElementsOf(titles);
        assertThat(record.successfulSubmits()).as("one publish job per draft of 8").isEqualTo(7);
        assertThat(db.ledger().between(Instant.EPOCH, clock.instant().plusSeconds(1))).hasSize(ARTICLES)
                .extracting(e -> e.title()).containsExactlyInAnyOrderElementsOf(titles);
        assertThat(record.faultsInjected("drop")).isEqualTo(1);
        assertThat(record.faultsInjected("errcode -1")).isPositive();
        assertThat(record.faultsInjected("http 502") + record.faultsInjected("http 500")).isPositive();
        assertThat(record.faultsInjected("delay")).isPositive();
        int calls = record.calls().get(APP_ID).values().stream().mapToInt(Integer::intValue).sum();
        int faults = record.faultsInjected().values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) faults / calls).as("share of faulted calls (%d of %d)", faults, calls)
                .isBetween(0.12, 0.30);
    }

    private boolean done() {
        return db.batches().unfinished(Fixtures.ACCOUNT).isEmpty()
                && db.items().list(cn.gongkai.item.ItemStatus.APPROVED).isEmpty();
    }
}
