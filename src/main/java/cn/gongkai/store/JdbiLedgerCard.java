package cn.gongkai.store;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The rows of the 台账 card (统计): the 外部发布 and 历史导入 rows of an interval, pending ones (no category, or the
 * placeholder category) first, then by time. Each source is read in the order of the V19 index {@code ledger_kept}
 * (source, published_at, id, category), only as far as the page needs, and the two are merged; the counts are one
 * pass over that index per source, without reading the rows.
 */
final class JdbiLedgerCard {
    private static final List<LedgerSource> KEPT = List.of(LedgerSource.EXTERNAL, LedgerSource.IMPORT);
    private static final String PENDING = "(category IS NULL OR TRIM(category) = '' OR category = :pending)";
    private static final String OF_SOURCE = " FROM ledger WHERE source = :source AND published_at >= :from"
            + " AND published_at < :to";
    /** One unit's rows read the V25 index {@code ledger_unit_kept} (unit_id, source, published_at, id, category). */
    private static final String OF_UNIT_SOURCE = " FROM ledger WHERE unit_id = :unit AND source = :source"
            + " AND published_at >= :from AND published_at < :to";
    private static final Comparator<LedgerEntry> BY_TIME = Comparator.comparing(LedgerEntry::publishedAt)
            .thenComparingLong(LedgerEntry::id);

    private final JdbiTransactions tx;
    /** The unit whose rows are read, or null for every unit's. */
    private final String unit;

    JdbiLedgerCard(JdbiTransactions tx, String unit) {
        this.tx = tx;
        this.unit = unit;
    }

    private String ofSource() {
        return unit == null ? OF_SOURCE : OF_UNIT_SOURCE;
    }

    private org.jdbi.v3.core.statement.Query bound(org.jdbi.v3.core.statement.Query q) {
        return unit == null ? q : q.bind("unit", unit);
    }

    LedgerRepository.KeptPage page(Instant from, Instant to, String pending, int limit, int offset) {
        return tx.call("cannot read the kept ledger rows from " + from + " to " + to, h -> {
            int total = 0;
            int waiting = 0;
            for (LedgerSource source : KEPT) {
                int[] n = bound(h.createQuery("SELECT COUNT(*) AS total, COUNT(CASE WHEN " + PENDING
                                + " THEN 1 END) AS waiting" + ofSource()))
                        .bind("source", source.code()).bind("from", from).bind("to", to).bind("pending", pending)
                        .map((rs, ctx) -> new int[] {rs.getInt("total"), rs.getInt("waiting")}).one();
                total += n[0];
                waiting += n[1];
            }
            List<LedgerEntry> rows = new ArrayList<>();
            if (offset < waiting) {
                rows.addAll(part(h, from, to, pending, true, offset, limit));
            }
            if (rows.size() < limit) {
                rows.addAll(part(h, from, to, pending, false, Math.max(0, offset - waiting), limit - rows.size()));
            }
            return new LedgerRepository.KeptPage(rows, total, waiting);
        });
    }

    /** Rows {@code offset} to {@code offset + limit} of the pending (or the other) rows of both sources, by time. */
    private List<LedgerEntry> part(Handle h, Instant from, Instant to, String pending, boolean waiting,
                                          int offset, int limit) {
        List<LedgerEntry> merged = new ArrayList<>();
        for (LedgerSource source : KEPT) {
            merged.addAll(bound(h.createQuery("SELECT " + JdbiLedgerRepository.COLUMNS + ofSource() + " AND "
                            + (waiting ? "" : "NOT ") + PENDING + " ORDER BY source, published_at, id"
                            + " FETCH FIRST :n ROWS ONLY"))
                    .bind("source", source.code()).bind("from", from).bind("to", to).bind("pending", pending)
                    .bind("n", offset + limit).map((rs, ctx) -> JdbiLedgerRepository.entry(rs)).list());
        }
        merged.sort(BY_TIME);
        return merged.subList(Math.min(offset, merged.size()), Math.min(merged.size(), offset + limit));
    }
}
