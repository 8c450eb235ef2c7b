package cn.gongkai.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many Quartz worker threads a node runs: enough that the accounts whose slots collide (every account at 10:00)
 * are worked through in a bounded time, and few enough for the store's connection pool (10 connections). A thread
 * that publishes holds one connection for the account's lock (V21) for the whole run and takes a second one for each
 * write; with at most {@link #MAX} threads at least four connections stay free for those writes, Quartz's own
 * check-ins and the console, so the pool can never be held entirely by waiting publishers.
 *
 * <p>Default: 3 up to 15 accounts, one more per 15 accounts beyond, at most {@link #MAX}. The system property
 * {@value #PROPERTY} overrides it (1 to {@link #MAX}); with two nodes the cluster runs twice as many at once. See
 * docs/benchmarks.md ("Two nodes, colliding slots").
 */
public final class WorkerThreads {
    /** The system property that sets the count, e.g. {@code -Dgongkai.scheduler.threads=6}. */
    public static final String PROPERTY = "gongkai.scheduler.threads";
    static final int MIN = 3;
    static final int MAX = 6;
    private static final int ACCOUNTS_PER_THREAD = 15;
    private static final Logger LOG = LoggerFactory.getLogger(WorkerThreads.class);

    private WorkerThreads() {
    }

    /** The worker threads for a node whose schedule has that many accounts. */
    public static int forAccounts(int accounts) {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            try {
                int n = Integer.parseInt(set.trim());
                if (n >= 1 && n <= MAX) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.warn("System property {}={} is not a number from 1 to {}; using the default", PROPERTY, set, MAX);
        }
        return byAccounts(accounts);
    }

    static int byAccounts(int accounts) {
        int extra = Math.max(0, accounts - 1) / ACCOUNTS_PER_THREAD;
        return Math.min(MAX, MIN + extra);
    }
}
