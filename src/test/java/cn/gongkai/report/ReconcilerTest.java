package cn.gongkai.report;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ledger reconcile against a hand-written published list (freepublish/batchget), newest first. */
class ReconcilerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MAY = Instant.parse("2023-05-12T02:00:00Z");

    private Database db;
    private final List<PublishedArticleInfo> published = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Fixtures.memoryDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void articlesPublishedByHandBecomeExternalRowsToCategoriseAndAreCountedOnce() {
        long item = item("本系统发布");
        db.ledger().record(new LedgerEntry(item, "hongqi", "freepublish", "p1", "ART1", 1,
                "https://mp.weixin.qq.com/s/1", "本系统发布", "招商引资", "", MAY));
        published.add(info("ART9", Instant.parse("2023-08-01T02:00:00Z"), item("x", "后台直接发布的通知", false)));
        published.add(info("ART1", MAY, item("https://mp.weixin.qq.com/s/1", "本系统发布", false)));

        Reconciler.Result r = reconciler(5).reconcile(2023, List.of("hongqi"));
        Reconciler.Result again = reconciler(5).reconcile(2023, List.of("hongqi"));

        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.added()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("后台直接发布的通知");
            assertThat(e.category()).isEqualTo("外部发布");
            assertThat(e.source()).isEqualTo(LedgerSource.EXTERNAL);
        });
        assertThat(again.added()).isEmpty();
        assertThat(again.matched()).isEqualTo(2);
        YearCounts c = counter().count(2023, CountBy.CATEGORY);
        assertThat(c.articles()).isEqualTo(2);
        assertThat(c.groups()).containsEntry("外部发布", 1).containsEntry("招商引资", 1);
    }

    @Test
    void anArticleDeletedInWeChatIsFlaggedAndStillCounted() {
        long item = item("后来删除");
        db.ledger().record(new LedgerEntry(item, "hongqi", "freepublish", "p1", "ART1", 1, "u1", "后来删除", "促消费",
                "", MAY));
        published.add(info("ART1", null, item("u1", "后来删除", true)));

        Reconciler.Result r = reconciler(5).reconcile(2023, List.of("hongqi"));

        assertThat(r.newlyDeleted()).hasSize(1);
        YearCounts c = counter().count(2023, CountBy.CATEGORY);
        assertThat(c.articles()).isEqualTo(1);
        assertThat(c.deleted()).isEqualTo(1);
    }

    @Test
    void mismatchesAreListedOnBothSides() {
        long item = item("微信里找不到");
        db.ledger().record(new LedgerEntry(item, "hongqi", "freepublish", "p1", "ART1", 1, "u1", "微信里找不到", "促消费",
                "", MAY));
        db.ledger().record(new LedgerEntry(item("群发"), "hongqi", "mass", "m1", null, 1, "", "群发", "促消费", "", MAY));
        db.ledger().record(new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, null, null, 1, "", "导入的旧文章",
                "促消费", "", MAY, LedgerSource.IMPORT, "import:hongqi|x|导入的旧文章", null, null));
        published.add(info("ART7", null, item("u7", "时间不详的文章", false)));
        published.add(info("ART6", Instant.parse("2022-06-01T02:00:00Z"), item("u6", "去年的文章", false)));

        Reconciler.Result r = reconciler(5).reconcile(2023, List.of("hongqi"));

        assertThat(r.onlyInLedger()).extracting(LedgerEntry::title).containsExactly("微信里找不到");
        assertThat(r.undated()).singleElement().asString().contains("时间不详的文章", "ART7");
        assertThat(r.added()).isEmpty();
        // The mass send and the imported row are not in freepublish's list: neither missing nor silently dropped.
        assertThat(r.notCompared()).isEqualTo(2);
        assertThat(r.matched()).isZero();
    }

    @Test
    void readingStopsAtThePageLimitOrOnceTheListIsOlderThanTheYear() {
        for (int i = 0; i < 45; i++) {
            published.add(info("OLD" + i, Instant.parse("2022-06-01T02:00:00Z"), item("u" + i, "旧" + i, false)));
        }

        Reconciler.Result older = reconciler(5).reconcile(2023, List.of("hongqi"));
        assertThat(older.pagesRead()).isEqualTo(1);
        assertThat(older.truncated()).isEmpty();

        published.replaceAll(p -> info(p.articleId(), null, p.items().get(0)));
        offsets.clear();
        Reconciler.Result limited = reconciler(2).reconcile(2023, List.of("hongqi"));
        assertThat(limited.pagesRead()).isEqualTo(2);
        assertThat(offsets).containsExactly(0, 20);
        assertThat(limited.truncated()).containsExactly("hongqi");
    }

    private Reconciler reconciler(int maxPages) {
        return new Reconciler(db.ledger(), counter(), (account, offset, count) -> {
            offsets.add(offset);
            return published.subList(Math.min(offset, published.size()), Math.min(offset + count, published.size()));
        }, new MutableClock(Instant.parse("2024-01-10T00:00:00Z")), maxPages);
    }

    private Counter counter() {
        return new Counter(db.ledgerStatistics(), SHANGHAI, List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他"));
    }

    private long item(String title) {
        return db.items().insert(anItem().title(title).build(), ItemStatus.PUBLISHED, null, MAY).id();
    }

    private static PublishedArticleInfo.Item item(String url, String title, boolean deleted) {
        return new PublishedArticleInfo.Item(1, title, url, deleted);
    }

    private static PublishedArticleInfo info(String articleId, Instant at, PublishedArticleInfo.Item item) {
        return new PublishedArticleInfo(articleId, at, List.of(item));
    }
}
