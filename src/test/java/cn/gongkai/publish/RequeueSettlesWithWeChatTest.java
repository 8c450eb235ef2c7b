package cn.gongkai.publish;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static cn.gongkai.testsupport.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.FakeWeChat;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.Publishers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A requeue never makes a second copy: before a FAILED item goes back to the queue, WeChat's own state says whether an
 * earlier attempt reached readers (issue 14). A batch "failed" by a forged PUBLISHJOBFINISH on an earlier version is
 * the case that happened: WeChat had published it, staff requeued it, and WeChat held two copies.
 */
class RequeueSettlesWithWeChatTest {
    private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
    private static final ArticleRenderer RENDERER = ArticleRenderer.load(Path.of("templates"));

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeWeChat wechat = new FakeWeChat();
    private Database db;
    private ItemImage image;

    @BeforeEach
    void setUp() {
        db = Fixtures.memoryDatabase();
        image = Fixtures.storeImage(db, "photo.png", Fixtures.png(400, 300, 0x3366aa), 400, 300);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static AccountConfig account(boolean callback) {
        return anAccount().id(ACCOUNT).callbackToken(callback ? "cb-token" : "").build();
    }

    private Publisher publisher(boolean callback) {
        return Publishers.on(db, wechat, clock).account(account(callback)).renderer(RENDERER).build();
    }

    private PublishActions actions() {
        return new PublishActions(db.publishStore(), wechat, new cn.gongkai.review.ReviewService(
                cn.gongkai.review.ReviewPolicy.of(List.of()), cn.gongkai.review.checks.PrePublishChecks.defaults(),
                db.items(), db.audit(), db.users(), db.transactions(), clock), clock);
    }

    private List<Long> approved(int n, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Fixtures.approved(db, Fixtures.content(prefix + (i + 1) + "期", "促消费", List.of(image)),
                    clock.instant()).id());
        }
        return ids;
    }

    private ItemStatus status(long id) {
        return db.items().find(id).orElseThrow().status();
    }

    private List<LedgerEntry> ledger() {
        return db.ledger().between(NOW.minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));
    }

    /** What an earlier version did on a forged publish_status 3 event: the batch and its items FAILED. */
    private PublishBatch failedByAForgedEvent(BatchState from) {
        PublishBatch batch = db.batches().unfinished(ACCOUNT).get(0);
        String reason = "微信发布失败（publish_status 3）：请稍后重新排队；多次失败请联系技术人员";
        db.batches().advance(batch.id(), from, BatchState.FAILED, null, null, null, reason, clock.instant());
        for (long id : batch.itemIds()) {
            db.items().transition(id, ItemStatus.PUBLISHING, ItemStatus.FAILED, batch.id(), reason, clock.instant());
        }
        return batch;
    }

    @Test
    void aRequeueOfAnItemWeChatPublishedIsRefusedAndTheBatchIsRecordedWithWeChatsLinks() {
        List<Long> ids = approved(2, "已发未知稿件");
        Publisher p = publisher(true);
        p.run(ACCOUNT);
        wechat.finishAllJobs();
        PublishBatch batch = failedByAForgedEvent(BatchState.SUBMITTED);
        FakeWeChat.Published out = wechat.published().get(0);

        assertThatThrownBy(() -> actions().requeue(ids.get(0), "李主任", "重试"))
                .isInstanceOf(PublishActionException.class)
                .hasMessageContaining("不能重新排队").hasMessageContaining("已到达读者")
                .hasMessageContaining("https://mp.weixin.qq.com/s/" + out.articleId() + "_1");

        assertThat(status(ids.get(0))).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(status(ids.get(1))).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(ledger()).extracting(LedgerEntry::url).containsExactly(
                "https://mp.weixin.qq.com/s/" + out.articleId() + "_1",
                "https://mp.weixin.qq.com/s/" + out.articleId() + "_2");
        assertThat(db.batches().find(batch.id()).orElseThrow().state()).isEqualTo(BatchState.PUBLISHED);
        assertThat(db.audit().history(ids.get(0))).last().satisfies(e -> {
            assertThat(e.decision()).isEqualTo("PUBLISH");
            assertThat(e.comment()).contains("重新排队前向微信核实");
        });
        assertThat(p.run(ACCOUNT).published()).isZero();
        assertThat(wechat.published()).hasSize(2);
    }

    @Test
    void aLostSubmitWhoseDraftWasTakenIsFoundAmongThePublishedArticlesBeforeARequeue() {
        long id = approved(1, "丢失应答稿件").get(0);
        wechat.loseAnswer("freepublish/submit");
        publisher(false).run(ACCOUNT);
        wechat.finishAllJobs();
        failedByAForgedEvent(BatchState.SUBMITTING);

        assertThatThrownBy(() -> actions().requeue(id, "李主任", null))
                .isInstanceOf(PublishActionException.class).hasMessageContaining("已到达读者");

        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(ledger()).singleElement().extracting(LedgerEntry::url)
                .isEqualTo("https://mp.weixin.qq.com/s/" + wechat.published().get(0).articleId() + "_1");
        assertThat(wechat.published()).hasSize(1);
    }

    @Test
    void aRequeueIsRefusedWhenWeChatCannotBeAsked() {
        long id = approved(1, "额度稿件").get(0);
        publisher(true).run(ACCOUNT);
        failedByAForgedEvent(BatchState.SUBMITTED);
        wechat.fail("freepublish/get", CallBudget.REFUSED, WeChatException.Kind.QUOTA);

        assertThatThrownBy(() -> actions().requeue(id, "李主任", null))
                .isInstanceOf(PublishActionException.class).hasMessageContaining("暂时无法向微信核实，稍后再试");

        assertThat(status(id)).isEqualTo(ItemStatus.FAILED);
        assertThat(db.audit().history(id)).noneMatch(e -> e.decision().equals("REQUEUE"));
    }

    @Test
    void aRequeueAfterAFailureWeChatConfirmsGoesAheadAndPublishesOnce() {
        long id = approved(1, "真失败稿件").get(0);
        wechat.finishWith(3, List.of());
        Publisher p = publisher(false);
        p.run(ACCOUNT);
        assertThat(status(id)).isEqualTo(ItemStatus.FAILED);
        int polls = wechat.calls("freepublish/get");

        assertThat(actions().requeue(id, "李主任", null).status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(wechat.calls("freepublish/get")).isEqualTo(polls + 1);
        assertThat(p.run(ACCOUNT).published()).isEqualTo(1);
        assertThat(wechat.published()).singleElement().extracting(FakeWeChat.Published::title).isEqualTo("真失败稿件1期");
    }

    @Test
    void aSubmitWeChatRefusedLeavesTheDraftInTheBoxSoTheRequeueGoesAhead() {
        long id = approved(1, "无权限稿件").get(0);
        wechat.fail("freepublish/submit", 48001, WeChatException.Kind.PERMANENT);
        publisher(false).run(ACCOUNT);
        assertThat(status(id)).isEqualTo(ItemStatus.FAILED);

        assertThat(actions().requeue(id, "李主任", null).status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(wechat.calls("draft/get")).isEqualTo(1);
    }
}
