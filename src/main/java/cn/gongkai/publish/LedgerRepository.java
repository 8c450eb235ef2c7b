package cn.gongkai.publish;

import java.util.List;

/** The publication ledger: one row per published article, never two for the same item and mode. */
public interface LedgerRepository {

    /** Adds the entry; returns false (and adds nothing) if the item is already in the ledger for that mode. */
    boolean record(LedgerEntry entry);

    /** Entries published in [fromInclusive, toExclusive), ordered by time. */
    List<LedgerEntry> between(java.time.Instant fromInclusive, java.time.Instant toExclusive);
}
