package cn.gongkai.publish;

import static cn.gongkai.testsupport.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.FakeWeChat;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.Publishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublisherTest {
    private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private FakeWeChat wechat;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        db = Fixtures.memoryDatabase();
        wechat = new FakeWeChat();
        publisher = publisher(new PollPolicy(3, Duration.ZERO));
    }

    private Publisher publisher(PollPolicy poll) {
        return Publishers.on(db, wechat, clock).poll(poll).build();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<Long> approvedItems(int n) {
        ItemImage image = Fixtures.storeImage(db, "photo.png", Fixtures.png(400, 300, 0x3366aa), 400, 300);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Fixtures.approved(db, Fixtures.content("促消费活动第" + (i + 1) + "期", "促消费", List.of(image)),
                    NOW).id());
        }
        return ids;
    }

    private int ledgerRows() {
        return db.ledger().between(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1))).size();
    }

    @Test
    void publishesDueApprovedItemsInDraftsOfAtMostEight() {
        List<Long> ids = approvedItems(10);

        RunReport report = publisher.run(ACCOUNT);

        assertThat(report.batches()).isEqualTo(2);
        assertThat(report.published()).isEqualTo(10);
        assertThat(wechat.calls("draft/add")).isEqualTo(2);
        assertThat(wechat.published()).hasSize(10);
        assertThat(ledgerRows()).isEqualTo(10);
        for (long id : ids) {
            assertThat(db.items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
        }
    }

    @Test
    void eachDraftArticleCarriesTheCentredCropsOfItsCover() {
        ItemImage photo = Fixtures.storeImage(db, "photo.png", Fixtures.png(400, 300, 0x3366aa), 400, 300);
        Fixtures.approved(db, Fixtures.content("有图的稿件", "促消费", List.of(photo)), NOW);
        Fixtures.approved(db, Fixtures.content("没有图的稿件", "促消费", List.of()), NOW);

        publisher.run(ACCOUNT);

        assertThat(wechat.draftArticles()).hasSize(2).allSatisfy(a -> {
            if (a.title().equals("有图的稿件")) {
                assertThat(a.picCrop2351()).isEqualTo("0_0.216312_1_0.783688");
                assertThat(a.picCrop11()).isEqualTo("0.125_0_0.875_1");
            } else {
                assertThat(a.picCrop2351()).isEqualTo("0_0.000028_1_0.999972");
                assertThat(a.picCrop11()).isEqualTo("0.287222_0_0.712778_1");
            }
        });
    }

    @Test
    void aSecondRunPublishesNothing() {
        approvedItems(3);
        publisher.run(ACCOUNT);

        RunReport second = publisher.run(ACCOUNT);

        assertThat(second.batches()).isZero();
        assertThat(wechat.calls("freepublish/submit")).isEqualTo(1);
        assertThat(wechat.published()).hasSize(3);
        assertThat(ledgerRows()).isEqualTo(3);
    }

    @Test
    void uploadsEachImageOncePerAccountAcrossItemsAndRuns() {
        approvedItems(3);
        publisher.run(ACCOUNT);
        approvedItems(2);
        publisher.run(ACCOUNT);

        assertThat(wechat.calls("media/uploadimg")).isEqualTo(1);
        assertThat(wechat.calls("material/add_material")).isEqualTo(1);
    }

    @Test
    void settlesASubmitWhoseAnswerWasLostWithoutSubmittingAgain() {
        approvedItems(2);
        wechat.loseAnswer("freepublish/submit");

        RunReport first = publisher.run(ACCOUNT);
        assertThat(first.published()).isZero();
        assertThat(db.batches().unfinished(ACCOUNT)).singleElement()
                .extracting(PublishBatch::state).isEqualTo(BatchState.SUBMITTING);
        wechat.finishAllJobs();

        RunReport second = publisher.run(ACCOUNT);

        assertThat(second.published()).isEqualTo(2);
        assertThat(wechat.calls("freepublish/submit")).isEqualTo(1);
        assertThat(wechat.published()).hasSize(2);
        assertThat(ledgerRows()).isEqualTo(2);
    }

    @Test
    void resubmitsWhenTheLostSubmitNeverReachedWeChat() {
        approvedItems(2);
        wechat.fail("freepublish/submit", -99, WeChatException.Kind.UNKNOWN_OUTCOME);

        publisher.run(ACCOUNT);
        RunReport second = publisher.run(ACCOUNT);

        assertThat(second.published()).isEqualTo(2);
        assertThat(wechat.calls("freepublish/submit")).isEqualTo(2);
        assertThat(wechat.published()).hasSize(2);
    }

    @Test
    void aLostDraftAnswerCostsAnOrphanDraftButNeverADuplicateArticle() {
        approvedItems(2);
        wechat.loseAnswer("draft/add");

        publisher.run(ACCOUNT);
        publisher.run(ACCOUNT);

        assertThat(wechat.calls("draft/add")).isEqualTo(2);
        assertThat(wechat.published()).hasSize(2);
        assertThat(ledgerRows()).isEqualTo(2);
    }

    @Test
    void parksTheBatchWhenTheDailyQuotaIsSpentAndResumesLater() {
        approvedItems(2);
        wechat.fail("draft/add", 45009, WeChatException.Kind.QUOTA);

        RunReport first = publisher.run(ACCOUNT);

        assertThat(first.messages()).anyMatch(m -> m.contains("暂停"));
        assertThat(db.batches().unfinished(ACCOUNT)).singleElement()
                .extracting(PublishBatch::state).isEqualTo(BatchState.IMAGES_UPLOADED);
        assertThat(publisher.run(ACCOUNT).published()).isEqualTo(2);
    }

    @Test
    void failsTheItemsWithWeChatsReasonWhenTheDraftIsRefused() {
        List<Long> ids = approvedItems(2);
        wechat.fail("draft/add", 45166, WeChatException.Kind.PERMANENT);

        RunReport report = publisher.run(ACCOUNT);

        assertThat(report.failed()).isEqualTo(2);
        DisclosureItem item = db.items().find(ids.get(0)).orElseThrow();
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.failure()).contains("45166");
        assertThat(db.audit().history(item.id())).anyMatch(e -> e.decision().equals("FAIL"));
        assertThat(wechat.calls("freepublish/submit")).isZero();
    }

    @Test
    void leavesAJobThatIsStillPublishingForTheNextRunAndBacksOffBeforeAskingAgain() {
        approvedItems(1);
        wechat.pollsBeforeDone(5);

        RunReport first = publisher(new PollPolicy(2, Duration.ZERO)).run(ACCOUNT);
        assertThat(first.pending()).isEqualTo(1);
        assertThat(ledgerRows()).isZero();
        assertThat(publisher(new PollPolicy(5, Duration.ZERO)).resume(ACCOUNT).pending()).isEqualTo(1);
        assertThat(wechat.calls("freepublish/get")).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));

        RunReport second = publisher(new PollPolicy(5, Duration.ZERO)).resume(ACCOUNT);

        assertThat(second.published()).isEqualTo(1);
        assertThat(ledgerRows()).isEqualTo(1);
        assertThat(wechat.calls("freepublish/submit")).isEqualTo(1);
    }

    @Test
    void aReviewRejectionFailsOnlyTheNamedArticleAndPublishesTheRestInANewDraft() {
        List<Long> ids = approvedItems(3);
        wechat.finishWith(4, List.of(2));

        RunReport report = publisher.run(ACCOUNT);

        assertThat(report.failed()).isEqualTo(1);
        DisclosureItem rejected = db.items().find(ids.get(1)).orElseThrow();
        assertThat(rejected.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(rejected.failure()).contains("审核");
        assertThat(db.audit().history(ids.get(0))).anyMatch(e -> e.decision().equals("REQUEUE"));
        assertThat(db.items().find(ids.get(0)).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(db.items().find(ids.get(2)).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(wechat.published()).extracting(FakeWeChat.Published::title)
                .containsExactly("促消费活动第1期", "促消费活动第3期");
        assertThat(ledgerRows()).isEqualTo(2);
    }

    @Test
    void itemsPlannedForLaterWaitForTheirTime() {
        ItemImage image = Fixtures.storeImage(db, "photo.png", Fixtures.png(200, 100, 0xaa3333), 200, 100);
        var later = Fixtures.content("下周发布的稿件", "促消费", List.of(image));
        var planned = new cn.gongkai.item.ItemContent(later.account(), later.category(), later.title(),
                later.author(), later.department(), later.body(), later.notes(), later.glossary(), later.images(),
                null, "", "", NOW.plus(Duration.ofDays(7)));
        Fixtures.approved(db, planned, NOW);

        assertThat(publisher.run(ACCOUNT).batches()).isZero();
        assertThat(wechat.calls("draft/add")).isZero();
    }

    @Test
    void anItemThePrePublishChecksNowRefuseFailsBeforeAnythingGoesToWeChat() {
        List<Long> ids = approvedItems(2);
        PublishGate refuseFirst = item -> item.id() == ids.get(0) ? "发布前检查未通过：正文第 3 行有手机号码" : "";
        Publisher gated = Publishers.on(db, wechat, clock).gate(refuseFirst).build();

        RunReport report = gated.run(ACCOUNT);

        DisclosureItem refused = db.items().find(ids.get(0)).orElseThrow();
        assertThat(refused.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(refused.failure()).contains("手机号码");
        assertThat(db.audit().history(refused.id())).anyMatch(e -> e.decision().equals("FAIL"));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(wechat.published()).extracting(FakeWeChat.Published::title).containsExactly("促消费活动第2期");
    }
}
