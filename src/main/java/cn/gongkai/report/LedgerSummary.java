package cn.gongkai.report;

import java.util.List;

/**
 * The per-day summary of the ledger that counts read (articles, deleted articles, corrections and pushes per day and
 * per category, account, department and mode). The store keeps it in step with every ledger write; these are for
 * when in doubt.
 */
public interface LedgerSummary {

    /** Recounts the whole summary from the ledger in one transaction; returns the number of ledger rows counted. */
    long rebuild();

    /**
     * Compares the summary with a GROUP BY over the ledger; one line per cell that differs (at most {@code limit},
     * then a line saying how many more), empty when they agree.
     */
    List<String> differences(int limit);
}
