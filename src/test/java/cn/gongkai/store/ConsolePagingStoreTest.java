package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console's paged lists (issue 16) asked of H2 and of embedded PostgreSQL alike: pages of heads and whole items
 * follow on from each other, counts see every match, filters combine with the page, the author filter reads the
 * audit trail, and the 台账 card's rows come pending first, page by page, with their counts.
 */
class ConsolePagingStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final Set<String> AUTHORING = Set.of(AuditAction.SUBMIT.name(), AuditAction.CREATE.name(),
            AuditAction.EDIT.name());
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("paging");
    }

    private static long item(Database db, String category, ItemStatus status, int n) {
        return db.items().insert(anItem().category(category).title("分页稿件 " + n).body("第 " + n + " 号事项的正文")
                .build(), status, null, T0.plusSeconds(n)).id();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pagesFollowOnCountsSeeEveryMatchAndFiltersCombineWithThePage(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            List<Long> drafts = new ArrayList<>();
            List<Long> notices = new ArrayList<>();
            for (int n = 0; n < 25; n++) {
                String category = n % 2 == 0 ? "通知公告" : "政策文件";
                long id = item(db, category, n % 5 == 4 ? ItemStatus.FAILED : ItemStatus.DRAFT, n);
                if (n % 5 != 4) {
                    drafts.add(id);
                    if (n % 2 == 0) {
                        notices.add(id);
                    }
                }
            }
            ItemQuery open20 = ItemQuery.all().statuses(Set.of(ItemStatus.DRAFT, ItemStatus.FAILED));
            assertThat(db.items().count(open20)).isEqualTo(25);
            assertThat(db.items().heads(open20.page(10, 0))).hasSize(10);
            assertThat(db.items().heads(open20.page(10, 20))).hasSize(5);

            ItemQuery draftNotices = ItemQuery.all().status(ItemStatus.DRAFT).category("通知公告");
            assertThat(db.items().count(draftNotices)).isEqualTo(notices.size()).isEqualTo(10);
            List<Long> paged = new ArrayList<>();
            for (int offset = 0; offset < 12; offset += 4) {
                db.items().heads(draftNotices.page(4, offset)).forEach(h -> paged.add(h.id()));
            }
            assertThat(paged).containsExactlyElementsOf(notices);
            assertThat(db.items().search(draftNotices.page(4, 4))).extracting(DisclosureItem::id)
                    .containsExactlyElementsOf(notices.subList(4, 8));
            assertThat(db.items().count(ItemQuery.all().statuses(Set.of()))).isZero();
            assertThat(db.items().heads(ItemQuery.all().statuses(Set.of()))).isEmpty();

            ItemHead first = db.items().heads(ItemQuery.all().status(ItemStatus.FAILED).page(1, 0)).get(0);
            assertThat(first.title()).isEqualTo("分页稿件 4");
            assertThat(first.category()).isEqualTo("通知公告");
            assertThat(first.status()).isEqualTo(ItemStatus.FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSearchWithoutLettersFindsTheSameAsOneIgnoringCaseAndAnIdWrittenOut(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            long seven = item(db, "通知公告", ItemStatus.DRAFT, 7);
            long seventy = item(db, "通知公告", ItemStatus.DRAFT, 70);
            long market = db.items().insert(anItem().title("Market 开放").body("正文").build(), ItemStatus.DRAFT, null,
                    T0).id();
            assertThat(db.items().heads(ItemQuery.all().text("第 7"))).extracting(ItemHead::id)
                    .containsExactly(seven, seventy);
            assertThat(db.items().count(ItemQuery.all().text("第 7"))).isEqualTo(2);
            assertThat(db.items().heads(ItemQuery.all().text("mARKET"))).extracting(ItemHead::id)
                    .containsExactly(market);
            assertThat(db.items().heads(ItemQuery.all().text(Long.toString(market)))).extracting(ItemHead::id)
                    .contains(market);
            assertThat(db.items().heads(ItemQuery.all().text("0" + market))).extracting(ItemHead::id)
                    .doesNotContain(market);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theAuthorFilterFindsTheItemsAUserSubmittedCreatedOrEdited(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            List<DisclosureItem> items = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                items.add(db.items().find(item(db, "通知公告", ItemStatus.IN_REVIEW, n)).orElseThrow());
            }
            append(db, "张三", items.get(0), AuditAction.SUBMIT);
            append(db, "张三", items.get(1), AuditAction.EDIT);
            append(db, "张三", items.get(2), AuditAction.APPROVE);
            append(db, "李四", items.get(3), AuditAction.CREATE);
            ItemQuery mine = ItemQuery.all().statuses(Set.of(ItemStatus.IN_REVIEW)).authoredBy("张三", AUTHORING);
            assertThat(db.items().heads(mine)).extracting(ItemHead::id)
                    .containsExactly(items.get(0).id(), items.get(1).id());
            assertThat(db.items().count(mine)).isEqualTo(2);
            assertThat(db.items().count(mine.status(ItemStatus.DRAFT))).isZero();
            assertThat(db.items().heads(mine.page(1, 1))).extracting(ItemHead::id).containsExactly(items.get(1).id());
        }
    }

    private static void append(Database db, String actor, DisclosureItem item, AuditAction action) {
        db.audit().append(AuditEntry.byUser(actor, "drafter", item, action, ItemStatus.DRAFT, item.status(), "",
                T0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLedgerCardReadsItsPagePendingFirstAndCountsTheYear(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            Instant from = Instant.parse("2025-12-31T16:00:00Z");
            Instant to = Instant.parse("2026-12-31T16:00:00Z");
            List<LedgerEntry> rows = new ArrayList<>();
            for (int n = 0; n < 7; n++) {
                // sources alternate; every third row waits for a category (none, or the 外部发布 placeholder)
                String category = n % 3 == 0 ? (n % 2 == 0 ? null : "外部发布") : "通知公告";
                rows.add(kept(n % 2 == 0 ? LedgerSource.IMPORT : LedgerSource.EXTERNAL, n, category,
                        from.plusSeconds(3600L * (10 - n))));
            }
            rows.add(kept(LedgerSource.IMPORT, 8, null, to.plusSeconds(60)));
            db.ledger().recordAll(rows);

            List<String> titles = new ArrayList<>();
            for (int offset = 0; offset < 8; offset += 2) {
                LedgerRepository.KeptPage page = db.ledger().keptPage(from, to, "外部发布", 2, offset);
                assertThat(List.of(page.total(), page.pending())).containsExactly(7, 3);
                page.rows().forEach(e -> titles.add(e.title()));
            }
            // pending (n = 6, 3, 0) first, each part by time: later n is earlier
            assertThat(titles).containsExactly("台账 6", "台账 3", "台账 0", "台账 5", "台账 4", "台账 2", "台账 1");
            assertThat(db.ledger().keptPage(from, to, "外部发布", 2, 8).rows()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLedgerCardIsKeptBetweenViewsUntilTheLedgerIsWritten(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            Instant from = Instant.parse("2025-12-31T16:00:00Z");
            Instant to = Instant.parse("2026-12-31T16:00:00Z");
            db.ledger().recordAll(List.of(kept(LedgerSource.IMPORT, 1, null, from.plusSeconds(60)),
                    kept(LedgerSource.EXTERNAL, 2, "通知公告", from.plusSeconds(120))));
            LedgerRepository.KeptPage first = db.ledger().keptPage(from, to, "外部发布", 50, 0);
            assertThat(db.ledger().keptPage(from, to, "外部发布", 50, 0)).as("unchanged: kept").isSameAs(first);
            assertThat(first.pending()).isEqualTo(1);

            long pendingId = first.rows().get(0).id();
            assertThat(db.ledger().categorise(pendingId, "通知公告")).isTrue();
            LedgerRepository.KeptPage categorised = db.ledger().keptPage(from, to, "外部发布", 50, 0);
            assertThat(categorised.pending()).isZero();

            db.ledger().record(kept(LedgerSource.IMPORT, 3, null, from.plusSeconds(180)));
            assertThat(db.ledger().keptPage(from, to, "外部发布", 50, 0).total()).isEqualTo(3);
        }
    }

    @Test
    void aLedgerWriteByAnotherProcessEndsTheKeptCard() {
        String url = "jdbc:h2:mem:card" + java.util.UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1";
        Instant from = Instant.parse("2025-12-31T16:00:00Z");
        Instant to = Instant.parse("2026-12-31T16:00:00Z");
        try (Database serve = Database.open(url, "sa", ""); Database cli = Database.open(url, "sa", "")) {
            serve.ledger().record(kept(LedgerSource.IMPORT, 1, null, from.plusSeconds(60)));
            assertThat(serve.ledger().keptPage(from, to, "外部发布", 50, 0).total()).isEqualTo(1);

            cli.ledger().record(kept(LedgerSource.EXTERNAL, 2, null, from.plusSeconds(120)));

            LedgerRepository.KeptPage seen = serve.ledger().keptPage(from, to, "外部发布", 50, 0);
            assertThat(List.of(seen.total(), seen.pending())).containsExactly(2, 2);
        }
    }

    private static LedgerEntry kept(LedgerSource source, int n, String category, Instant at) {
        return new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, null, null, 0, null, "台账 " + n,
                category, "", at, source, "paging-" + n, null, null);
    }
}
