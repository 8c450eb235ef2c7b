package cn.gongkai.publish;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static cn.gongkai.testsupport.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.PublishingConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.FakeWeChat;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.ItemBuilder;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.Publishers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batching, modes, status from events and polls, requeue, the watchdog and ledger atomicity, on H2 and a fake WeChat. */
class PublishingRulesTest {
    private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
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

    private static AccountConfig account(String mode, int perDraft, int dailyCap, boolean dryRun, boolean callback) {
        return anAccount().id(ACCOUNT).mode(mode).maxArticlesPerDraft(perDraft).callbackToken(callback ? "cb-token" : "")
                .dailyCap(dailyCap).dryRun(dryRun).build();
    }

    private static AccountConfig account() {
        return account(AccountConfig.FREEPUBLISH, 8, 0, false, false);
    }

    private Publisher publisher(AccountConfig account) {
        return publisher(account, BoundaryListener.NONE, db.publishStore());
    }

    private Publisher publisher(AccountConfig account, BoundaryListener listener, PublishStore store) {
        return Publishers.on(store, wechat, clock).account(account).renderer(RENDERER).boundaries(listener).build();
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

    private List<cn.gongkai.publish.LedgerEntry> ledger() {
        return db.ledger().between(NOW.minus(Duration.ofDays(30)), clock.instant().plus(Duration.ofDays(30)));
    }

    // ---- batching ----

    @Test
    void higherPriorityGoesFirstThenImportantItemsThenThePlannedTime() {
        List<Long> normal = approved(2, "普通稿件");
        long urgent = approved(1, "加急稿件").get(0);
        db.items().setPriority(urgent, 5);
        ItemContent base = Fixtures.content("重要稿件", "促消费", List.of(image));
        Fixtures.approved(db, ItemBuilder.from(base).important(true).build(), NOW);

        publisher(account(AccountConfig.FREEPUBLISH, 1, 0, false, false)).run(ACCOUNT);

        assertThat(wechat.published()).extracting(FakeWeChat.Published::title)
                .containsExactly("加急稿件1期", "重要稿件", "普通稿件1期", "普通稿件2期");
        assertThat(db.items().priority(urgent)).isEqualTo(5);
        assertThat(db.items().priority(normal.get(0))).isZero();
    }

    @Test
    void theDailyCapHoldsTheRestUntilTheNextBeijingDay() {
        approved(5, "促消费活动第");
        Publisher p = publisher(account(AccountConfig.FREEPUBLISH, 8, 3, false, false));

        RunReport first = p.run(ACCOUNT);
        RunReport again = p.run(ACCOUNT);
        clock.advance(Duration.ofDays(1));
        RunReport nextDay = p.run(ACCOUNT);

        assertThat(first.published()).isEqualTo(3);
        assertThat(first.messages()).anyMatch(m -> m.contains("上限"));
        assertThat(again.published()).isZero();
        assertThat(nextDay.published()).isEqualTo(2);
        assertThat(wechat.published()).hasSize(5);
    }

    @Test
    void aDryRunStopsAfterTheDraftAndRehearsesEachItemOnlyOnce() {
        List<Long> ids = approved(3, "演练稿件");
        Publisher rehearsal = publisher(account(AccountConfig.FREEPUBLISH, 8, 0, true, false));

        RunReport first = rehearsal.run(ACCOUNT);
        RunReport second = rehearsal.run(ACCOUNT);

        assertThat(first.published()).isZero();
        assertThat(first.messages()).anyMatch(m -> m.contains("演练"));
        assertThat(second.batches()).isZero();
        assertThat(wechat.drafts()).isEqualTo(1);
        assertThat(wechat.calls("freepublish/submit")).isZero();
        assertThat(db.batches().recent(5)).singleElement().extracting(PublishBatch::state)
                .isEqualTo(BatchState.REHEARSED);
        ids.forEach(id -> assertThat(status(id)).isEqualTo(ItemStatus.APPROVED));
        assertThat(db.audit().history(ids.get(0))).anyMatch(e -> e.decision().equals("REHEARSAL"));

        RunReport real = publisher(account()).run(ACCOUNT);

        assertThat(real.published()).isEqualTo(3);
        assertThat(wechat.published()).hasSize(3);
    }

    // ---- modes ----

    @Test
    void massModeSendsOneBatchADayToAllFollowersWithTheBatchAsClientMsgId() {
        List<Long> ids = approved(10, "群发稿件");
        Publisher p = publisher(account(AccountConfig.MASS, 8, 0, false, false));

        RunReport first = p.run(ACCOUNT);

        assertThat(first.published()).isEqualTo(8);
        assertThat(first.messages()).anyMatch(m -> m.contains("每天只能群发一次"));
        assertThat(wechat.massSends()).singleElement().satisfies(m -> {
            assertThat(m.titles()).hasSize(8);
            assertThat(m.clientMsgId()).isEqualTo("gongkai-batch-1");
        });
        assertThat(wechat.calls("freepublish/submit")).isZero();
        assertThat(ledger()).hasSize(8).allMatch(e -> e.mode().equals("mass") && !e.publishId().isEmpty());
        assertThat(status(ids.get(0))).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(status(ids.get(9))).isEqualTo(ItemStatus.APPROVED);

        clock.advance(Duration.ofDays(1));
        assertThat(p.run(ACCOUNT).published()).isEqualTo(2);
        assertThat(wechat.massSends()).hasSize(2);
    }

    @Test
    void aMassSendWhoseAnswerWasLostIsSettledByItsClientMsgIdAndNeverSentTwice() {
        approved(2, "群发稿件");
        wechat.loseAnswer("message/mass/sendall");
        Publisher p = publisher(account(AccountConfig.MASS, 8, 0, false, false));

        RunReport first = p.run(ACCOUNT);
        assertThat(first.published()).isZero();
        assertThat(db.batches().unfinished(ACCOUNT)).singleElement().extracting(PublishBatch::state)
                .isEqualTo(BatchState.SUBMITTING);

        RunReport second = p.run(ACCOUNT);

        assertThat(second.published()).isEqualTo(2);
        assertThat(second.messages()).anyMatch(m -> m.contains("clientmsgid"));
        assertThat(wechat.massSends()).hasSize(1);
        assertThat(wechat.calls("message/mass/sendall")).isEqualTo(2);
        assertThat(ledger()).hasSize(2);
    }

    @Test
    void freepublishThenMassPublishesAndNotifiesFollowersOfTheDaysFirstBatch() {
        approved(10, "发布并群发");
        Publisher p = publisher(account(AccountConfig.FREEPUBLISH_AND_MASS, 8, 0, false, false));

        RunReport report = p.run(ACCOUNT);

        assertThat(report.published()).isEqualTo(10);
        assertThat(wechat.published()).hasSize(10);
        assertThat(wechat.massSends()).singleElement().satisfies(m -> assertThat(m.titles()).hasSize(8));
        assertThat(ledger()).filteredOn(e -> e.mode().equals("freepublish")).hasSize(10);
        assertThat(ledger()).filteredOn(e -> e.mode().equals("mass")).hasSize(8);
        assertThat(db.batches().unfinished(ACCOUNT)).isEmpty();
    }

    // ---- status ----

    @Test
    void withACallbackConfiguredTheRunDoesNotPollAndAnEventOnlyMakesItAskWeChat() {
        List<Long> ids = approved(2, "回调稿件");
        Publisher p = publisher(account(AccountConfig.FREEPUBLISH, 8, 0, false, true));
        wechat.pollsBeforeDone(0);

        RunReport run = p.run(ACCOUNT);
        assertThat(run.pending()).isEqualTo(1);
        assertThat(wechat.calls("freepublish/get")).isZero();
        PublishBatch batch = db.batches().unfinished(ACCOUNT).get(0);
        PublishStatus event = new PublishStatus(batch.publishId(), PublishStatus.State.SUCCESS, 0, "ART_EVIL",
                List.of(new PublishStatus.PublishedArticle(1, "https://evil.example/a"),
                        new PublishStatus.PublishedArticle(2, "https://evil.example/b")), List.of());

        assertThat(p.onPublishEvent(ACCOUNT, event)).isEqualTo(Publisher.EventOutcome.CONFIRM);
        assertThat(status(ids.get(0))).isEqualTo(ItemStatus.PUBLISHING);
        assertThat(p.confirm(ACCOUNT, batch.publishId()).published()).isEqualTo(2);
        assertThat(p.onPublishEvent(ACCOUNT, event)).isEqualTo(Publisher.EventOutcome.ALREADY_FINISHED);

        assertThat(status(ids.get(1))).isEqualTo(ItemStatus.PUBLISHED);
        FakeWeChat.Published first = wechat.published().get(0);
        assertThat(ledger()).extracting(cn.gongkai.publish.LedgerEntry::url).containsExactly(
                "https://mp.weixin.qq.com/s/" + first.articleId() + "_1",
                "https://mp.weixin.qq.com/s/" + first.articleId() + "_2");
        assertThat(db.batches().find(batch.id()).orElseThrow().articleId()).isEqualTo(first.articleId());
        assertThat(wechat.calls("freepublish/get")).isEqualTo(1);
    }

    @Test
    void anEventThatArrivesBeforeTheSubmitIsCommittedIsKeptAndTheBatchAsksWeChatAtOnce() {
        approved(1, "抢先回调");
        List<Publisher.EventOutcome> outcomes = new ArrayList<>();
        Publisher[] holder = new Publisher[1];
        BoundaryListener callbackRacesTheCommit = (boundary, batchId) -> {
            if (boundary == Boundary.SUBMIT_ANSWERED) {
                wechat.finishAllJobs();
                FakeWeChat.Published done = wechat.published().get(0);
                outcomes.add(holder[0].onPublishEvent(ACCOUNT, new PublishStatus(done.publishId(),
                        PublishStatus.State.SUCCESS, 0, done.articleId(), List.of(), List.of())));
            }
        };
        holder[0] = publisher(account(AccountConfig.FREEPUBLISH, 8, 0, false, true), callbackRacesTheCommit,
                db.publishStore());

        RunReport run = holder[0].run(ACCOUNT);

        assertThat(outcomes).containsExactly(Publisher.EventOutcome.KEPT_FOR_LATER);
        assertThat(run.published()).isEqualTo(1);
        assertThat(wechat.calls("freepublish/get")).isEqualTo(1);
    }

    @Test
    void aStatusPollRefusedByTheCallBudgetParksTheBatchWhichFinishesOnALaterRun() {
        approved(1, "额度稿件");
        wechat.fail("freepublish/get", CallBudget.REFUSED, WeChatException.Kind.QUOTA);

        RunReport first = publisher(account()).run(ACCOUNT);
        clock.advance(Duration.ofHours(1));
        RunReport later = publisher(account()).resume(ACCOUNT);

        assertThat(first.pending()).isEqualTo(1);
        assertThat(first.messages()).anyMatch(m -> m.contains("暂停"));
        assertThat(later.published()).isEqualTo(1);
        assertThat(wechat.calls("freepublish/submit")).isEqualTo(1);
    }

    @Test
    void aFailedJobNamesTheFailingArticleWithWeChatsReason() {
        List<Long> ids = approved(3, "原创稿件");
        wechat.finishWith(2, List.of(3));

        publisher(account()).run(ACCOUNT);

        DisclosureItem failed = db.items().find(ids.get(2)).orElseThrow();
        assertThat(failed.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(failed.failure()).contains("原创声明未通过").contains("第 3 篇");
        assertThat(status(ids.get(0))).isEqualTo(ItemStatus.PUBLISHED);
    }

    // ---- requeue, withdraw, correct ----

    private PublishActions actions(List<String> chain) {
        return new PublishActions(db.publishStore(), wechat, new cn.gongkai.review.ReviewService(
                cn.gongkai.review.ReviewPolicy.of(chain), cn.gongkai.review.checks.PrePublishChecks.defaults(),
                db.items(), db.audit(), db.users(), db.transactions(), clock), clock);
    }

    @Test
    void aFailedItemCanBeRequeuedOnceFixedAndThenPublishes() {
        long id = approved(1, "白名单稿件").get(0);
        wechat.fail("draft/add", 40164, WeChatException.Kind.PERMANENT);
        Publisher p = publisher(account());
        p.run(ACCOUNT);
        assertThat(status(id)).isEqualTo(ItemStatus.FAILED);
        PublishActions actions = actions(List.of());

        DisclosureItem requeued = actions.requeue(id, "李主任", "已把服务器 IP 加入白名单");

        assertThat(requeued.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(requeued.failure()).isEmpty();
        assertThat(db.audit().history(id)).last().satisfies(e -> {
            assertThat(e.decision()).isEqualTo("REQUEUE");
            assertThat(e.actor()).isEqualTo("李主任");
            assertThat(e.comment()).contains("40164").contains("白名单");
        });
        assertThat(p.run(ACCOUNT).published()).isEqualTo(1);
    }

    @Test
    void onlyAFailedItemCanBeRequeued() {
        long id = approved(1, "已审定稿件").get(0);
        PublishActions actions = actions(List.of());

        assertThatThrownBy(() -> actions.requeue(id, "李主任", null))
                .isInstanceOf(PublishActionException.class).hasMessageContaining("只有“发布失败”的稿件");
        assertThatThrownBy(() -> actions.requeue(999, "李主任", null))
                .isInstanceOf(PublishActionException.class).hasMessageContaining("不存在");
    }

    @Test
    void aWithdrawnArticleIsDeletedOnWeChatAndStaysInTheLedgerFlagged() {
        List<Long> ids = approved(2, "撤回稿件");
        publisher(account()).run(ACCOUNT);

        DisclosureItem withdrawn = actions(List.of()).withdraw(ids.get(1), "李主任", "数据有误");

        assertThat(withdrawn.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(wechat.calls("freepublish/delete")).isEqualTo(1);
        assertThat(wechat.listPublished(ACCOUNT, 0, 20)).singleElement().satisfies(p ->
                assertThat(p.items()).extracting(PublishedArticleInfo.Item::deleted).containsExactly(false, true));
        assertThat(ledger()).hasSize(2).filteredOn(cn.gongkai.publish.LedgerEntry::deleted).singleElement()
                .extracting(cn.gongkai.publish.LedgerEntry::itemId).isEqualTo(ids.get(1));
        assertThat(db.audit().history(ids.get(1))).last().satisfies(e -> {
            assertThat(e.decision()).isEqualTo("WITHDRAW");
            assertThat(e.comment()).contains("数据有误").contains("第 2 篇");
        });
        assertThatThrownBy(() -> actions(List.of()).withdraw(ids.get(1), "李主任", "再撤一次"))
                .isInstanceOf(PublishActionException.class);
    }

    @Test
    void aCorrectionNoticeGoesFirstLinksTheOriginalAndTheLedgerCountsOneArticle() {
        long original = approved(1, "数据有误稿件").get(0);
        Publisher p = publisher(account());
        p.run(ACCOUNT);
        approved(1, "普通稿件");
        String originalUrl = db.ledger().findByItem(original, "freepublish").orElseThrow().url();

        DisclosureItem notice = actions(List.of()).correct(original, "李主任", "原文第二段“2023年”应为“2024年”。", true);

        assertThat(notice.title()).isEqualTo("更正说明：数据有误稿件1期");
        assertThat(notice.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(notice.content().body()).contains("2024年").contains(originalUrl);
        assertThat(status(original)).isEqualTo(ItemStatus.WITHDRAWN);

        p.run(ACCOUNT);

        assertThat(wechat.published()).extracting(FakeWeChat.Published::title)
                .containsExactly("数据有误稿件1期", "更正说明：数据有误稿件1期", "普通稿件1期");
        assertThat(status(original)).isEqualTo(ItemStatus.CORRECTED);
        cn.gongkai.publish.LedgerEntry originalRow = db.ledger().findByItem(original, "freepublish").orElseThrow();
        cn.gongkai.publish.LedgerEntry noticeRow = db.ledger().findByItem(notice.id(), "freepublish").orElseThrow();
        assertThat(noticeRow.correctsId()).isEqualTo(originalRow.id());
        assertThat(originalRow.deleted()).isTrue();
        assertThat(ledger().stream().filter(e -> !e.correction()).count()).isEqualTo(2);
    }

    @Test
    void aCorrectionNeedsReviewWhenTheChainHasSteps() {
        long original = approved(1, "待更正稿件").get(0);
        publisher(account()).run(ACCOUNT);

        DisclosureItem notice = actions(List.of("office-director")).correct(original, "刘科员", "更正标点。", false);

        assertThat(notice.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(status(original)).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(publisher(account()).run(ACCOUNT).batches()).isZero();
        assertThatThrownBy(() -> actions(List.of()).correct(approved(1, "未发布稿件").get(0), "刘科员", "x", false))
                .isInstanceOf(PublishActionException.class).hasMessageContaining("直接修改");
    }

    // ---- watchdog ----

    private Watchdog watchdog(CallBudget budget) {
        return new Watchdog(List.of(account()), db.batches(), budget,
                new PublishingConfig(10, Duration.ofHours(2), Duration.ofMinutes(15)), SHANGHAI, clock);
    }

    private CallBudget budget(int statusPollsPerDay) {
        return new CallBudget(db.callCounter(), java.util.Map.of("freepublish/get", statusPollsPerDay), 1.0, clock);
    }

    @Test
    void theWatchdogWarnsWhenAnAccountHasBeenIdleForTenDays() {
        approved(1, "旧稿件");
        publisher(account()).run(ACCOUNT);
        assertThat(watchdog(budget(100)).check()).isEmpty();

        clock.advance(Duration.ofDays(11));

        assertThat(watchdog(budget(100)).check()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Watchdog.Kind.IDLE_ACCOUNT);
            assertThat(w.message()).contains("11 天").contains("两周");
        });
    }

    @Test
    void theWatchdogWarnsOfABatchStuckInOneStateAndOfANearlySpentPollBudget() {
        approved(1, "卡住稿件");
        wechat.fail("draft/add", 45009, WeChatException.Kind.QUOTA);
        publisher(account()).run(ACCOUNT);
        clock.advance(Duration.ofHours(3));
        CallBudget budget = budget(10);
        for (int i = 0; i < 8; i++) {
            budget.spend(ACCOUNT, "freepublish/get");
        }

        List<Watchdog.Warning> warnings = watchdog(budget).check();

        assertThat(warnings).extracting(Watchdog.Warning::kind)
                .containsExactly(Watchdog.Kind.STUCK_BATCH, Watchdog.Kind.QUOTA);
        assertThat(warnings.get(0).message()).contains("图片已上传").contains("3 小时");
        assertThat(warnings.get(1).message()).contains("freepublish/get").contains("8 次").contains("回调");
    }

    // ---- ledger ----

    @Test
    void aFailureBetweenTheLedgerRowAndTheStatusChangeLeavesNeither() {
        long id = approved(1, "原子性稿件").get(0);
        AuditLog failingAudit = new AuditLog() {
            @Override
            public AuditEntry append(AuditEntry entry) {
                if (entry.decision().equals("PUBLISH")) {
                    throw new IllegalStateException("disk full");
                }
                return db.audit().append(entry);
            }

            @Override
            public List<AuditEntry> history(long itemId) {
                return db.audit().history(itemId);
            }
        };
        PublishStore failing = new PublishStore(db.items(), db.images(), db.batches(), db.ledger(), db.mediaCache(),
                failingAudit, db.transactions(), db.publishEvents());

        assertThatThrownBy(() -> publisher(account(), BoundaryListener.NONE, failing).run(ACCOUNT))
                .hasMessageContaining("disk full");

        assertThat(ledger()).isEmpty();
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHING);
        assertThat(db.batches().unfinished(ACCOUNT)).singleElement().extracting(PublishBatch::state)
                .isEqualTo(BatchState.SUBMITTED);
        clock.advance(Duration.ofMinutes(5));

        RunReport retry = publisher(account()).run(ACCOUNT);

        assertThat(retry.published()).isEqualTo(1);
        assertThat(ledger()).hasSize(1);
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(wechat.calls("freepublish/submit")).isEqualTo(1);
    }

    @Test
    void plannedTimeOrdersItemsOfEqualPriority() {
        ItemContent base = Fixtures.content("以后计划的", "促消费", List.of(image));
        ItemContent later = ItemBuilder.from(base).title("计划较晚").publishAt(NOW.minus(Duration.ofHours(1))).build();
        ItemContent earlier = ItemBuilder.from(base).title("计划较早").publishAt(NOW.minus(Duration.ofHours(2)))
                .build();
        Fixtures.approved(db, later, NOW);
        Fixtures.approved(db, earlier, NOW);

        publisher(account(AccountConfig.FREEPUBLISH, 1, 0, false, false)).run(ACCOUNT);

        assertThat(wechat.published()).extracting(FakeWeChat.Published::title).containsExactly("计划较早", "计划较晚");
    }
}
