package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.publish.AccountLocks;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The publishing lock of an account (V21) on H2 and on embedded PostgreSQL: held by one publisher at a time, free
 * again when closed, one account independent of another, two lockers sharing the database (as two nodes do) see each
 * other; on PostgreSQL, a holder whose session the server ends (a killed process) leaves the account free.
 */
class RowAccountLocksTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("locks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oneHolderAtATimePerAccountAcrossLockersAndFreeAgainWhenClosed(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            AccountLocks nodeA = new RowAccountLocks(db.dataSource());
            AccountLocks nodeB = new RowAccountLocks(db.dataSource());
            Optional<AccountLocks.Held> first = nodeA.tryHold("hongqi");
            assertThat(first).as("the first publisher gets the account").isPresent();
            assertThat(nodeB.tryHold("hongqi")).as("another node while it is held").isEmpty();
            assertThat(nodeA.tryHold("hongqi")).as("the same node's second publisher").isEmpty();
            try (AccountLocks.Held other = nodeB.tryHold("shangwu").orElseThrow()) {
                assertThat(other).as("another account is independent").isNotNull();
            }
            first.get().close();
            try (AccountLocks.Held again = nodeB.tryHold("hongqi").orElseThrow()) {
                assertThat(nodeA.tryHold("hongqi")).isEmpty();
            }
            assertThat(nodeA.tryHold("hongqi")).as("free after the holder closed it").isPresent().get()
                    .satisfies(AccountLocks.Held::close);
        }
    }

    @Test
    void onPostgresAKilledHoldersSessionLeavesTheAccountFree() throws Exception {
        String url = POSTGRES.url(POSTGRES.createDatabase("lockcrash"));
        try (Database db = Database.open(url, EmbeddedPostgresExtension.SUPERUSER, "")) {
            AccountLocks locks = new RowAccountLocks(db.dataSource());
            locks.tryHold("hongqi").orElseThrow().close();
            // another process holding the account, killed: the server ends its session
            try (Connection other = DriverManager.getConnection(url, EmbeddedPostgresExtension.SUPERUSER, "")) {
                other.setAutoCommit(false);
                other.createStatement().executeQuery("SELECT account FROM publish_account_lock"
                        + " WHERE account = 'hongqi' FOR UPDATE").close();
                assertThat(locks.tryHold("hongqi")).as("held by the other process").isEmpty();
                try (Connection admin = db.dataSource().getConnection()) {
                    var pid = admin.createStatement().executeQuery("SELECT pid FROM pg_stat_activity WHERE"
                            + " query LIKE '%publish_account_lock%FOR UPDATE' AND query NOT LIKE '%NOWAIT%'"
                            + " AND pid <> pg_backend_pid()");
                    assertThat(pid.next()).isTrue();
                    admin.createStatement().executeQuery("SELECT pg_terminate_backend(" + pid.getInt(1) + ")")
                            .close();
                }
                // the backend ends a moment after it was told to
                await().atMost(Duration.ofSeconds(10)).until(() -> locks.tryHold("hongqi").map(held -> {
                    held.close();
                    return true;
                }).orElse(false));
            }
        }
    }
}
