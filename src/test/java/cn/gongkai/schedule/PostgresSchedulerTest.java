package cn.gongkai.schedule;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scheduler tests on an embedded PostgreSQL: the same migration, Quartz's PostgreSQL delegate. */
class PostgresSchedulerTest extends PublishSchedulerTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @Override
    Database open() {
        return POSTGRES.openFresh("sched", "");
    }
}
