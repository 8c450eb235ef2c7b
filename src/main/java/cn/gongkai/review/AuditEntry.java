package cn.gongkai.review;

import java.time.Instant;

/**
 * One append-only audit row: a transition of an item and who made it.
 *
 * @param actor      user name, or "system"/"import"/"publisher"
 * @param role       the role the actor acted in (e.g. dept-leader), or empty
 * @param decision   e.g. SUBMIT, APPROVE, REJECT, PUBLISH, FAIL
 * @param fromStatus status before, as its enum name
 * @param toStatus   status after, as its enum name
 * @param step       review step index the decision concerns, or -1
 * @param contentHash the content hash the decision was made on
 * @param checks     check results as text, or empty
 */
public record AuditEntry(long id, long itemId, String actor, String role, String decision, String fromStatus,
                         String toStatus, int step, String comment, String contentHash, String checks, Instant at) {
    public AuditEntry {
        role = role == null ? "" : role;
        comment = comment == null ? "" : comment;
        checks = checks == null ? "" : checks;
    }
}
