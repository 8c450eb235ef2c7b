package cn.gongkai.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two cluster nodes on one database: the node running an account's publishing slot dies in the middle of it (its
 * scheduler stops without a word, the job left running), and the other node runs the slot again once it sees the dead
 * node's check-ins stop, instead of leaving the unclaimed items until the next day's slot.
 */
class NodeFailoverTest {
    @Test
    void aSlotWhoseNodeDiesMidwayRunsAgainOnTheOtherNode() throws Exception {
        ZonedDateTime at = Instant.now().plusSeconds(10).atZone(PublishSchedulerTest.SHANGHAI);
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " ? " + at.getYear();
        List<String> runs = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        try (Database db = Fixtures.memoryDatabase()) {
            PublishScheduler dying = start(db, new Node("A", runs, started, hold), cron);
            try {
                assertThat(started.await(30, TimeUnit.SECONDS)).as("node A fired the slot").isTrue();
                dying.stopWithoutCleanUp();
                try (PublishScheduler other = start(db, new Node("B", runs, new CountDownLatch(1), null), cron)) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> runs.contains("B publish hongqi"));
                    assertThat(other.jobNames()).contains("publish-hongqi");
                }
            } finally {
                hold.countDown();
            }
        }
        assertThat(runs).containsExactly("A publish hongqi", "B publish hongqi");
    }

    private static PublishScheduler start(Database db, Node tasks, String cron) {
        return PublishScheduler.start(db.dataSource(), db.isPostgres(), new PublishScheduler.Plan("failover",
                PublishSchedulerTest.SHANGHAI, Map.of("hongqi", cron), Duration.ofHours(1), Duration.ofHours(1),
                Map.of()), tasks, Clock.systemUTC());
    }

    /** A node's tasks: records publishing slots; node A's first one hangs until released (it "dies" meanwhile). */
    private record Node(String name, List<String> runs, CountDownLatch started, CountDownLatch hold)
            implements PublishScheduler.Tasks {
        @Override
        public void publish(String account) {
            runs.add(name + " publish " + account);
            started.countDown();
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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
        public void housekeeping() {
        }
    }
}
