package cn.gongkai.store;

import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The audit trail. This class has only INSERT and SELECT statements: rows are never changed or removed.
 *
 * <p>A page listing items asks several questions of each item's history (its step, its authors, who may decide):
 * {@link #readingAhead} reads the histories of all listed items in one query per {@link #CHUNK} items and answers
 * those questions from them on the calling thread until the work ends; an append for an item drops its read-ahead
 * history, so a later read sees the new row.
 *
 * <p>Between pages the histories read ahead are kept ({@link #KEEP} items at most) with the number of their rows.
 * Since rows are only ever added, a history whose item still has that many rows is still whole: a read-ahead first
 * counts the listed items' rows on the {@code (item_id, id)} index and reads again only the histories that grew —
 * also when another process (the CLI beside serve, a second node) added the rows. 待办 asks this of every item in
 * review on every view (issue 16).
 */
final class JdbiAuditLog implements AuditLog {
    /** Item ids per read-ahead query: well inside every database's limit on bound parameters. */
    static final int CHUNK = 500;
    private static final String COLUMNS = "SELECT id, item_id, actor, role, decision, from_status, to_status, step,"
            + " comment_text, content_hash, checks, occurred_at FROM audit_log";

    /** How many items' histories are kept between pages at most; beyond it the kept ones are dropped. */
    static final int KEEP = 20_000;

    private final JdbiTransactions tx;
    private final ThreadLocal<Map<Long, List<AuditEntry>>> readAhead = new ThreadLocal<>();
    private final Map<Long, List<AuditEntry>> kept = new java.util.concurrent.ConcurrentHashMap<>();

    JdbiAuditLog(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        Map<Long, List<AuditEntry>> ahead = readAhead.get();
        if (ahead != null) {
            ahead.remove(e.itemId());
        }
        long id = tx.call("cannot append audit entry " + e.decision() + " for item " + e.itemId(),
                h -> h.createUpdate("INSERT INTO audit_log (item_id, actor, role, decision, from_status, to_status,"
                                + " step, comment_text, content_hash, checks, occurred_at, unit_id) VALUES (:item, :actor,"
                                + " :role, :decision, :from, :to, :step, :comment, :hash, :checks, :at,"
                                + " (SELECT unit_id FROM item WHERE id = :item))")
                        .bind("item", e.itemId()).bind("actor", e.actor()).bind("role", e.role())
                        .bind("decision", e.decision()).bind("from", e.fromStatus()).bind("to", e.toStatus())
                        .bind("step", e.step()).bind("comment", e.comment()).bind("hash", e.contentHash())
                        .bind("checks", e.checks()).bind("at", e.at())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new AuditEntry(id, e.itemId(), e.actor(), e.role(), e.decision(), e.fromStatus(), e.toStatus(),
                e.step(), e.comment(), e.contentHash(), e.checks(), Sql.micros(e.at()));
    }

    @Override
    public List<AuditEntry> history(long itemId) {
        Map<Long, List<AuditEntry>> ahead = readAhead.get();
        if (ahead != null && ahead.containsKey(itemId)) {
            return ahead.get(itemId);
        }
        return tx.call("cannot read the audit history of item " + itemId,
                h -> h.createQuery(COLUMNS + " WHERE item_id = :item ORDER BY id").bind("item", itemId)
                        .map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public <T> T readingAhead(Collection<Long> itemIds, Supplier<T> work) {
        Map<Long, List<AuditEntry>> outer = readAhead.get();
        Map<Long, List<AuditEntry>> ahead = outer == null ? new HashMap<>() : outer;
        List<Long> missing = new ArrayList<>(new LinkedHashSet<>(itemIds));
        missing.removeIf(ahead::containsKey);
        for (int from = 0; from < missing.size(); from += CHUNK) {
            ahead.putAll(current(missing.subList(from, Math.min(missing.size(), from + CHUNK))));
        }
        readAhead.set(ahead);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                readAhead.remove();
            }
        }
    }

    /**
     * The histories of these items as {@link #histories} reads them: the kept ones whose row count is unchanged,
     * the others read again and kept.
     */
    private Map<Long, List<AuditEntry>> current(List<Long> itemIds) {
        Map<Long, Long> counts = new HashMap<>();
        tx.call("cannot count the audit rows of " + itemIds.size() + " items",
                h -> h.createQuery("SELECT item_id, COUNT(*) AS n FROM audit_log WHERE item_id IN (<ids>)"
                                + " GROUP BY item_id").bindList("ids", itemIds)
                        .map((rs, ctx) -> Map.entry(rs.getLong("item_id"), rs.getLong("n"))).list())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        Map<Long, List<AuditEntry>> out = new HashMap<>();
        List<Long> stale = new ArrayList<>();
        for (Long id : itemIds) {
            List<AuditEntry> k = kept.get(id);
            long rows = counts.getOrDefault(id, 0L);
            if (rows == 0) {
                out.put(id, List.of());
            } else if (k != null && k.size() == rows) {
                out.put(id, k);
            } else {
                stale.add(id);
            }
        }
        Map<Long, List<AuditEntry>> read = histories(stale);
        if (kept.size() + read.size() > KEEP) {
            kept.clear();
        }
        kept.putAll(read);
        out.putAll(read);
        return out;
    }

    /** The histories of these items, oldest first, an empty list for an item without rows. */
    Map<Long, List<AuditEntry>> histories(List<Long> itemIds) {
        Map<Long, List<AuditEntry>> out = new HashMap<>();
        itemIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (itemIds.isEmpty()) {
            return out;
        }
        tx.call("cannot read the audit histories of " + itemIds.size() + " items",
                h -> h.createQuery(COLUMNS + " WHERE item_id IN (<ids>) ORDER BY item_id, id")
                        .bindList("ids", itemIds).map((rs, ctx) -> entry(rs)).list())
                .forEach(e -> out.get(e.itemId()).add(e));
        out.replaceAll((id, list) -> List.copyOf(list));
        return out;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getLong("item_id"), rs.getString("actor"), rs.getString("role"),
                rs.getString("decision"), rs.getString("from_status"), rs.getString("to_status"), rs.getInt("step"),
                rs.getString("comment_text"), rs.getString("content_hash"), rs.getString("checks"),
                Sql.instant(rs, "occurred_at"));
    }
}
