package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.LedgerStatistics;
import cn.gongkai.report.Reconciler;
import cn.gongkai.report.YearCounts;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import cn.gongkai.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-day ledger summary (V12) on H2 and on embedded PostgreSQL: after every kind of ledger write it equals a
 * GROUP BY over the ledger, a rebuild repairs it, and concurrent writers lose no increment.
 */
class LedgerSummaryTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> CATEGORIES = List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他");
    private static final Instant MAY = Instant.parse("2023-05-12T02:00:00Z");

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    /** A place for a fresh database: its URL and user, so that a test can open it again. */
    record Place(String url, String user) {
        Database open() {
            return Database.open(url, user, "", SHANGHAI);
        }
    }

    static Stream<Arguments> databases() {
        Supplier<Place> h2 = () -> new Place("jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa");
        Supplier<Place> pg = () -> new Place(POSTGRES.url(POSTGRES.createDatabase("summary")),
                EmbeddedPostgresExtension.SUPERUSER);
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", pg));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyKindOfLedgerWriteKeepsTheSummaryEqualToTheLedger(String name, Supplier<Place> place) {
        try (Database db = place.get().open()) {
            long first = item(db, "发布");
            db.ledger().record(published(first, "p1", "2023-05-12T02:00:00Z"));
            assertAgrees(db);

            db.ledger().recordAll(List.of(imported("k1", "2023-03-01T02:00:00Z", "招商引资", "job1"),
                    imported("k2", "2023-03-01T02:00:00Z", "促消费", "job1"),
                    imported("k2", "2023-03-01T02:00:00Z", "促消费", "job1"),
                    imported("k3", "2022-12-31T16:30:00Z", "其他", "job2")));
            assertAgrees(db);

            long second = item(db, "更正");
            db.ledger().record(published(second, "p2", "2023-05-13T02:00:00Z"));
            long correction = db.ledger().findByItem(second, "freepublish").orElseThrow().id();
            long original = db.ledger().findByItem(first, "freepublish").orElseThrow().id();
            assertThat(db.ledger().markCorrection(correction, original)).isTrue();
            assertAgrees(db);

            assertThat(db.ledger().markDeleted(original, MAY.plusSeconds(86_400))).isTrue();
            assertAgrees(db);

            long history = idOf(db, "k2");
            assertThat(db.ledger().categorise(history, "外资外贸")).isTrue();
            assertThat(db.ledger().categorise(-1, "外资外贸")).isFalse();
            assertAgrees(db);

            reconcile(db);
            assertAgrees(db);

            YearCounts c = counter(db).count(2023, CountBy.CATEGORY);
            // k3 was published at 00:30 on 1 January in Shanghai: the summary cuts days in the configured zone.
            assertThat(c.articles()).isEqualTo(6);
            assertThat(c.corrections()).isEqualTo(1);
            assertThat(c.deleted()).isEqualTo(2);
            assertThat(c.groups()).containsEntry("其他", 2).containsEntry("外资外贸", 1).containsEntry("外部发布", 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRebuildRepairsATamperedSummaryAndTheCheckSaysWhereTheyDiffered(String name, Supplier<Place> place)
            throws SQLException {
        try (Database db = place.get().open()) {
            db.ledger().recordAll(List.of(imported("k1", "2023-03-01T02:00:00Z", "招商引资", "job1"),
                    imported("k2", "2023-04-01T02:00:00Z", "促消费", "job2")));
            sql(db, "UPDATE ledger_daily SET articles = articles + 5 WHERE dim = 'category'");
            sql(db, "DELETE FROM ledger_daily WHERE dim = 'account'");

            assertThat(db.ledgerSummary().differences(1)).containsExactly(
                    "2023-03-01 account「hongqi」：汇总 文章 0、删除 0、更正 0、推送 0，台账 文章 1、删除 0、更正 0、推送 1",
                    "……另有 3 处不同");
            assertThat(db.ledgerSummary().rebuild()).isEqualTo(2);
            assertAgrees(db);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLedgerWithoutSummaryIsSummarisedWhenOpened(String name, Supplier<Place> place) throws SQLException {
        Place p = place.get();
        try (Database db = p.open()) {
            db.ledger().recordAll(List.of(imported("k1", "2023-03-01T02:00:00Z", "招商引资", "job1")));
            sql(db, "DELETE FROM ledger_daily");
            sql(db, "UPDATE ledger_daily_zone SET zone = ''");
            try (Database again = p.open()) {
                assertAgrees(again);
                assertThat(counter(again).count(2023, CountBy.ACCOUNT).articles()).isEqualTo(1);
            }
        }
    }

    /**
     * A second process configured with another time zone rebuilds the summary in its zone; the first one's next
     * ledger write marks it stale instead of adding days cut in its own zone, and both count from the ledger until
     * the summary is rebuilt: the counts stay right in each zone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aProcessInAnotherZoneNeverMixesTwoZonesInTheSummary(String name, Supplier<Place> place) {
        Place p = place.get();
        try (Database shanghai = p.open()) {
            shanghai.ledger().recordAll(List.of(imported("k1", "2023-03-01T02:00:00Z", "招商引资", "job1")));
            try (Database utc = Database.open(p.url(), p.user(), "", ZoneId.of("UTC"))) {
                // 2023-12-31T20:00Z is 2024 in Shanghai, still 2023 in UTC
                shanghai.ledger().recordAll(List.of(imported("k2", "2023-12-31T20:00:00Z", "促消费", "job2")));

                assertThat(counter(shanghai).count(2023, CountBy.ACCOUNT).articles()).isEqualTo(1);
                assertThat(counter(shanghai).count(2024, CountBy.ACCOUNT).articles()).isEqualTo(1);
                assertThat(new Counter(utc.ledgerStatistics(), ZoneId.of("UTC"), CATEGORIES)
                        .count(2023, CountBy.ACCOUNT).articles()).isEqualTo(2);
            }
            try (Database again = p.open()) {
                assertAgrees(again);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentWritersLoseNoIncrement(String name, Supplier<Place> place) throws Exception {
        int writers = 4;
        int rows = 15;
        try (Database db = place.get().open()) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < rows; i++) {
                            String key = "w" + writer + "-" + i;
                            LedgerEntry e = imported(key, "2023-03-01T02:00:00Z", "招商引资", key);
                            if (i % 2 == 0) {
                                db.ledger().record(e);
                            } else {
                                db.ledger().recordAll(List.of(e));
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertAgrees(db);
            assertThat(counter(db).count(2023, CountBy.MONTH).articles()).isEqualTo(writers * rows);
        }
    }

    /** The summary against the ledger: cell by cell, and each count against the GROUP BY over the ledger rows. */
    private static void assertAgrees(Database db) {
        assertThat(db.ledgerSummary().differences(50)).isEmpty();
        LedgerStatistics stats = db.ledgerStatistics();
        for (int year = 2022; year <= 2024; year++) {
            Instant from = LocalDate.of(year, 1, 1).atStartOfDay(SHANGHAI).toInstant();
            Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(SHANGHAI).toInstant();
            // One nanosecond off midnight: the ledger's own GROUP BY over the same rows (times are kept in micros).
            Instant ledgerFrom = from.minusNanos(1);
            Instant ledgerTo = to.minusNanos(1);
            assertThat(stats.totals(from, to)).isEqualTo(stats.totals(ledgerFrom, ledgerTo));
            for (CountBy by : List.of(CountBy.CATEGORY, CountBy.ACCOUNT, CountBy.DEPARTMENT, CountBy.MODE)) {
                assertThat(stats.byColumn(from, to, by)).as(by + " " + year)
                        .isEqualTo(stats.byColumn(ledgerFrom, ledgerTo, by));
            }
            List<Instant> months = new ArrayList<>();
            List<Instant> ledgerMonths = new ArrayList<>();
            for (int m = 0; m <= 12; m++) {
                Instant start = LocalDate.of(year, 1, 1).plusMonths(m).atStartOfDay(SHANGHAI).toInstant();
                months.add(start);
                ledgerMonths.add(start.minusNanos(1));
            }
            assertThat(stats.byInterval(months)).isEqualTo(stats.byInterval(ledgerMonths));
        }
    }

    private static void reconcile(Database db) {
        long item = item(db, "后来删除");
        db.ledger().record(new LedgerEntry(item, "hongqi", "freepublish", "p9", "ART9", 1, "u9", "后来删除", "促消费",
                "", MAY));
        List<PublishedArticleInfo> published = List.of(
                new PublishedArticleInfo("ART9", null, List.of(new PublishedArticleInfo.Item(1, "后来删除", "u9", true))),
                new PublishedArticleInfo("ART8", Instant.parse("2023-08-01T02:00:00Z"),
                        List.of(new PublishedArticleInfo.Item(1, "后台直接发布的通知", "x", false))));
        new Reconciler(db.ledger(), counter(db), (account, offset, count) -> published.subList(
                Math.min(offset, published.size()), Math.min(offset + count, published.size())),
                new MutableClock(Instant.parse("2024-01-10T00:00:00Z")), 5).reconcile(2023, List.of("hongqi"));
    }

    private static Counter counter(Database db) {
        return new Counter(db.ledgerStatistics(), SHANGHAI, CATEGORIES);
    }

    private static long item(Database db, String title) {
        return db.items().insert(anItem().category("其他").title(title).department("办公室").build(),
                ItemStatus.PUBLISHED, null, Instant.EPOCH).id();
    }

    private static long idOf(Database db, String sourceKey) {
        return db.ledger().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                .filter(e -> sourceKey.equals(e.sourceKey())).findFirst().orElseThrow().id();
    }

    private static LedgerEntry published(long item, String publishId, String when) {
        return new LedgerEntry(item, "hongqi", "freepublish", publishId, "ART-" + publishId, 1, "u-" + publishId,
                "标题", "其他", "办公室", Instant.parse(when));
    }

    private static LedgerEntry imported(String key, String when, String category, String job) {
        return new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, job, null, 1, "", "历史 " + key, category,
                "", Instant.parse(when), LedgerSource.IMPORT, key, null, null);
    }

    private static void sql(Database db, String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
