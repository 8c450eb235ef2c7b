package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One append-only audit row: a transition of an item and who made it. New rows are made by the factories
 * ({@link #byUser}, {@link #byPublisher}); the canonical constructor is for rows read back from storage.
 *
 * @param actor      user name, or "system"/"import"/"publisher"
 * @param role       the role the actor acted in (e.g. dept-leader), or empty
 * @param decision   the {@link AuditAction}'s name (older rows may hold other codes)
 * @param fromStatus status before, as its enum name
 * @param toStatus   status after, as its enum name
 * @param step       review step index the decision concerns, or -1
 * @param contentHash the content hash the decision was made on
 * @param checks     check results as text, or empty
 */
public record AuditEntry(long id, long itemId, String actor, String role, String decision, String fromStatus,
                         String toStatus, int step, String comment, String contentHash, String checks, Instant at) {
    /** The actor of rows the publisher writes. */
    public static final String PUBLISHER = "publisher";

    /** Who made a row, as staff read it: the programs' own names in Chinese, people by their user name. */
    public static String actorLabel(String actor) {
        return switch (actor) {
            case PUBLISHER -> "自动发布程序";
            case "system" -> "系统";
            case "import" -> "导入程序";
            case "oa" -> "OA 系统";
            default -> actor;
        };
    }

    public AuditEntry {
        role = role == null ? "" : role;
        comment = comment == null ? "" : comment;
        checks = checks == null ? "" : checks;
    }

    /**
     * A row by a person (or "oa") acting in {@code role} on the item's current text; {@code from} is null for an item
     * that did not exist before.
     */
    public static AuditEntry byUser(String actor, String role, DisclosureItem item, AuditAction action,
                                    ItemStatus from, ItemStatus to, String comment, Instant at) {
        return new AuditEntry(0, item.id(), actor, role, action.name(), from == null ? "" : from.name(), to.name(),
                -1, comment, item.contentHash(), "", at);
    }

    /** A row by the publisher on the item's current text. */
    public static AuditEntry byPublisher(DisclosureItem item, AuditAction action, ItemStatus from, ItemStatus to,
                                         String comment, Instant at) {
        return byUser(PUBLISHER, "", item, action, from, to, comment, at);
    }

    /** A row by the publisher about an item it has not loaded (no content hash). */
    public static AuditEntry byPublisher(long itemId, AuditAction action, ItemStatus from, ItemStatus to,
                                         String comment, Instant at) {
        return new AuditEntry(0, itemId, PUBLISHER, "", action.name(), from.name(), to.name(), -1, comment, "", "",
                at);
    }

    /** The same row about review step {@code index}. */
    public AuditEntry atStep(int index) {
        return new AuditEntry(id, itemId, actor, role, decision, fromStatus, toStatus, index, comment, contentHash,
                checks, at);
    }

    /** The same row with the check results it was made with. */
    public AuditEntry withChecks(String results) {
        return new AuditEntry(id, itemId, actor, role, decision, fromStatus, toStatus, step, comment, contentHash,
                results, at);
    }

    /** The action this row records, empty for a code no {@link AuditAction} names. */
    public Optional<AuditAction> action() {
        return AuditAction.of(decision);
    }

    /** The Chinese label of the decision, or the raw code when it is not one of ours. */
    public String label() {
        return AuditAction.labelOf(decision);
    }
}
