package cn.gongkai.inspect;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.wechat.WxJavaGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pull of the published list against the simulator, through the real gateway and an H2 store. */
class PublishedPullTest {
    static final String APP_ID = "wxinspect000000001";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final WeChatClientConfig FAST = new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(3), 2,
            Duration.ofMillis(5));

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    WeChatSimulator sim;
    WxJavaGateway gateway;
    Database db;
    HandPublisher hand;
    PublishedPull pull;

    @BeforeEach
    void start() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock);
        sim.registerAccount(APP_ID, "secret-inspect", AccountType.SERVICE, true);
        db = Fixtures.memoryDatabase();
        CallBudget budget = new CallBudget(db.callCounter(), FAST.dailyLimits(), FAST.quotaShare(), clock);
        gateway = new WxJavaGateway(List.of(anAccount().id("hongqi").name("红旗商务").appId(APP_ID)
                .secret("secret-inspect").apiBaseUrl(sim.baseUrl()).cron("0 0 9 * * ?").sandbox(false).build()),
                FAST, budget, clock);
        hand = new HandPublisher(gateway, clock);
        pull = new PublishedPull(gateway, db.inspections(), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
        db.close();
        sim.close();
    }

    private long batchgetCalls() {
        Map<String, Long> counts = db.callCounter().counts("hongqi", LocalDate.now(clock.withZone(ZONE)));
        return counts.getOrDefault("freepublish/batchget", 0L);
    }

    @Test
    void aFirstPullStoresWhatWasPublishedByHandWithItsTextLinksAndTime() {
        String first = hand.publish("hongqi", "关于校队工作的通知",
                "<p>办公室主任<strong>校队</strong>后&nbsp;印发&ldquo;通知&rdquo;。</p>"
                        + "<p><a href=\"https://mp.weixin.qq.com/s/old\">往期</a></p>");
        String second = hand.publish("hongqi", "第二篇", "<p>正文二</p>", "第二篇之二", "<section>正文三</section>");

        PublishedPull.Result r = pull.pull("hongqi");

        assertThat(r).isEqualTo(new PublishedPull.Result("hongqi", 3, 1));
        List<InspectedArticle> stored = db.inspections().articles("hongqi");
        assertThat(stored).extracting(InspectedArticle::articleId).containsExactly(second, second, first);
        InspectedArticle notice = stored.get(2);
        assertThat(notice.title()).isEqualTo("关于校队工作的通知");
        assertThat(notice.text()).isEqualTo("办公室主任校队后 印发“通知”。\n往期");
        assertThat(notice.links()).containsExactly("https://mp.weixin.qq.com/s/old");
        assertThat(notice.url()).startsWith("https://mp.weixin.qq.com/s/");
        assertThat(notice.updateTime()).isNotNull().isBefore(stored.get(0).updateTime());
        assertThat(notice.contentHash()).hasSize(64);
        assertThat(notice.baseline()).isTrue();
        assertThat(notice.deleted()).isFalse();
        assertThat(stored.get(1).index()).isEqualTo(2);
        assertThat(batchgetCalls()).as("every call counts against the daily quota").isEqualTo(1);
    }

    @Test
    void aLaterPullAddsOnlyTheNewArticlesAndStopsAtTheFirstItKnows() {
        hand.publish("hongqi", "旧文", "<p>旧</p>");
        pull.pull("hongqi");
        PublishedPull.Result nothingNew = pull.pull("hongqi");
        String fresh = hand.publish("hongqi", "新文", "<p>新</p>");

        PublishedPull.Result oneNew = pull.pull("hongqi");

        assertThat(nothingNew.added()).isZero();
        assertThat(oneNew).isEqualTo(new PublishedPull.Result("hongqi", 1, 1));
        assertThat(db.inspections().articles("hongqi")).extracting(InspectedArticle::title)
                .containsExactly("新文", "旧文");
        InspectedArticle added = db.inspections().articles("hongqi").get(0);
        assertThat(added.articleId()).isEqualTo(fresh);
        assertThat(added.baseline()).as("found after the first pull").isFalse();
        assertThat(batchgetCalls()).isEqualTo(3);
    }

    @Test
    void moreThanOnePageIsReadPageByPageAndADeletionSeenLaterSetsTheFlag() {
        for (int i = 1; i <= 21; i++) {
            hand.publish("hongqi", "第" + i + "篇", "<p>正文" + i + "</p>");
        }
        PublishedPull.Result first = pull.pull("hongqi");
        String newest = db.inspections().articles("hongqi").get(0).articleId();
        gateway.deletePublished("hongqi", newest, 1);

        pull.pull("hongqi");

        assertThat(first).isEqualTo(new PublishedPull.Result("hongqi", 21, 2));
        assertThat(db.inspections().articles("hongqi")).hasSize(21)
                .filteredOn(InspectedArticle::deleted).extracting(InspectedArticle::title).containsExactly("第21篇");
    }
}
