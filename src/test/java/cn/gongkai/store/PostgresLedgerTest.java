package cn.gongkai.store;

import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger contract on an embedded PostgreSQL (zonky), a fresh database per test. */
class PostgresLedgerTest extends LedgerContractTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @Override
    String freshUrl() {
        String name = POSTGRES.createDatabase("ledger");
        POSTGRES.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN"
                + " CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        POSTGRES.execute("ALTER DATABASE " + name + " OWNER TO " + USER);
        return POSTGRES.url(name).replace("user=" + EmbeddedPostgresExtension.SUPERUSER,
                "user=" + USER + "&password=" + PASSWORD);
    }
}
