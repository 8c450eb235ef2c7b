package cn.gongkai.publish;

import cn.gongkai.item.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The publication ledger: one row per published article, never two for the same item and mode, nor two with the
 * same source key. Rows are never removed; a deletion or a correction is a mark on the row.
 */
public interface LedgerRepository {

    /**
     * Adds the entry; returns false (and adds nothing) if the item is already in the ledger for that mode, or, for a
     * row without an item, its source key is already there.
     */
    boolean record(LedgerEntry entry);

    /**
     * Adds every entry that is not there yet (as {@link #record}) in one transaction: all or nothing.
     *
     * @return how many were added
     */
    int recordAll(List<LedgerEntry> entries);

    /** Entries published in [fromInclusive, toExclusive), ordered by time. */
    default List<LedgerEntry> between(Instant fromInclusive, Instant toExclusive) {
        return between(fromInclusive, toExclusive, Scope.district());
    }

    /** The entries of {@link #between(Instant, Instant)} that {@code scope} sees (its unit's rows). */
    List<LedgerEntry> between(Instant fromInclusive, Instant toExclusive, Scope scope);

    /** Entries published in [fromInclusive, toExclusive) that came from one source, ordered by time. */
    List<LedgerEntry> between(Instant fromInclusive, Instant toExclusive, LedgerSource source);

    default Optional<LedgerEntry> find(long ledgerId) {
        return find(ledgerId, Scope.district());
    }

    /** The row when {@code scope} sees it; another unit's row is not found. */
    Optional<LedgerEntry> find(long ledgerId, Scope scope);

    /**
     * A page of the 外部发布 and 历史导入 rows of [from, to) that staff keep by hand, pending ones first (no category,
     * or the category {@code pending}), then by time — {@code limit} rows from {@code offset} — with how many such
     * rows there are and how many are pending.
     */
    default KeptPage keptPage(Instant from, Instant to, String pending, int limit, int offset) {
        return keptPage(from, to, pending, limit, offset, Scope.district());
    }

    /** The page of {@link #keptPage(Instant, Instant, String, int, int)} of the rows {@code scope} sees. */
    KeptPage keptPage(Instant from, Instant to, String pending, int limit, int offset, Scope scope);

    /** The answer of {@link #keptPage}. */
    record KeptPage(List<LedgerEntry> rows, int total, int pending) {
        public KeptPage {
            rows = List.copyOf(rows);
        }
    }

    /** The row of a published item in a mode. */
    Optional<LedgerEntry> findByItem(long itemId, String mode);

    /**
     * Marks row {@code correctionId} as the correction (更正) of row {@code originalId}: it stops counting as an
     * article of its own. Returns false when either row is missing.
     */
    boolean markCorrection(long correctionId, long originalId);

    /** Marks the row as deleted from the account at {@code at}; it still counts, flagged. False when missing. */
    boolean markDeleted(long ledgerId, Instant at);

    /** Sets the category of a row (staff categorising an 外部发布 row). False when missing. */
    boolean categorise(long ledgerId, String category);
}
