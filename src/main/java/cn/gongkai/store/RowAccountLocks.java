package cn.gongkai.store;

import cn.gongkai.publish.AccountLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccountLocks} in the database ({@code publish_account_lock}, V21): holding an account is a row lock
 * ({@code SELECT ... FOR UPDATE NOWAIT}) in a transaction kept open on a connection of its own until the holder is
 * done, so the database is the arbiter between nodes. A process that dies loses its connection and with it the lock;
 * no lease has to expire before another node takes over.
 */
public final class RowAccountLocks implements AccountLocks {
    private static final Logger LOG = LoggerFactory.getLogger(RowAccountLocks.class);
    /** PostgreSQL's lock_not_available, H2's lock timeout (what NOWAIT answers for a row locked elsewhere). */
    private static final Set<String> LOCKED_ELSEWHERE = Set.of("55P03", "HYT00");
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public RowAccountLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> tryHold(String account) {
        Connection c = connect(account);
        try {
            ensureRow(c, account);
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT account FROM publish_account_lock WHERE account = ? FOR UPDATE NOWAIT")) {
                s.setString(1, account);
                s.executeQuery().close();
            }
            return Optional.of(() -> release(c, account));
        } catch (SQLException e) {
            release(c, account);
            if (LOCKED_ELSEWHERE.contains(e.getSQLState())) {
                return Optional.empty();
            }
            throw new StoreException("cannot lock the publishing of account " + account, e);
        }
    }

    private Connection connect(String account) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot lock the publishing of account " + account + ": no connection", e);
        }
    }

    /** The account's row, inserted on its first use; another process may insert it at the same moment. */
    private static void ensureRow(Connection c, String account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO publish_account_lock (account) SELECT ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM publish_account_lock WHERE account = ?)")) {
            s.setString(1, account);
            s.setString(2, account);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Ends the transaction (the lock with it) and gives the connection back to the pool. */
    private static void release(Connection c, String account) {
        try (c) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Releasing the publishing lock of account {} failed; the database ends it with the connection",
                    account, e);
        }
    }
}
