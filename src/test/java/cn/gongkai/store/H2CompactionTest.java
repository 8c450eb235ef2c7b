package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code WRITE_DELAY 0} H2 no longer compacts its file in the background; the store does it. Without that, a
 * file written one small commit at a time is mostly dead chunks.
 */
class H2CompactionTest {
    private static final int ROWS = 1_500;

    @TempDir
    Path dir;

    private static LedgerEntry row(int n) {
        return new LedgerEntry(0, null, "hongqi", "freepublish", "pub-" + n, "art-" + n, 1,
                "https://mp.weixin.qq.com/s/" + n, "第 " + n + " 条政务信息", "招商引资", "办公室",
                Instant.parse("2025-03-01T02:00:00Z").plusSeconds(60L * n), LedgerSource.IMPORT, "test:" + n,
                null, null);
    }

    private Database open() {
        return Database.open("jdbc:h2:file:" + dir.resolve("gongkai") + ";AUTO_SERVER=TRUE", "gongkai", "");
    }

    @Test
    void aFileWrittenOneCommitAtATimeShrinksWhenCompactedAndKeepsEveryRow() {
        Path file = dir.resolve("gongkai.mv.db");
        FileCompaction done;
        try (Database db = open()) {
            for (int n = 0; n < ROWS; n++) {
                assertThat(db.ledger().record(row(n))).isTrue();
            }
            long grown = file.toFile().length();

            // What the ten-minute housekeeping does with such a file (within its two seconds).
            FileCompaction periodic = db.compactor().compact(H2Compactor.SPARSE_BELOW_PERCENT,
                    H2Compactor.MIN_DEAD_BYTES, H2Compactor.BUDGET).orElseThrow();
            assertThat(periodic.bytesBefore()).isEqualTo(grown);
            assertThat(periodic.liveBefore()).as(periodic.summary()).isLessThan(H2Compactor.SPARSE_BELOW_PERCENT);
            assertThat(periodic.bytesAfter()).as(periodic.summary()).isLessThan(grown);

            done = db.compactFile(Duration.ofSeconds(30)).orElseThrow();

            assertThat(done.bytesAfter()).as(done.summary()).isLessThan(grown / 5);
            assertThat(done.liveAfter()).as(done.summary()).isGreaterThan(periodic.liveBefore() * 10);
            assertThat(file.toFile().length()).isEqualTo(done.bytesAfter());
            assertThat(done.file()).endsWith("gongkai.mv.db");
            // Too little to gain now: the ten-minute housekeeping leaves it alone.
            assertThat(db.compactor().compact(H2Compactor.SPARSE_BELOW_PERCENT, H2Compactor.MIN_DEAD_BYTES,
                    H2Compactor.BUDGET)).isEmpty();
            // Writing goes on after compaction.
            assertThat(db.ledger().record(row(ROWS))).isTrue();
        }
        try (Database db = open()) {
            assertThat(db.ledger().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).hasSize(ROWS + 1);
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void thereIsNothingToCompactInMemory() {
        try (Database db = Fixtures.memoryDatabase()) {
            db.ledger().record(row(1));

            assertThat(db.compactFile(Duration.ofSeconds(1))).isEmpty();
        }
    }
}
