package cn.gongkai.store;

import static cn.gongkai.testsupport.BatchBuilder.aBatch;
import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The publishing queries of the store (V4, V7) on H2 and on embedded PostgreSQL alike. */
class PublishingStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        Supplier<Database> h2 = () -> Database.open("jdbc:h2:mem:p" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Supplier<Database> pg = () -> POSTGRES.openFresh("pub", "");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", pg));
    }

    private static long item(Database db, String title, boolean important, Instant planned) {
        return db.items().insert(anItem().title(title).publishAt(planned).important(important).build(),
                ItemStatus.APPROVED, null, T0).id();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dueItemsComeByPriorityThenImportanceThenPlannedTime(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long late = item(db, "计划较晚", false, T0.minusSeconds(60));
            long early = item(db, "计划较早", false, T0.minusSeconds(120));
            long unplanned = item(db, "未计划", false, null);
            long important = item(db, "重要", true, null);
            long urgent = item(db, "加急", false, null);
            db.items().setPriority(urgent, 5);

            assertThat(db.items().dueForPublishing("hongqi", T0, 10)).extracting(DisclosureItem::id)
                    .containsExactly(urgent, important, early, late, unplanned);
            assertThat(db.items().priority(urgent)).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void batchQueriesCountWhatTheDailyCapAndMassLimitNeed(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long a = item(db, "甲", false, null);
            long b = item(db, "乙", false, null);
            long c = item(db, "丙", false, null);
            PublishBatch first = aBatch().items(a, b).createdAt(T0).submitted("D1", "2247503051", T0.plusSeconds(5))
                    .createIn(db.batches());
            aBatch().items(c).createdAt(T0).movedTo(BatchState.REHEARSED, T0).createIn(db.batches());
            PublishBatch mass = aBatch().massAfter(first.id()).items(a, b).createdAt(T0).createIn(db.batches());
            db.batches().recordPoll(first.id(), T0.plusSeconds(65));

            assertThat(db.batches().itemsClaimedSince("hongqi", T0.minusSeconds(1))).isEqualTo(2);
            assertThat(db.batches().itemsClaimedSince("hongqi", T0.plusSeconds(1))).isZero();
            assertThat(db.batches().massBatchesSince("hongqi", T0.minusSeconds(1))).isEqualTo(1);
            assertThat(db.batches().rehearsedItems("hongqi")).containsExactly(c);
            PublishBatch found = db.batches().findByPublishId("hongqi", "2247503051").orElseThrow();
            assertThat(found.id()).isEqualTo(first.id());
            assertThat(found.polls()).isEqualTo(1);
            assertThat(found.nextPollAt()).isEqualTo(T0.plusSeconds(65));
            assertThat(db.batches().find(mass.id()).orElseThrow().parentBatchId()).isEqualTo(first.id());
            assertThat(db.batches().ofItem(a)).extracting(PublishBatch::id).containsExactly(first.id(), mass.id());
            assertThat(db.batches().unfinished("hongqi")).extracting(PublishBatch::id)
                    .containsExactly(first.id(), mass.id());
            assertThat(db.batches().lastPublishedAt("hongqi")).isEmpty();
            db.batches().advance(first.id(), BatchState.SUBMITTED, BatchState.PUBLISHED, null, null, "ART", null,
                    T0.plusSeconds(90));
            assertThat(db.batches().lastPublishedAt("hongqi")).contains(T0.plusSeconds(90));
            assertThat(db.batches().articleKnown("hongqi", "ART")).isTrue();
            assertThat(db.batches().articleKnown("other", "ART")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWaitingBatchIsRenewedOnceFromOneReadAndNeverFromAnotherState(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long a = item(db, "甲", false, null);
            Instant drafted = T0.plusNanos(123_456_000);
            PublishBatch batch = aBatch().items(a).createdAt(T0).movedTo(BatchState.SUBMITTING, drafted)
                    .createIn(db.batches());
            PublishBatch read = db.batches().find(batch.id()).orElseThrow();
            assertThat(read.updatedAt()).isEqualTo(drafted);

            assertThat(db.batches().renew(read.id(), BatchState.SUBMITTING, read.updatedAt(), T0.plusSeconds(200)))
                    .as("the first publisher that read the waiting batch").isTrue();
            assertThat(db.batches().renew(read.id(), BatchState.SUBMITTING, read.updatedAt(), T0.plusSeconds(201)))
                    .as("a second publisher with the same read").isFalse();
            PublishBatch renewed = db.batches().find(batch.id()).orElseThrow();
            assertThat(renewed.updatedAt()).isEqualTo(T0.plusSeconds(200));
            assertThat(renewed.state()).isEqualTo(BatchState.SUBMITTING);
            assertThat(db.batches().renew(read.id(), BatchState.DRAFTED, renewed.updatedAt(), T0.plusSeconds(202)))
                    .as("a read in another state").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEventIsStoredOncePerPublishIdAndReadBackWhole(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            PublishStatus event = new PublishStatus("2247503051", PublishStatus.State.REJECTED_BY_REVIEW, 4, "",
                    List.of(), List.of(1, 3));
            PublishStatus success = new PublishStatus("2247503052", PublishStatus.State.SUCCESS, 0, "ART_2",
                    List.of(new PublishStatus.PublishedArticle(1, "https://mp.weixin.qq.com/s/a"),
                            new PublishStatus.PublishedArticle(2, "https://mp.weixin.qq.com/s/b")), List.of());

            assertThat(db.publishEvents().record("hongqi", event, T0)).isTrue();
            assertThat(db.publishEvents().record("hongqi", event, T0.plusSeconds(1))).isFalse();
            assertThat(db.publishEvents().record("other", event, T0)).isTrue();
            db.publishEvents().record("hongqi", success, T0);

            assertThat(db.publishEvents().find("hongqi", "2247503051")).contains(event);
            assertThat(db.publishEvents().find("hongqi", "2247503052")).contains(success);
            assertThat(db.publishEvents().find("hongqi", "1")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCallbackNonceIsUsableOncePerAccountUntilItsTimestampLeavesTheWindow(String name,
                                                                               Supplier<Database> open) {
        try (Database db = open.get()) {
            assertThat(db.callbackNonces().firstUse("hongqi", "12345", T0, T0)).isTrue();
            assertThat(db.callbackNonces().firstUse("hongqi", "12345", T0.plusSeconds(9), T0.plusSeconds(10)))
                    .isFalse();
            assertThat(db.callbackNonces().firstUse("other", "12345", T0, T0)).isTrue();
            assertThat(db.callbackNonces().firstUse("hongqi", "67890", T0.plusSeconds(600), T0.plusSeconds(600)))
                    .isTrue();

            assertThat(db.callbackNonces().purge(T0.plusSeconds(300))).isEqualTo(2);

            assertThat(db.callbackNonces().firstUse("hongqi", "12345", T0, T0.plusSeconds(700))).isTrue();
            assertThat(db.callbackNonces().firstUse("hongqi", "67890", T0.plusSeconds(600), T0.plusSeconds(700)))
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keptEventsExpireAndOnlyTheNewestAreKeptPerAccount(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            for (int i = 1; i <= 5; i++) {
                db.publishEvents().record("hongqi", new PublishStatus(String.valueOf(i), PublishStatus.State.FAILED, 3,
                        "", List.of(), List.of()), T0.plusSeconds(i));
            }
            db.publishEvents().record("other", new PublishStatus("1", PublishStatus.State.FAILED, 3, "", List.of(),
                    List.of()), T0);

            assertThat(db.publishEvents().purge(T0.plusSeconds(2), 2)).isEqualTo(4);

            assertThat(db.publishEvents().find("hongqi", "3")).isEmpty();
            assertThat(db.publishEvents().find("hongqi", "4")).isPresent();
            assertThat(db.publishEvents().find("hongqi", "5")).isPresent();
            assertThat(db.publishEvents().find("other", "1")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCorrectionNoticeRemembersTheItemItCorrects(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long original = item(db, "原文", false, null);
            long notice = item(db, "更正说明：原文", false, null);

            db.items().setCorrects(notice, original);

            assertThat(db.items().correctionOf(notice)).contains(original);
            assertThat(db.items().correctionOf(original)).isEmpty();
        }
    }
}
