package cn.gongkai;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.LedgerEntry;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two official accounts in one process, one gateway, one publisher, one simulator: publishing runs for both at the
 * same time, each account's articles go to its own account only, each is published once, and the call counts are
 * kept per account.
 */
class SeveralAccountsPublishingTest {
    static final String HONGQI_APP = "wx0123456789abcdef";
    static final String DONGFANG_APP = "wxfedcba9876543210";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    WeChatSimulator sim;
    Database db;
    WxJavaGateway gateway;
    Publisher publisher;

    @BeforeEach
    void setUp() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock, 11);
        sim.registerAccount(HONGQI_APP, "hongqi-secret", AccountType.SERVICE, true);
        sim.registerAccount(DONGFANG_APP, "dongfang-secret", AccountType.SUBSCRIPTION, true);
        List<AccountConfig> accounts = List.of(
                anAccount().id("hongqi").appId(HONGQI_APP).secret("hongqi-secret").apiBaseUrl(sim.baseUrl())
                        .maxArticlesPerDraft(3).sandbox(false).build(),
                anAccount().id("dongfang").name("东方商务").appId(DONGFANG_APP).secret("dongfang-secret")
                        .apiBaseUrl(sim.baseUrl()).maxArticlesPerDraft(3).sandbox(false).build());
        db = Fixtures.memoryDatabase();
        WeChatClientConfig client = new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), 4,
                Duration.ofMillis(5));
        gateway = new WxJavaGateway(accounts, client,
                new CallBudget(db.callCounter(), client.dailyLimits(), client.quotaShare(), clock), clock);
        publisher = Publishers.on(db, gateway, clock).accounts(accounts).build();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        db.close();
        sim.close();
    }

    List<String> queue(String account, String prefix, int n, int colour) {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ItemImage image = Fixtures.storeImage(db, prefix + i + ".png", Fixtures.png(300, 200, colour + i), 300, 200);
            String title = prefix + "政务信息第" + (i + 1) + "号";
            titles.add(title);
            db.items().insert(new ItemContent(account, "商贸流通", title, "办公室", "商贸流通股",
                    "正文：" + title + "。\n\n![替代文字](" + image.fileName() + " \"图片说明\")\n",
                    List.of(new Note("以旧换新", "交回旧商品、购买新商品时享受补贴的方式。")), List.of(), List.of(image), null,
                    "", "", null), ItemStatus.APPROVED, null, clock.instant());
        }
        return titles;
    }

    boolean done(String account) {
        return db.batches().unfinished(account).isEmpty()
                && db.items().list(ItemStatus.APPROVED).stream().noneMatch(i -> i.content().account().equals(account));
    }

    @Test
    void twoAccountsPublishConcurrentlyEachToItsOwnAccountExactlyOnce() throws Exception {
        List<String> hongqi = queue("hongqi", "红旗", 7, 0x224466);
        List<String> dongfang = queue("dongfang", "东方", 5, 0x664422);
        sim.faults().add(FaultRule.errcodeRandomly("draft/add", 0.3, 5, -1).forApp(DONGFANG_APP))
                .add(FaultRule.errcodeRandomly("media/uploadimg", 0.3, 6, -1).forApp(HONGQI_APP));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10 && !(done("hongqi") && done("dongfang")); round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (String account : List.of("hongqi", "dongfang")) {
                    runs.add(pool.submit((Callable<Object>) () -> {
                        start.await();
                        return publisher.run(account);
                    }));
                }
                start.countDown();
                for (Future<?> f : runs) {
                    f.get();
                }
                clock.advance(Duration.ofSeconds(5));
            }
        } finally {
            pool.shutdownNow();
        }

        SimulatorRecord record = sim.record();
        assertThat(done("hongqi")).isTrue();
        assertThat(done("dongfang")).isTrue();
        assertThat(record.published(HONGQI_APP)).extracting(SimulatorRecord.PublishedArticle::title)
                .containsExactlyInAnyOrderElementsOf(hongqi);
        assertThat(record.published(DONGFANG_APP)).extracting(SimulatorRecord.PublishedArticle::title)
                .containsExactlyInAnyOrderElementsOf(dongfang);
        assertThat(record.successfulSubmits(HONGQI_APP)).isEqualTo(3);
        assertThat(record.successfulSubmits(DONGFANG_APP)).isEqualTo(2);
        List<LedgerEntry> ledger = db.ledger().between(Instant.EPOCH, clock.instant().plusSeconds(1));
        assertThat(ledger).filteredOn(e -> e.account().equals("hongqi")).extracting(LedgerEntry::title)
                .containsExactlyInAnyOrderElementsOf(hongqi);
        assertThat(ledger).filteredOn(e -> e.account().equals("dongfang")).extracting(LedgerEntry::title)
                .containsExactlyInAnyOrderElementsOf(dongfang);

        LocalDate today = LocalDate.of(2026, 3, 2);
        Map<String, Long> hongqiCalls = db.callCounter().counts("hongqi", today);
        Map<String, Long> dongfangCalls = db.callCounter().counts("dongfang", today);
        assertThat(hongqiCalls.get("media/uploadimg")).isEqualTo((long) record.calls(HONGQI_APP, "media/uploadimg"))
                .isGreaterThan(7L);
        assertThat(dongfangCalls.get("media/uploadimg")).isEqualTo((long) record.calls(DONGFANG_APP, "media/uploadimg"))
                .isGreaterThanOrEqualTo(5L);
        assertThat(dongfangCalls.get("draft/add")).isEqualTo((long) record.calls(DONGFANG_APP, "draft/add"));
        assertThat(hongqiCalls.get("freepublish/submit")).isEqualTo(3L);
        assertThat(dongfangCalls.get("freepublish/submit")).isEqualTo(2L);
    }
}
