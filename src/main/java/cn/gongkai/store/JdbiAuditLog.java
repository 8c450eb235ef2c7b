package cn.gongkai.store;

import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.util.List;

/** The audit trail. This class has only INSERT and SELECT statements: rows are never changed or removed. */
final class JdbiAuditLog implements AuditLog {

    private final JdbiTransactions tx;

    JdbiAuditLog(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        long id = tx.call("cannot append audit entry " + e.decision() + " for item " + e.itemId(),
                h -> h.createUpdate("INSERT INTO audit_log (item_id, actor, role, decision, from_status, to_status,"
                                + " step, comment_text, content_hash, checks, occurred_at) VALUES (:item, :actor, :role,"
                                + " :decision, :from, :to, :step, :comment, :hash, :checks, :at)")
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
        return tx.call("cannot read the audit history of item " + itemId,
                h -> h.createQuery("SELECT id, item_id, actor, role, decision, from_status, to_status, step,"
                                + " comment_text, content_hash, checks, occurred_at FROM audit_log"
                                + " WHERE item_id = :item ORDER BY id")
                        .bind("item", itemId)
                        .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getLong("item_id"),
                                rs.getString("actor"), rs.getString("role"), rs.getString("decision"),
                                rs.getString("from_status"), rs.getString("to_status"), rs.getInt("step"),
                                rs.getString("comment_text"), rs.getString("content_hash"), rs.getString("checks"),
                                Sql.instant(rs, "occurred_at")))
                        .list());
    }
}
