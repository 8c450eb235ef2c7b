package cn.gongkai;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.Publisher;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.Publishers;
import cn.gongkai.wechat.WxJavaGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media cache and the call counts are in the database: a new process on the same H2 file uploads no image
 * twice, and goes on counting today's calls where the last one stopped.
 */
class MediaCacheSurvivesRestartTest {
    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "restart-test-secret";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private WeChatSimulator sim;
    private AccountConfig account;

    @BeforeEach
    void startSimulator() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock, 5);
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        account = anAccount().appId(APP_ID).secret(SECRET).apiBaseUrl(sim.baseUrl()).build();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** One process: a database on the file, a gateway counting in it, a publisher; publishes what is approved. */
    private void process(String itemTitle, List<byte[]> images) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("gongkai").toAbsolutePath(), "gongkai", "pw")) {
            WeChatClientConfig client = new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
                    Duration.ofMillis(5));
            CallBudget budget = new CallBudget(db.callCounter(), client.dailyLimits(), client.quotaShare(), clock);
            try (WxJavaGateway gateway = new WxJavaGateway(List.of(account), client, budget, clock)) {
                Publisher publisher = Publishers.on(db, gateway, clock).account(account)
                        .poll(new PollPolicy(5, Duration.ZERO)).build();
                List<ItemImage> stored = new java.util.ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    stored.add(Fixtures.storeImage(db, "img" + i + ".png", images.get(i), 320, 200));
                }
                Fixtures.approved(db, Fixtures.content(itemTitle, "外资外贸", stored), clock.instant());
                for (int run = 0; run < 5 && !db.items().list(ItemStatus.APPROVED).isEmpty(); run++) {
                    publisher.run(Fixtures.ACCOUNT);
                    clock.advance(Duration.ofSeconds(5));
                }
                assertThat(db.items().list(ItemStatus.APPROVED)).isEmpty();
            }
        }
    }

    private int calls(String api) {
        return sim.record().calls(APP_ID, api);
    }

    @Test
    void aRestartedProcessUploadsNoImageTwiceAndKeepsCountingTodaysCalls() {
        byte[] chart = Fixtures.png(320, 200, 0x3366aa);
        byte[] photo = Fixtures.png(320, 200, 0xaa6633);

        process("第一篇：外贸形势分析", List.of(chart, photo));
        int bodyUploads = calls("media/uploadimg");
        int coverUploads = calls("material/add_material");
        process("第二篇：同样的图片", List.of(chart, photo));

        assertThat(bodyUploads).isGreaterThanOrEqualTo(2);
        assertThat(coverUploads).isGreaterThanOrEqualTo(1);
        assertThat(calls("media/uploadimg")).as("body images after the restart").isEqualTo(bodyUploads);
        assertThat(calls("material/add_material")).as("covers after the restart").isEqualTo(coverUploads);
        assertThat(sim.record().published()).extracting(a -> a.title())
                .containsExactlyInAnyOrder("第一篇：外贸形势分析", "第二篇：同样的图片");

        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("gongkai").toAbsolutePath(), "gongkai", "pw")) {
            var counts = db.callCounter().counts(Fixtures.ACCOUNT, java.time.LocalDate.of(2026, 3, 2));
            assertThat(counts.get("freepublish/submit")).isEqualTo(2L).isEqualTo((long) calls("freepublish/submit"));
            assertThat(counts.get("media/uploadimg")).isEqualTo((long) bodyUploads);
            assertThat(counts.get("freepublish/get")).isEqualTo((long) calls("freepublish/get"));
        }
    }
}
