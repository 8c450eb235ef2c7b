package cn.gongkai.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quartz on the JDBC job store of an H2 database; {@link PostgresSchedulerTest} runs the same on PostgreSQL. */
class PublishSchedulerTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String NEVER_SOON = "0 0 10 1 1 ? 2099";

    Database db;
    final RecordingTasks tasks = new RecordingTasks();

    Database open() {
        return Fixtures.memoryDatabase();
    }

    @BeforeEach
    void openDatabase() {
        db = open();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private PublishScheduler start(Map<String, String> crons) {
        return PublishScheduler.start(db.dataSource(), db.isPostgres(),
                new PublishScheduler.Plan("test", SHANGHAI, crons, Duration.ofHours(1), Duration.ofHours(1),
                        Map.of("inbox", Duration.ofHours(1))), tasks,
                Clock.systemUTC());
    }

    @Test
    void storesAPublishingAndAStatusJobPerAccountOneWatchdogAndTheInbox() {
        try (PublishScheduler s = start(Map.of("hongqi", NEVER_SOON, "second", NEVER_SOON))) {
            assertThat(s.jobNames()).containsExactly("housekeeping", "inspect", "intake-inbox", "publish-hongqi", "publish-second",
                    "status-hongqi", "status-second", "watchdog");
            assertThat(s.nextSlot("hongqi")).isEqualTo(java.time.LocalDateTime.of(2099, 1, 1, 10, 0)
                    .atZone(SHANGHAI).toInstant());
        }
    }

    @Test
    void theHousekeepingIsPlannedForHalfPastThreeAtNightInTheZoneAndRunsItsTask() throws Exception {
        try (PublishScheduler s = start(Map.of("hongqi", NEVER_SOON))) {
            java.time.ZonedDateTime next = s.nextHousekeeping().atZone(SHANGHAI);
            assertThat(next.toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 30));
            assertThat(next.toInstant()).isBetween(java.time.Instant.now(),
                    java.time.Instant.now().plus(Duration.ofDays(1)));

            s.housekeepNow();

            assertThat(tasks.housekept.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void jobsOfAnAccountNoLongerConfiguredAreRemovedAtTheNextStart() {
        start(Map.of("hongqi", NEVER_SOON, "second", NEVER_SOON)).close();

        try (PublishScheduler s = start(Map.of("hongqi", NEVER_SOON))) {
            assertThat(s.jobNames()).containsExactly("housekeeping", "inspect", "intake-inbox", "publish-hongqi", "status-hongqi",
                    "watchdog");
        }
    }

    @Test
    void aChangedCronReplacesTheStoredTrigger() {
        start(Map.of("hongqi", NEVER_SOON)).close();

        try (PublishScheduler s = start(Map.of("hongqi", "0 30 9 1 1 ? 2098"))) {
            assertThat(s.nextSlot("hongqi")).isEqualTo(java.time.LocalDateTime.of(2098, 1, 1, 9, 30)
                    .atZone(SHANGHAI).toInstant());
        }
    }

    @Test
    void aSlotMissedWhileNoProcessRanIsCaughtUpOnceAtStartUp() throws Exception {
        start(Map.of("hongqi", NEVER_SOON)).close();
        long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        setNextFireTime("publish-hongqi", anHourAgo);

        try (PublishScheduler s = start(Map.of("hongqi", NEVER_SOON))) {
            assertThat(tasks.published.await(60, TimeUnit.SECONDS)).as("missed slot fired").isTrue();
            assertThat(tasks.runs).contains("publish hongqi");
            assertThat(s.nextSlot("hongqi")).isAfter(java.time.Instant.now());
        }
    }

    @Test
    void theStatusJobRunsAtStartAndTheWatchdogAndTheInboxToo() throws Exception {
        try (PublishScheduler s = start(Map.of("hongqi", NEVER_SOON))) {
            assertThat(tasks.statused.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tasks.watched.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tasks.intook.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(s.jobNames()).contains("intake-inbox");
        }
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheSchedule() throws Exception {
        tasks.failing = true;
        try (PublishScheduler s = start(Map.of("hongqi", NEVER_SOON))) {
            assertThat(tasks.statused.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(s.jobNames()).contains("status-hongqi");
        }
    }

    private void setNextFireTime(String trigger, long millis) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ?")) {
            ps.setLong(1, millis);
            ps.setString(2, trigger);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM QRTZ_TRIGGERS");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThan(0);
        }
    }

    static final class RecordingTasks implements PublishScheduler.Tasks {
        final List<String> runs = new CopyOnWriteArrayList<>();
        final CountDownLatch published = new CountDownLatch(1);
        final CountDownLatch statused = new CountDownLatch(1);
        final CountDownLatch watched = new CountDownLatch(1);
        final CountDownLatch intook = new CountDownLatch(1);
        final CountDownLatch housekept = new CountDownLatch(1);
        volatile boolean failing;

        @Override
        public void publish(String account) {
            runs.add("publish " + account);
            published.countDown();
        }

        @Override
        public void status(String account) {
            runs.add("status " + account);
            statused.countDown();
            if (failing) {
                throw new IllegalStateException("status failed on purpose");
            }
        }

        @Override
        public void watchdog() {
            runs.add("watchdog");
            watched.countDown();
        }

        @Override
        public void intake(String source) {
            runs.add("intake " + source);
            intook.countDown();
        }

        @Override
        public void housekeeping() {
            runs.add("housekeeping");
            housekept.countDown();
        }
    }
}
