package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.LoginSessions;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the console stores (V8): approved texts and login sessions, on an H2 file database and on PostgreSQL. */
class ConsoleStoreTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @TempDir
    static Path dir;

    private static Database open(String kind) {
        String name = "console_" + COUNTER.incrementAndGet();
        if (kind.equals("h2")) {
            return Database.open("jdbc:h2:file:" + dir.resolve(name) + ";AUTO_SERVER=TRUE", "gongkai", "pw");
        }
        return POSTGRES.openFresh("console", "pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anApprovedTextIsKeptOncePerItemAndHash(String kind) {
        try (Database db = open(kind)) {
            DisclosureItem item = Fixtures.approved(db, Fixtures.content("促消费活动", "促消费", List.of()), T0);

            db.approvedSnapshots().save(item.id(), item.contentHash(), "标题：促消费活动\n正文：\n第一版\n", T0);
            db.approvedSnapshots().save(item.id(), item.contentHash(), "ignored second text", T0.plusSeconds(5));

            assertThat(db.approvedSnapshots().find(item.id(), item.contentHash()))
                    .hasValue("标题：促消费活动\n正文：\n第一版\n");
            assertThat(db.approvedSnapshots().find(item.id(), HASH_A)).isEmpty();
            assertThat(db.items().find(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void loginSessionsAreFoundByHashTouchedAndEnded(String kind) {
        try (Database db = open(kind)) {
            LoginSessions s = db.loginSessions();
            s.save(new LoginSessions.Stored(HASH_A, "张科长", "csrf-a", T0, T0));
            s.save(new LoginSessions.Stored(HASH_B, "李主任", "csrf-b", T0, T0));

            s.touch(HASH_A, T0.plusSeconds(3600));
            assertThat(s.find(HASH_A).orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(3600));
            assertThat(s.find(HASH_A).orElseThrow().csrf()).isEqualTo("csrf-a");

            assertThat(s.deleteIdleSince(T0.plusSeconds(60))).isEqualTo(1);
            assertThat(s.find(HASH_B)).isEmpty();
            s.deleteUser("张科长");
            assertThat(s.find(HASH_A)).isEmpty();
        }
    }
}
