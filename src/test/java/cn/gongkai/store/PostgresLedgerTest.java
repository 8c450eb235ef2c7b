package cn.gongkai.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on an embedded PostgreSQL (zonky), a fresh database per test. */
class PostgresLedgerTest extends LedgerContractTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String freshUrl() {
        String name = "ledger_" + COUNTER.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN"
                    + " CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            s.execute("ALTER DATABASE " + name + " OWNER TO " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand test database " + name + " to " + USER, e);
        }
        return postgres.getJdbcUrl(USER, name).replace("user=" + USER, "user=" + USER + "&password=" + PASSWORD);
    }
}
