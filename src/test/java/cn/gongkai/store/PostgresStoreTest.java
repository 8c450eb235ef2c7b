package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on an embedded PostgreSQL (zonky), one server per class and a fresh database per test. */
class PostgresStoreTest extends StoreContractTest {

    private static final String PASSWORD = "pg-secret-pw";
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
    Database openFreshDatabase() {
        String name = "gongkai_" + COUNTER.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return Database.open(postgres.getJdbcUrl("postgres", name), "postgres", PASSWORD);
    }

    @Test
    void postgresqlKeepsItsOwnFilesCompactSoTheStoreLeavesThemAlone() {
        assertThat(db.compactFile(Duration.ofSeconds(1))).isEmpty();
    }

    @Override
    String password() {
        return PASSWORD;
    }

    @Override
    String expectedProductName() {
        return "PostgreSQL";
    }
}
