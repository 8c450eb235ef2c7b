package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queries behind the console's lists under load, on H2 and embedded PostgreSQL alike: the audit histories of a
 * listed page read ahead in one go, 稿件 read one page at a time, and the H2 file's size and live share.
 */
class ConsoleQueriesStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @TempDir
    Path dir;

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("queries");
    }

    private static DisclosureItem item(Database db, int n) {
        return db.items().insert(anItem().title("稿件 " + n).build(), ItemStatus.IN_REVIEW, null,
                T0.plusSeconds(n));
    }

    private static AuditEntry row(DisclosureItem item, String actor, String decision, int step) {
        return new AuditEntry(0, item.id(), actor, "dept-leader", decision, "DRAFT", "IN_REVIEW", step, "",
                item.contentHash(), "检查通过", T0.plusSeconds(step));
    }

    /** An audit row written behind the store's back, as another process would. */
    private static void insertDirectly(Database db, DisclosureItem item) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_log (item_id, actor, role, decision, step, comment_text, content_hash, checks,"
                        + " occurred_at) VALUES (?, 'elsewhere', '', 'CHECK', 0, '', ?, '', ?)")) {
            s.setLong(1, item.id());
            s.setString(2, item.contentHash());
            s.setObject(3, java.sql.Timestamp.from(T0));
            s.executeUpdate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theHistoriesOfAListedPageAreReadAheadAndAnsweredUntilTheWorkEnds(String name, Supplier<Database> open)
            throws SQLException {
        try (Database db = open.get()) {
            DisclosureItem a = item(db, 1);
            DisclosureItem b = item(db, 2);
            DisclosureItem none = item(db, 3);
            db.audit().append(row(a, "张三", "SUBMIT", 0));
            db.audit().append(row(b, "李四", "SUBMIT", 0));
            db.audit().append(row(a, "王五", "APPROVE", 0));
            List<List<AuditEntry>> before = List.of(db.audit().history(a.id()), db.audit().history(b.id()));

            List<String> seen = db.audit().readingAhead(List.of(a.id(), b.id(), none.id(), a.id()), () -> {
                try {
                    insertDirectly(db, a);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                List<String> out = new ArrayList<>();
                // Answered from what was read ahead: the row written meanwhile is not among them.
                assertThat(List.of(db.audit().history(a.id()), db.audit().history(b.id()))).isEqualTo(before);
                assertThat(db.audit().history(none.id())).isEmpty();
                // Our own append drops the item's read-ahead history: the next read sees both new rows.
                db.audit().append(row(b, "赵六", "APPROVE", 0));
                db.audit().history(b.id()).forEach(e -> out.add(e.actor()));
                return out;
            });

            assertThat(seen).containsExactly("李四", "赵六");
            assertThat(db.audit().history(a.id())).extracting(AuditEntry::actor)
                    .containsExactly("张三", "王五", "elsewhere");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void historiesAreKeptBetweenPagesUntilTheirItemGetsARowFromAnywhere(String name, Supplier<Database> open)
            throws SQLException {
        try (Database db = open.get()) {
            DisclosureItem a = item(db, 1);
            DisclosureItem b = item(db, 2);
            db.audit().append(row(a, "张三", "SUBMIT", 0));
            db.audit().append(row(b, "李四", "SUBMIT", 0));
            List<Long> listed = List.of(a.id(), b.id());
            Supplier<List<List<AuditEntry>>> page = () -> db.audit().readingAhead(listed,
                    () -> List.of(db.audit().history(a.id()), db.audit().history(b.id())));

            List<List<AuditEntry>> first = page.get();
            List<List<AuditEntry>> second = page.get();
            assertThat(second.get(0)).as("unchanged: the kept history, not read again").isSameAs(first.get(0));
            assertThat(second.get(1)).isSameAs(first.get(1));

            insertDirectly(db, a);   // another process, another node
            List<List<AuditEntry>> third = page.get();
            assertThat(third.get(0)).extracting(AuditEntry::actor).containsExactly("张三", "elsewhere");
            assertThat(third.get(1)).isSameAs(first.get(1));

            db.audit().append(row(b, "王五", "APPROVE", 0));
            assertThat(page.get().get(1)).extracting(AuditEntry::actor).containsExactly("李四", "王五");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void itemsAreSearchedOnePageAtATimeNewestChangeFirst(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            List<Long> ids = new ArrayList<>();
            for (int n = 0; n < 7; n++) {
                ids.add(0, item(db, n).id());
            }
            ItemQuery query = ItemQuery.all().status(ItemStatus.IN_REVIEW).byNewestChange();

            List<Long> pages = new ArrayList<>();
            for (int offset = 0; offset < 9; offset += 3) {
                List<DisclosureItem> page = db.items().search(query.page(3, offset));
                assertThat(page.size()).isLessThanOrEqualTo(3);
                page.forEach(i -> pages.add(i.id()));
            }

            assertThat(pages).isEqualTo(ids);
            assertThat(db.items().search(query.page(3, 6))).hasSize(1);
            assertThat(db.items().search(query.page(3, 9))).isEmpty();
        }
    }

    @Test
    void anH2FileReportsItsSizeAndLiveShareAndPostgresqlAndMemoryReportNone() {
        try (Database file = Database.open("jdbc:h2:file:" + dir.resolve("space"), "gongkai", "")) {
            item(file, 1);
            FileSpace space = file.fileSpace().orElseThrow();
            assertThat(space.fileBytes()).isEqualTo(dir.resolve("space.mv.db").toFile().length());
            assertThat(space.livePercent()).isBetween(1, 100);
            assertThat(space.liveBytes()).isPositive().isLessThanOrEqualTo(space.fileBytes());
        }
        try (Database memory = Database.open("jdbc:h2:mem:space;DB_CLOSE_DELAY=-1", "sa", "")) {
            assertThat(memory.fileSpace()).isEmpty();
        }
        try (Database pg = POSTGRES.openFresh("space", "")) {
            assertThat(pg.fileSpace()).isEmpty();
        }
    }
}
