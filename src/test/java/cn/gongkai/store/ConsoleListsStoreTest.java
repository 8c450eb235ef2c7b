package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The item lists of the console's 待办, 排期 and 发布记录 pages, asked of H2 and of embedded PostgreSQL alike. */
class ConsoleListsStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("lists");
    }

    private static long item(Database db, String account, ItemStatus status, Instant planned, Instant created) {
        return db.items().insert(anItem().account(account).title("稿件" + created.getEpochSecond()).publishAt(planned)
                .build(), status, null, created).id();
    }

    /** An item that went out at {@code at}: approved, then moved to PUBLISHED then (its last change). */
    private static long published(Database db, Instant planned, Instant at) {
        long id = item(db, "hongqi", ItemStatus.APPROVED, planned, T0);
        db.items().transition(id, ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, null, at);
        db.items().transition(id, ItemStatus.PUBLISHING, ItemStatus.PUBLISHED, null, null, at);
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statusListsAndCountsComeFromTheDatabase(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long draft = item(db, "hongqi", ItemStatus.DRAFT, null, T0.plusSeconds(3));
            long review = item(db, "hongqi", ItemStatus.IN_REVIEW, null, T0.plusSeconds(1));
            long failed = item(db, "other", ItemStatus.FAILED, null, T0.plusSeconds(2));
            item(db, "hongqi", ItemStatus.APPROVED, null, T0);
            item(db, "hongqi", ItemStatus.APPROVED, null, T0);
            long deleted = item(db, "hongqi", ItemStatus.DRAFT, null, T0.plusSeconds(4));
            assertThat(db.items().delete(deleted, ItemStatus.DRAFT, T0.plusSeconds(5))).isTrue();

            assertThat(db.items().inStatuses(Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.FAILED)))
                    .extracting(DisclosureItem::id).containsExactly(review, failed, draft);
            assertThat(db.items().inStatuses(Set.of())).isEmpty();
            assertThat(db.items().countByStatus()).isEqualTo(Map.of(ItemStatus.DRAFT, 1, ItemStatus.IN_REVIEW, 1,
                    ItemStatus.FAILED, 1, ItemStatus.APPROVED, 2));
            assertThat(db.items().titles(List.of(draft, failed, deleted, 999_999L)))
                    .isEqualTo(Map.of(draft, "稿件" + T0.plusSeconds(3).getEpochSecond(),
                            failed, "稿件" + T0.plusSeconds(2).getEpochSecond()));
            assertThat(db.items().titles(List.of())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theCalendarHasPublishedItemsOnTheirDayAndOthersOnTheirPlannedTime(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            Instant from = Instant.parse("2026-06-01T00:00:00Z");
            Instant until = Instant.parse("2026-07-01T00:00:00Z");
            long plannedLate = item(db, "hongqi", ItemStatus.APPROVED, from.plusSeconds(86_400 * 3), T0);
            long plannedEarly = item(db, "hongqi", ItemStatus.IN_REVIEW, from.plusSeconds(3600), T0);
            long wentOut = published(db, Instant.parse("2026-05-01T00:00:00Z"), from.plusSeconds(86_400 * 2));
            published(db, from.plusSeconds(60), until.plusSeconds(60));
            item(db, "hongqi", ItemStatus.REJECTED, from.plusSeconds(120), T0);
            item(db, "hongqi", ItemStatus.APPROVED, until, T0);
            item(db, "hongqi", ItemStatus.APPROVED, null, T0);
            long otherAccount = item(db, "other", ItemStatus.DRAFT, from.plusSeconds(7200), T0);

            assertThat(db.items().calendar("hongqi", from, until)).extracting(ItemHead::id)
                    .containsExactly(plannedEarly, wentOut, plannedLate);
            assertThat(db.items().calendar(null, from, until)).extracting(ItemHead::id)
                    .containsExactly(plannedEarly, otherAccount, wentOut, plannedLate);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void approvedItemsAreCountedAsDueOrLaterAndTheUnplannedListed(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long unplanned = item(db, "hongqi", ItemStatus.APPROVED, null, T0.plusSeconds(1));
            item(db, "hongqi", ItemStatus.APPROVED, T0.minusSeconds(60), T0);
            item(db, "hongqi", ItemStatus.APPROVED, T0, T0);
            item(db, "hongqi", ItemStatus.APPROVED, T0.plusSeconds(60), T0);
            item(db, "hongqi", ItemStatus.IN_REVIEW, null, T0);
            long otherUnplanned = item(db, "other", ItemStatus.APPROVED, null, T0);

            assertThat(db.items().approvedQueue("hongqi", T0)).isEqualTo(new ItemRepository.Queue(3, 1));
            assertThat(db.items().approvedQueue("hongqi", T0)).isEqualTo(new ItemRepository.Queue(
                    db.items().dueForPublishing("hongqi", T0, 1000).size(), 1));
            assertThat(db.items().approvedQueue("none", T0)).isEqualTo(new ItemRepository.Queue(0, 0));
            assertThat(db.items().approvedUnplanned("hongqi")).extracting(ItemHead::id).containsExactly(unplanned);
            assertThat(db.items().approvedUnplanned(null)).extracting(ItemHead::id)
                    .containsExactly(otherUnplanned, unplanned);
        }
    }
}
