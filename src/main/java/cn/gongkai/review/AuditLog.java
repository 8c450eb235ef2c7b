package cn.gongkai.review;

import java.util.List;

/** The append-only audit trail. There is no update and no delete. */
public interface AuditLog {

    /** Appends the entry (its id is ignored) and returns it with the id it got. */
    AuditEntry append(AuditEntry entry);

    /** The history of an item, oldest first. */
    List<AuditEntry> history(long itemId);
}
