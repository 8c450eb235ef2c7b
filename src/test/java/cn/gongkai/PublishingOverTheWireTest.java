package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishSettings;
import cn.gongkai.publish.Publisher;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.FaultRule;
import cn.gongkai.simulator.SimulatorRecord;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.wechat.WxJavaGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real publisher, the real WxJava gateway over OkHttp and the simulator over HTTP, with WeChat misbehaving:
 * every article goes out exactly once, as the simulator's own record shows.
 */
class PublishingOverTheWireTest {
    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "wire-test-secret-0001";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private WeChatSimulator sim;
    private Database db;
    private WxJavaGateway gateway;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock, 7);
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        AccountConfig account = new AccountConfig(Fixtures.ACCOUNT, "红旗商务", APP_ID, Secret.of(SECRET),
                sim.baseUrl(), "freepublish", "0 0 10 ? * MON-FRI", 8, Secret.empty(), true);
        db = Fixtures.memoryDatabase();
        gateway = new WxJavaGateway(List.of(account), new WeChatClientConfig(Duration.ofSeconds(2),
                Duration.ofMillis(800), 4, Duration.ofMillis(5)), clock);
        publisher = new Publisher(db.publishStore(), gateway, ArticleRenderer.load(Path.of("templates")),
                new ImagePreparer(), new PublishSettings(List.of(account), java.time.ZoneId.of("Asia/Shanghai"),
                        new PollPolicy(3, Duration.ZERO), 90, Duration.ofMinutes(15), Duration.ZERO,
                        cn.gongkai.publish.BoundaryListener.NONE), clock);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        db.close();
        sim.close();
    }

    @Test
    void everyArticleIsPublishedExactlyOnceThroughFaultsAndALostSubmitAnswer() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ItemImage image = Fixtures.storeImage(db, "p" + i + ".png", Fixtures.png(300 + i, 200, 0x225588 + i),
                    300 + i, 200);
            String title = "外贸企业座谈会纪要第" + (i + 1) + "号";
            titles.add(title);
            Fixtures.approved(db, Fixtures.content(title, "外资外贸", List.of(image)), clock.instant());
        }
        sim.faults()
                .add(FaultRule.dropAnswerOnNth("freepublish/submit", 1))
                .add(FaultRule.errcodeRandomly("media/uploadimg", 0.2, 11, -1))
                .add(FaultRule.errcodeRandomly("material/add_material", 0.2, 12, -1))
                .add(FaultRule.errcodeRandomly("draft/add", 0.2, 13, -1))
                .add(FaultRule.errcodeRandomly("freepublish/submit", 0.2, 14, -1))
                .add(FaultRule.errcodeRandomly("freepublish/get", 0.2, 15, -1))
                .add(FaultRule.httpErrorOnNth("draft/add", 2, 502))
                .add(FaultRule.httpErrorOnNth("media/uploadimg", 3, 500));

        for (int run = 0; run < 30 && !done(); run++) {
            publisher.run(Fixtures.ACCOUNT);
            clock.advance(Duration.ofSeconds(5));
        }

        SimulatorRecord record = sim.record();
        assertThat(done()).as("all batches finished").isTrue();
        assertThat(record.published()).extracting(SimulatorRecord.PublishedArticle::title)
                .containsExactlyInAnyOrderElementsOf(titles);
        assertThat(record.successfulSubmits()).isEqualTo(3);
        assertThat(db.ledger().between(Instant.EPOCH, clock.instant().plusSeconds(1))).hasSize(20);
    }

    private boolean done() {
        return db.batches().unfinished(Fixtures.ACCOUNT).isEmpty()
                && db.items().list(cn.gongkai.item.ItemStatus.APPROVED).isEmpty();
    }
}
