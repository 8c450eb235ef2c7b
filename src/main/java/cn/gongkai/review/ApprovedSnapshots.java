package cn.gongkai.review;

import java.time.Instant;
import java.util.Optional;

/**
 * The texts reviewers approved or rejected, kept by item and content hash, so that a later version can be compared
 * with the last one reviewed. The audit trail binds each decision to a content hash; this keeps the text behind it.
 */
public interface ApprovedSnapshots {

    /** Keeps the review text of the item's content with that hash; a second save of the same hash is a no-op. */
    void save(long itemId, String contentHash, String reviewText, Instant at);

    /** The review text approved under that hash, if it was kept. */
    Optional<String> find(long itemId, String contentHash);
}
