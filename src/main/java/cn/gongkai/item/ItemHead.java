package cn.gongkai.item;

import java.time.Instant;

/**
 * What a list shows of an item, read without its body and children (notes, glossary, images): the console's long
 * lists (the 排期 calendar, 待办's own items) ask the database for these instead of whole {@link DisclosureItem}s.
 *
 * @param publishAt the planned publish time, or null for the next slot
 * @param failure     the Chinese explanation of the last failure, or empty
 * @param contentHash the hash of its current text
 * @param unitId      the unit (单位) the item belongs to
 */
public record ItemHead(long id, String title, String category, String account, ItemStatus status, boolean important,
                       Instant publishAt, String failure, Instant createdAt, Instant updatedAt, String contentHash,
                       String unitId)
        implements Reviewable {
    public ItemHead {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        failure = failure == null ? "" : failure;
        unitId = unitId == null ? Scope.DEFAULT_UNIT : unitId;
    }

    /** The head of an item of the single bureau's unit ({@link Scope#DEFAULT_UNIT}). */
    public ItemHead(long id, String title, String category, String account, ItemStatus status, boolean important,
                    Instant publishAt, String failure, Instant createdAt, Instant updatedAt, String contentHash) {
        this(id, title, category, account, status, important, publishAt, failure, createdAt, updatedAt, contentHash,
                Scope.DEFAULT_UNIT);
    }

    /** When the item goes out: its last change once published or corrected, else its planned time (or null). */
    public Instant goesOut() {
        return status == ItemStatus.PUBLISHED || status == ItemStatus.CORRECTED ? updatedAt : publishAt;
    }
}
