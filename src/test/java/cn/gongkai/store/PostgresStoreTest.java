package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on an embedded PostgreSQL (zonky), one server per JVM and a fresh database per test. */
class PostgresStoreTest extends StoreContractTest {

    private static final String PASSWORD = "pg-secret-pw";
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @Override
    Database openFreshDatabase() {
        return POSTGRES.openFresh("gongkai", PASSWORD);
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
