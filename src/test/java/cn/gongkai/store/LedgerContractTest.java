package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.LedgerStatistics;
import cn.gongkai.report.YearCounts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's history rows, corrections, deletions and SQL counting; each database runs it through a subclass. */
abstract class LedgerContractTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> CATEGORIES = List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他");

    static final String USER = "gongkai";
    static final String PASSWORD = "pw";

    Database db;

    /** The JDBC URL of a newly created, empty database. */
    abstract String freshUrl();

    Database openFreshDatabase() {
        return Database.open(freshUrl(), USER, PASSWORD);
    }

    @BeforeEach
    void openDatabase() {
        db = openFreshDatabase();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void importedRowsHaveNoItemAndTheSameSourceKeyIsAddedOnce() {
        LedgerEntry row = imported("k1", "2023-03-01T02:00:00Z", "招商引资");

        assertThat(db.ledger().record(row)).isTrue();
        assertThat(db.ledger().record(row)).isFalse();
        assertThat(db.ledger().recordAll(List.of(row, imported("k2", "2023-03-01T02:00:00Z", "促消费"),
                imported("k2", "2023-03-01T02:00:00Z", "促消费")))).isEqualTo(1);

        List<LedgerEntry> rows = db.ledger().between(at("2023-01-01T00:00:00Z"), at("2024-01-01T00:00:00Z"));
        assertThat(rows).extracting(LedgerEntry::sourceKey).containsExactly("k1", "k2");
        assertThat(rows.get(0).itemId()).isNull();
        assertThat(rows.get(0).source()).isEqualTo(LedgerSource.IMPORT);
        assertThat(rows.get(0).id()).isPositive();
    }

    @Test
    void rowsOfOneSourceAreReadWithoutTheOthersAndOnlyWithinTheRange() {
        long item = item("发布");
        db.ledger().record(published(item, "2023-05-12T02:00:00Z", "p1"));
        db.ledger().record(imported("k2", "2023-06-01T02:00:00Z", "促消费"));
        db.ledger().record(imported("k1", "2023-03-01T02:00:00Z", "招商引资"));
        db.ledger().record(imported("k0", "2022-12-31T15:59:00Z", "其他"));
        Instant from = at("2022-12-31T16:00:00Z");
        Instant to = at("2023-12-31T16:00:00Z");

        assertThat(db.ledger().between(from, to, LedgerSource.IMPORT)).extracting(LedgerEntry::sourceKey)
                .containsExactly("k1", "k2");
        assertThat(db.ledger().between(from, to, LedgerSource.GONGKAI)).extracting(LedgerEntry::itemId)
                .containsExactly(item);
        assertThat(db.ledger().between(from, to, LedgerSource.EXTERNAL)).isEmpty();
    }

    @Test
    void publishedItemsStillCountOncePerModeNextToImportedRows() {
        long item = item("发布");
        db.ledger().record(imported("k1", "2023-05-12T02:00:00Z", "其他"));

        assertThat(db.ledger().record(published(item, "2023-05-12T02:00:00Z", "p1"))).isTrue();
        assertThat(db.ledger().record(published(item, "2023-05-13T02:00:00Z", "p2"))).isFalse();
        assertThat(db.ledger().recordAll(List.of(published(item, "2023-05-13T02:00:00Z", "p2")))).isZero();
    }

    @Test
    void aRecordAllWithABadRowAddsNothing() {
        LedgerEntry good = imported("k1", "2023-03-01T02:00:00Z", "招商引资");
        LedgerEntry orphan = new LedgerEntry(987654L, "hongqi", "freepublish", "p", "a", 1, "u", "t", "其他", "",
                at("2023-03-01T02:00:00Z"));

        assertThatThrownBy(() -> db.ledger().recordAll(List.of(good, orphan))).isInstanceOf(StoreException.class);

        assertThat(db.ledger().between(Instant.EPOCH, at("2100-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void theDatabaseRefusesARowWithNeitherItemNorSourceKeyEvenPastTheRecord() {
        assertThatThrownBy(() -> new LedgerEntry(0, null, "hongqi", "unknown", null, null, 1, "", "t", "其他", "",
                Instant.EPOCH, LedgerSource.IMPORT, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceKey");
    }

    @Test
    void aCorrectionIsNotCountedAsASecondArticleButItsPushIs() {
        long original = item("原文");
        long corrected = item("更正");
        db.ledger().record(published(original, "2023-06-01T02:00:00Z", "p1"));
        db.ledger().record(published(corrected, "2023-06-02T02:00:00Z", "p2"));
        long originalRow = db.ledger().findByItem(original, "freepublish").orElseThrow().id();
        long correctionRow = db.ledger().findByItem(corrected, "freepublish").orElseThrow().id();

        assertThat(db.ledger().markCorrection(correctionRow, originalRow)).isTrue();

        YearCounts c = counter().count(2023, CountBy.CATEGORY);
        assertThat(c.articles()).isEqualTo(1);
        assertThat(c.corrections()).isEqualTo(1);
        assertThat(c.pushes()).isEqualTo(2);
        assertThat(c.groups().get("其他")).isEqualTo(1);
        assertThat(db.ledger().find(correctionRow).orElseThrow().correctsId()).isEqualTo(originalRow);
    }

    @Test
    void aCorrectionRecordedAsSuchIsCountedOnce() {
        long original = item("原文");
        long corrected = item("更正");
        db.ledger().record(published(original, "2023-06-01T02:00:00Z", "p1"));
        long originalRow = db.ledger().findByItem(original, "freepublish").orElseThrow().id();

        db.ledger().record(published(corrected, "2023-06-02T02:00:00Z", "p2").correcting(originalRow));

        assertThat(counter().count(2023, CountBy.MONTH).articles()).isEqualTo(1);
    }

    @Test
    void correctionsCannotGoRoundInACircle() {
        long a = item("甲");
        long b = item("乙");
        db.ledger().record(published(a, "2023-06-01T02:00:00Z", "p1"));
        db.ledger().record(published(b, "2023-06-02T02:00:00Z", "p2"));
        long rowA = db.ledger().findByItem(a, "freepublish").orElseThrow().id();
        long rowB = db.ledger().findByItem(b, "freepublish").orElseThrow().id();
        db.ledger().markCorrection(rowB, rowA);

        assertThatThrownBy(() -> db.ledger().markCorrection(rowA, rowB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already corrects");
        assertThatThrownBy(() -> db.ledger().markCorrection(rowA, rowA)).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.ledger().markCorrection(rowA, 999_999)).isFalse();
        assertThat(counter().count(2023, CountBy.CATEGORY).articles()).isEqualTo(1);
    }

    @Test
    void aDeletedArticleStillCountsAndIsFlagged() {
        long a = item("甲");
        long b = item("乙");
        db.ledger().record(published(a, "2023-06-01T02:00:00Z", "p1"));
        db.ledger().record(published(b, "2023-06-01T02:00:00Z", "p1"));
        long row = db.ledger().findByItem(a, "freepublish").orElseThrow().id();

        assertThat(db.ledger().markDeleted(row, at("2023-07-01T00:00:00Z"))).isTrue();
        assertThat(db.ledger().markDeleted(999_999, at("2023-07-01T00:00:00Z"))).isFalse();

        YearCounts c = counter().count(2023, CountBy.CATEGORY);
        assertThat(c.articles()).isEqualTo(2);
        assertThat(c.deleted()).isEqualTo(1);
        assertThat(c.pushes()).isEqualTo(1);
        assertThat(c.deletedGroups().get("其他")).isEqualTo(1);
        assertThat(db.ledger().find(row).orElseThrow().deletedAt()).isEqualTo(at("2023-07-01T00:00:00Z"));
    }

    @Test
    void theYearIsCountedByPublishTimeInShanghai() {
        db.ledger().record(imported("last-minute", "2023-12-31T15:59:00Z", "招商引资"));
        db.ledger().record(imported("new-year", "2023-12-31T16:00:00Z", "招商引资"));
        db.ledger().record(imported("first", "2022-12-31T16:00:00Z", "促消费"));

        YearCounts byMonth = counter().count(2023, CountBy.MONTH);

        assertThat(byMonth.articles()).isEqualTo(2);
        assertThat(byMonth.groups().get("2023-01")).isEqualTo(1);
        assertThat(byMonth.groups().get("2023-12")).isEqualTo(1);
        assertThat(byMonth.groups()).hasSize(12);
        assertThat(counter().count(2024, CountBy.MONTH).groups().get("2024-01")).isEqualTo(1);
    }

    @Test
    void countsGroupByCategoryAccountDepartmentAndMode() {
        List<LedgerEntry> rows = new ArrayList<>();
        rows.add(row("a", "hongqi", "freepublish", "招商引资", "投资促进股", "p1"));
        rows.add(row("b", "hongqi", "freepublish", "招商引资", "投资促进股", "p1"));
        rows.add(row("c", "hongqi", "mass", "促消费", "", "m1"));
        rows.add(row("d", "second", "freepublish", "外部发布", "商贸流通股", "p9"));
        db.ledger().recordAll(rows);

        YearCounts category = counter().count(2023, CountBy.CATEGORY);
        assertThat(category.groups()).containsExactly(java.util.Map.entry("招商引资", 2),
                java.util.Map.entry("外资外贸", 0), java.util.Map.entry("商贸流通", 0), java.util.Map.entry("促消费", 1),
                java.util.Map.entry("其他", 0), java.util.Map.entry("外部发布", 1));
        assertThat(category.pushes()).isEqualTo(3);
        assertThat(counter().count(2023, CountBy.ACCOUNT).groups())
                .containsExactly(java.util.Map.entry("hongqi", 3), java.util.Map.entry("second", 1));
        assertThat(counter().count(2023, CountBy.DEPARTMENT).groups()).containsEntry(Counter.NO_DEPARTMENT, 1)
                .containsEntry("投资促进股", 2).containsEntry("商贸流通股", 1);
        assertThat(counter().count(2023, CountBy.MODE).groups())
                .containsExactly(java.util.Map.entry("freepublish", 3), java.util.Map.entry("mass", 1));
    }

    @Test
    void importedArticlesOfTheSameMinuteAndAccountAreOnePush() {
        db.ledger().recordAll(List.of(imported("a", "2023-03-01T02:00:00Z", "招商引资"),
                imported("b", "2023-03-01T02:00:00Z", "促消费"), imported("c", "2023-03-02T02:00:00Z", "促消费")));

        assertThat(counter().count(2023, CountBy.CATEGORY).pushes()).isEqualTo(2);
    }

    @Test
    void anExternalRowCanBeCategorisedByStaff() {
        LedgerEntry ext = new LedgerEntry(0, null, "hongqi", "freepublish", null, "ART9", 1, "https://mp/x",
                "局长带队考察", "外部发布", "", at("2023-04-01T02:00:00Z"), LedgerSource.EXTERNAL, "wechat:hongqi:ART9:1",
                null, null);
        db.ledger().record(ext);
        long id = db.ledger().between(Instant.EPOCH, at("2100-01-01T00:00:00Z")).get(0).id();

        assertThat(db.ledger().categorise(id, "招商引资")).isTrue();

        assertThat(counter().count(2023, CountBy.CATEGORY).groups().get("招商引资")).isEqualTo(1);
        assertThat(db.ledger().find(id).orElseThrow().source()).isEqualTo(LedgerSource.EXTERNAL);
    }

    @Test
    void anEmptyYearHasZeroEverywhere() {
        LedgerStatistics.Totals t = db.ledgerStatistics().totals(at("2023-01-01T00:00:00Z"), at("2024-01-01T00:00:00Z"));

        assertThat(t).isEqualTo(new LedgerStatistics.Totals(0, 0, 0, 0));
        assertThat(counter().count(2023, CountBy.CATEGORY).groups().values()).containsOnly(0);
    }

    @Test
    void migratingALedgerWrittenBeforeVersion5KeepsItsRowsAsGongkaiRowsWithTheirPush() throws Exception {
        String url = freshUrl();
        org.flywaydb.core.Flyway.configure().dataSource(url, USER, PASSWORD).locations("classpath:db/migration")
                .target("1").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, USER, PASSWORD);
             java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO item (account, category, title, author, department, body, doc_no, source_url,"
                    + " status, content_hash, failure, created_at, updated_at) VALUES ('hongqi', '促消费', '旧稿', '',"
                    + " '', '正文', '', '', 'PUBLISHED', 'h', '', TIMESTAMP WITH TIME ZONE '2023-05-12 02:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2023-05-12 02:00:00+00')");
            s.execute("INSERT INTO ledger (item_id, account, mode, publish_id, article_id, article_index, url, title,"
                    + " category, department, published_at) SELECT id, 'hongqi', 'freepublish', '2247483647', 'A1', 1,"
                    + " 'u', '旧稿', '促消费', '', TIMESTAMP WITH TIME ZONE '2023-05-12 02:00:00+00' FROM item");
        }
        try (Database migrated = Database.open(url, USER, PASSWORD)) {
            LedgerEntry row = migrated.ledger().between(Instant.EPOCH, at("2100-01-01T00:00:00Z")).get(0);
            assertThat(row.source()).isEqualTo(LedgerSource.GONGKAI);
            assertThat(row.itemId()).isNotNull();
            assertThat(migrated.ledger().record(new LedgerEntry(row.itemId(), "hongqi", "freepublish", "x", "y", 1,
                    "u", "旧稿", "促消费", "", at("2023-05-13T02:00:00Z")))).isFalse();
            YearCounts c = new Counter(migrated.ledgerStatistics(), SHANGHAI, CATEGORIES).count(2023, CountBy.CATEGORY);
            assertThat(c.articles()).isEqualTo(1);
            assertThat(c.pushes()).isEqualTo(1);
        }
    }

    // ---- fixtures ----

    Counter counter() {
        return new Counter(db.ledgerStatistics(), SHANGHAI, CATEGORIES);
    }

    long item(String title) {
        return db.items().insert(anItem().category("其他").title(title).department("办公室").build(),
                ItemStatus.PUBLISHED, null, Instant.EPOCH).id();
    }

    static LedgerEntry published(long item, String when, String publishId) {
        return new LedgerEntry(item, "hongqi", "freepublish", publishId, "ART-" + publishId, 1, "u", "标题", "其他",
                "办公室", at(when));
    }

    static LedgerEntry imported(String key, String when, String category) {
        return new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, null, null, 1, "", "历史 " + key, category,
                "", at(when), LedgerSource.IMPORT, key, null, null);
    }

    static LedgerEntry row(String key, String account, String mode, String category, String department, String job) {
        return new LedgerEntry(0, null, account, mode, job, null, 1, "", key, category, department,
                at("2023-08-01T02:00:00Z"), LedgerSource.IMPORT, key, null, null);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
