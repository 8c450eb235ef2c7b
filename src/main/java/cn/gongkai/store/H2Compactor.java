package cn.gongkai.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file compact. H2 compacts its file in the background writer thread, and {@code WRITE_DELAY 0} (which
 * the store sets so that no acknowledged commit is lost) stops that thread: every commit then writes a new chunk, a
 * chunk that keeps one live page is never rewritten, and the file grows without end (5,000 rows taken through five
 * updates each: 439 MB of which 1 % live). This does the background writer's compaction itself: every ten minutes it
 * looks at how much of the file is live and, when less than half is and at least 8 MB is not, compacts for at most
 * two seconds; commits wait meanwhile.
 *
 * <p>Only the process that opened the file (the H2 engine runs in it) can compact it; a process that reaches the file
 * through H2's automatic server leaves it to that one.
 */
final class H2Compactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Compactor.class);
    static final Duration EVERY = Duration.ofMinutes(10);
    static final int SPARSE_BELOW_PERCENT = 50;
    static final long MIN_DEAD_BYTES = 8L * 1024 * 1024;
    static final Duration BUDGET = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final String safeUrl;
    private final ScheduledExecutorService timer;

    private H2Compactor(DataSource dataSource, String safeUrl, ScheduledExecutorService timer) {
        this.dataSource = dataSource;
        this.safeUrl = safeUrl;
        this.timer = timer;
    }

    /** A compactor whose timer looks at the file every {@link #EVERY}. */
    static H2Compactor start(DataSource dataSource, String safeUrl) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gongkai-store:h2-compaction");
            t.setDaemon(true);
            return t;
        });
        H2Compactor compactor = new H2Compactor(dataSource, safeUrl, timer);
        timer.scheduleWithFixedDelay(compactor::housekeep, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return compactor;
    }

    private void housekeep() {
        try {
            compact(SPARSE_BELOW_PERCENT, MIN_DEAD_BYTES, BUDGET).ifPresent(c ->
                    LOG.info("Compacted the H2 database file {}: {}", c.file(), c.summary()));
        } catch (RuntimeException e) {
            LOG.warn("Could not compact the H2 database {}; trying again in {} min", safeUrl, EVERY.toMinutes(), e);
        }
    }

    /**
     * Compacts the file for at most {@code budget} when less than {@code belowLivePercent} of it is live and at least
     * {@code minDeadBytes} is not; empty when it was dense enough, is in memory, or is open in another process.
     */
    Optional<FileCompaction> compact(int belowLivePercent, long minDeadBytes, Duration budget) {
        try (Connection c = dataSource.getConnection()) {
            if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
                return Optional.empty();
            }
            Store store = local.getDatabase().getStore();
            FileStore<?> file = store == null ? null : store.getMvStore().getFileStore();
            if (file == null || file.isReadOnly() || file.getFileName() == null
                    || !file.getFileName().endsWith(".mv.db")) {
                return Optional.empty();
            }
            int liveBefore = file.getChunksFillRate();
            long sizeBefore = file.size();
            if (liveBefore >= belowLivePercent || sizeBefore / 100 * (100 - liveBefore) < minDeadBytes) {
                return Optional.empty();
            }
            // Compaction sets the retention time to 0, as it does on close; the open store keeps its own.
            int retention = file.getRetentionTime();
            long t0 = System.nanoTime();
            try {
                store.compactFile((int) Math.min(Integer.MAX_VALUE, budget.toMillis()));
            } finally {
                file.setRetentionTime(retention);
            }
            return Optional.of(new FileCompaction(file.getFileName(), sizeBefore, file.size(), liveBefore,
                    file.getChunksFillRate(), Duration.ofNanos(System.nanoTime() - t0)));
        } catch (SQLException e) {
            throw new StoreException("cannot compact the H2 database " + safeUrl, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(BUDGET.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                LOG.warn("The H2 compaction of {} did not stop in time", safeUrl);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
