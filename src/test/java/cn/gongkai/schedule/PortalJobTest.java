package cn.gongkai.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 报区政府办 job: planned only when portals are configured, it runs the portal delivery on its interval. */
class PortalJobTest {
    private final Database db = Fixtures.memoryDatabase();
    private final CountDownLatch delivered = new CountDownLatch(1);

    private final PublishScheduler.Tasks tasks = new PublishScheduler.Tasks() {
        @Override
        public void publish(String account) {
        }

        @Override
        public void status(String account) {
        }

        @Override
        public void watchdog() {
        }

        @Override
        public void intake(String source) {
        }

        @Override
        public void portals() {
            delivered.countDown();
        }
    };

    @AfterEach
    void close() {
        db.close();
    }

    private PublishScheduler start(Duration portalEvery) {
        return PublishScheduler.start(db.dataSource(), db.isPostgres(), new PublishScheduler.Plan("test",
                ZoneId.of("Asia/Shanghai"), Map.of("hongqi", PublishSchedulerTest.NEVER_SOON), Duration.ofHours(1),
                Duration.ofHours(1), Map.of(), portalEvery), tasks, Clock.systemUTC());
    }

    @Test
    void withPortalsTheJobIsStoredAndRunsAndWithoutThemItIsRemoved() throws Exception {
        try (PublishScheduler s = start(Duration.ofMinutes(5))) {
            assertThat(s.jobNames()).contains("portal");
            assertThat(delivered.await(60, TimeUnit.SECONDS)).as("runs at start, then every 5 minutes").isTrue();
        }

        try (PublishScheduler s = start(null)) {
            assertThat(s.jobNames()).doesNotContain("portal");
        }
    }
}
