package cn.gongkai.store;

import java.time.Duration;
import java.util.Objects;

/**
 * One compaction of an H2 database file.
 *
 * @param file        the database file
 * @param bytesBefore the file's size before
 * @param bytesAfter  the file's size after
 * @param liveBefore  how much of the stored chunks was live data before, in percent
 * @param liveAfter   the same after
 * @param took        how long it took
 */
public record FileCompaction(String file, long bytesBefore, long bytesAfter, int liveBefore, int liveAfter,
                             Duration took) {
    public FileCompaction {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(took, "took");
        if (bytesBefore < 0 || bytesAfter < 0) {
            throw new IllegalArgumentException("file sizes must not be negative: " + bytesBefore + ", " + bytesAfter);
        }
    }

    /** E.g. {@code 439.2 MB → 0.6 MB (live 1 % → 99 %) in 780 ms}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%.1f MB → %.1f MB (live %d %% → %d %%) in %d ms",
                bytesBefore / 1e6, bytesAfter / 1e6, liveBefore, liveAfter, took.toMillis());
    }
}
