package cn.gongkai.review;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The append-only audit trail. There is no update and no delete. */
public interface AuditLog {

    /** Appends the entry (its id is ignored) and returns it with the id it got. */
    AuditEntry append(AuditEntry entry);

    /** The history of an item, oldest first. */
    List<AuditEntry> history(long itemId);

    /**
     * Runs read-only {@code work} on this thread that reads the histories of these items (a page listing them):
     * an implementation may read them all in one go first and answer {@link #history} from that. By default it
     * just runs the work.
     */
    default <T> T readingAhead(Collection<Long> itemIds, Supplier<T> work) {
        return work.get();
    }
}
