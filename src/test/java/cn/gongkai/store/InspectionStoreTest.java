package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.inspect.Finding;
import cn.gongkai.inspect.InspectedArticle;
import cn.gongkai.inspect.InspectionStore;
import cn.gongkai.inspect.LinkProbe;
import cn.gongkai.inspect.LinkRecord;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the inspection keeps (V20) on H2 and on embedded PostgreSQL alike. */
class InspectionStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("inspect");
    }

    private static InspectedArticle article(String id, int index, Instant updated, boolean baseline) {
        return new InspectedArticle("hongqi", id, index, "标题" + id + index, "https://mp.weixin.qq.com/s/" + id + index,
                updated, false, "正文\n第二行", List.of("https://a.example/1", "https://b.example/2"), "ab".repeat(32),
                T0, baseline, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void articlesAndPullsAreKeptWithTheLedgersTimeAndTheDeletedFlag(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            InspectionStore store = db.inspections();
            assertThat(store.lastPull("hongqi")).isEmpty();
            Instant ledgerAt = T0.minusSeconds(3600);
            db.ledger().record(new LedgerEntry(0, null, "hongqi", "freepublish", null, "B", 1, "u", "t", "其他", "",
                    ledgerAt, LedgerSource.EXTERNAL, "wechat:hongqi:B:1", null, null));

            store.recordPull("hongqi", T0, List.of(article("A", 1, T0.minusSeconds(60), true),
                    article("B", 1, null, true), article("B", 2, null, true)), 2);
            store.recordPull("other", T0, List.of(), 1);
            store.setDeleted("hongqi", "B", 2, true);

            assertThat(store.lastPull("hongqi")).contains(T0);
            assertThat(store.lastPull("other")).contains(T0);
            assertThat(store.knows("hongqi", "B")).isTrue();
            assertThat(store.knows("other", "B")).isFalse();
            List<InspectedArticle> stored = store.articles("hongqi");
            assertThat(stored).extracting(InspectedArticle::articleId, InspectedArticle::index)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("B", 1), org.assertj.core.groups.Tuple.tuple("B", 2),
                            org.assertj.core.groups.Tuple.tuple("A", 1));
            assertThat(stored.get(0).ledgerAt()).isEqualTo(ledgerAt);
            assertThat(stored.get(0).publishedAt()).contains(ledgerAt);
            assertThat(stored.get(1).deleted()).isTrue();
            assertThat(stored.get(2)).isEqualTo(article("A", 1, T0.minusSeconds(60), true));
            assertThat(store.ledgerPublications("hongqi")).containsExactly(
                    new InspectionStore.LedgerPublication("B", 1, ledgerAt));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findingsAreReplacedAsAWholeAndLinksRemembered(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            InspectionStore store = db.inspections();
            Finding word = new Finding("hongqi", "A", 1, "标题", "https://mp/a", Finding.Kind.WRONG_WORD, "“校队”：…校队后…",
                    "改为“校对”");
            Finding link = new Finding("hongqi", "A", 1, "标题", "https://mp/a", Finding.Kind.DEAD_LINK, "https://x/1",
                    "网页不存在（HTTP 404）：请修改或删除该链接");
            store.replaceFindings("hongqi", List.of(word, link), T0);
            Finding elsewhere = new Finding("other", "C", 2, "别的号", "https://mp/c", Finding.Kind.SENSITIVE_WORD,
                    "“某词”：某词", "不应使用，请改写");
            store.replaceFindings("other", List.of(elsewhere), T0);
            store.replaceFindings("hongqi", List.of(link), T0.plusSeconds(60));
            LinkRecord first = new LinkRecord("https://x/1", LocalDate.of(2026, 11, 2), LinkProbe.Outcome.FAILED,
                    "HTTP 503", 1);
            store.saveLink(first);
            store.saveLink(new LinkRecord("https://x/1", LocalDate.of(2026, 11, 3), LinkProbe.Outcome.FAILED,
                    "HTTP 503", 2));

            assertThat(store.findings("hongqi")).containsExactly(link);
            assertThat(store.findings("other")).containsExactly(elsewhere);
            assertThat(store.link("https://x/1")).contains(new LinkRecord("https://x/1", LocalDate.of(2026, 11, 3),
                    LinkProbe.Outcome.FAILED, "HTTP 503", 2));
            assertThat(store.link("https://x/2")).isEmpty();
        }
    }
}
