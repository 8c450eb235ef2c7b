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
     * The totals of [from, to) and the articles per value of a column (category, account, department or mode), in
     * one pass; a missing value is the empty string, groups without articles are left out. Not for
     * {@link CountBy#MONTH}.
     */
    Tally byColumn(Instant from, Instant to, CountBy by);

    /**
     * The totals of [bounds[0], bounds[last]) and the articles in each interval [bounds[i], bounds[i+1]), in one
     * pass; the groups are keyed "0", "1", … in order, every interval present.
     */
    Tally byInterval(List<Instant> bounds);

    /** Totals and groups counted together. */
    record Tally(Totals totals, Map<String, Group> groups) {
        public Tally {
            groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
            long sum = groups.values().stream().mapToLong(Group::articles).sum();
            if (sum != totals.articles()) {
                throw new IllegalArgumentException("groups add up to " + sum + " articles, totals say "
                        + totals.articles());
            }
        }
    }

    /**
     * @param articles    rows that are not corrections
     * @param pushes      pushes (次) among all rows, corrections included (a correction is a push): rows that are
     *                    the first of their push
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
