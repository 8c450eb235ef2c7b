package cn.gongkai.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Counting queries on the publication ledger, answered by the database (GROUP BY) so that a year of a large ledger
 * is counted without reading its rows. An article is a row that is not a correction of another; a deleted article
 * counts and is also counted as deleted.
 */
public interface LedgerStatistics {

    /** Totals of the rows published in [from, to). */
    Totals totals(Instant from, Instant to);

    /**
     * Articles per value of a column (category, account, department or mode) in [from, to); a missing value is the
     * empty string. Not for {@link CountBy#MONTH}.
     */
    Map<String, Group> byColumn(Instant from, Instant to, CountBy by);

    /** Articles in each interval [bounds[i], bounds[i+1]); one group per interval, in order. */
    List<Group> byInterval(List<Instant> bounds);

    /**
     * @param articles    rows that are not corrections
     * @param pushes      distinct pushes (次) among all rows, corrections included: a correction is a push
     * @param corrections rows that correct another
     * @param deleted     articles (not corrections) deleted from the account later
     */
    record Totals(long articles, long pushes, long corrections, long deleted) {
        public Totals {
            if (articles < 0 || pushes < 0 || corrections < 0 || deleted < 0 || deleted > articles) {
                throw new IllegalArgumentException("impossible totals: articles " + articles + ", pushes " + pushes
                        + ", corrections " + corrections + ", deleted " + deleted);
            }
        }
    }

    /** Articles of one group, and how many of them were deleted later. */
    record Group(long articles, long deleted) {
        public Group {
            if (articles < 0 || deleted < 0 || deleted > articles) {
                throw new IllegalArgumentException("impossible group: articles " + articles + ", deleted " + deleted);
            }
        }
    }
}
