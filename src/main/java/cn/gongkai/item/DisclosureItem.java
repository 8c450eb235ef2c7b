package cn.gongkai.item;

import java.time.Instant;

/**
 * A stored disclosure item: its content plus workflow state.
 *
 * <p>The review step an item waits on is not stored: {@code ReviewService} derives it from the audit rows bound to
 * the current content hash.
 *
 * @param contentHash  hash of {@link #content()} at the time it was stored
 * @param sourceKey    identifies where the item came from (hash of the imported file), for duplicate detection
 * @param batchId      the publishing batch holding the item while PUBLISHING/PUBLISHED, else null
 * @param failure      the Chinese explanation of the last failure, or empty
 * @param unitId       the unit (单位) the item belongs to
 */
public record DisclosureItem(long id, ItemContent content, ItemStatus status, String contentHash,
                             String sourceKey, Long batchId, String failure, Instant createdAt, Instant updatedAt,
                             String unitId)
        implements Reviewable {
    public DisclosureItem {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        failure = failure == null ? "" : failure;
        unitId = unitId == null ? Scope.DEFAULT_UNIT : unitId;
    }

    /** An item of the single bureau's unit ({@link Scope#DEFAULT_UNIT}). */
    public DisclosureItem(long id, ItemContent content, ItemStatus status, String contentHash, String sourceKey,
                          Long batchId, String failure, Instant createdAt, Instant updatedAt) {
        this(id, content, status, contentHash, sourceKey, batchId, failure, createdAt, updatedAt, Scope.DEFAULT_UNIT);
    }

    public String title() {
        return content.title();
    }

    /** Whether it takes the important-item chain ({@link ItemContent#important()}). */
    @Override
    public boolean important() {
        return content.important();
    }

    /** What a list shows of it: the {@link ItemHead} the store would read for it. */
    public ItemHead head() {
        return new ItemHead(id, title(), content.category(), content.account(), status, content.important(),
                content.publishAt(), failure, createdAt, updatedAt, contentHash, unitId);
    }
}
