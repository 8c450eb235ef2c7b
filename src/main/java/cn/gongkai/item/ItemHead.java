package cn.gongkai.item;

import java.time.Instant;

/**
 * What a list shows of an item, read without its body and children (notes, glossary, images): the console's long
 * lists (the 排期 calendar, 待办's own items) ask the database for these instead of whole {@link DisclosureItem}s.
 *
 * @param publishAt the planned publish time, or null for the next slot
 * @param failure     the Chinese explanation of the last failure, or empty
 * @param contentHash the hash of its current text
 */
public record ItemHead(long id, String title, String category, String account, ItemStatus status, boolean important,
                       Instant publishAt, String failure, Instant createdAt, Instant updatedAt, String contentHash)
        implements Reviewable {
    public ItemHead {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        failure = failure == null ? "" : failure;
    }

    /** When the item goes out: its last change once published or corrected, else its planned time (or null). */
    public Instant goesOut() {
        return status == ItemStatus.PUBLISHED || status == ItemStatus.CORRECTED ? updatedAt : publishAt;
    }
}
