package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it writes (a request thread stopped with the web server, a cancelled task) must not
 * close the H2 file for the rest of the process: Java closes an interrupted thread's file channel for every thread,
 * and without H2's {@code retry:} file system the store then answered "The database has been closed" until restart.
 */
class InterruptedWriterTest {
    @TempDir
    Path dir;

    @Test
    void interruptedWritersLeaveTheFileOpenForEveryoneElse() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("gongkai") + ";AUTO_SERVER=TRUE", "sa", "")) {
            for (int round = 0; round < 100; round++) {
                int n = round;
                Thread writer = new Thread(() -> {
                    try {
                        for (int k = 0; k < 20; k++) {
                            db.items().insert(anItem().title("中断 " + n + "-" + k).build(), ItemStatus.DRAFT, null,
                                    Instant.parse("2026-12-07T02:00:00Z"));
                        }
                    } catch (RuntimeException expectedWhenInterrupted) {
                        // the interrupted insert itself may fail; the database must not
                    }
                });
                writer.start();
                Thread.sleep(1);
                writer.interrupt();
                writer.join();
            }

            long before = db.items().countByStatus().values().stream().mapToLong(Integer::longValue).sum();
            db.items().insert(anItem().title("之后").build(), ItemStatus.DRAFT, null, Instant.now());
            assertThat(db.items().countByStatus().values().stream().mapToLong(Integer::longValue).sum())
                    .isEqualTo(before + 1);
        }
    }

    @Test
    void h2FileUrlsGoThroughTheRetryingFileSystemAndOthersAreLeftAlone() {
        assertThat(Database.withInterruptRetry("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:retry:file:./data/gongkai;AUTO_SERVER=TRUE");
        assertThat(Database.withInterruptRetry("jdbc:h2:./data/gongkai")).isEqualTo("jdbc:h2:retry:file:./data/gongkai");
        assertThat(Database.withInterruptRetry("jdbc:h2:~/gongkai")).isEqualTo("jdbc:h2:retry:file:~/gongkai");
        for (String unchanged : java.util.List.of("jdbc:h2:mem:x", "jdbc:h2:tcp://db/gongkai",
                "jdbc:h2:retry:file:./d", "jdbc:postgresql://db/gongkai")) {
            assertThat(Database.withInterruptRetry(unchanged)).isEqualTo(unchanged);
        }
    }
}
