package cn.gongkai.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The daily inspection job: planned for 07:10 in the configured zone, it runs the inspection task. */
class InspectionJobTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Database db = Fixtures.memoryDatabase();
    private final CountDownLatch inspected = new CountDownLatch(1);

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
        public void inspect() {
            inspected.countDown();
        }
    };

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theInspectionIsPlannedEveryMorningAtTenPastSevenInTheZoneAndRunsItsTask() throws Exception {
        try (PublishScheduler s = PublishScheduler.start(db.dataSource(), db.isPostgres(),
                new PublishScheduler.Plan("test", SHANGHAI, Map.of("hongqi", PublishSchedulerTest.NEVER_SOON),
                        Duration.ofHours(1), Duration.ofHours(1), Map.of()), tasks, Clock.systemUTC())) {
            assertThat(s.jobNames()).contains("inspect");
            ZonedDateTime next = s.nextInspection().atZone(SHANGHAI);
            assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(7, 10));
            assertThat(next.toInstant()).isBetween(Instant.now(), Instant.now().plus(Duration.ofDays(1)));
            assertThat(inspected.getCount()).as("not run at start").isEqualTo(1);

            s.inspectNow();

            assertThat(inspected.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
