package cn.gongkai.store;

import cn.gongkai.review.ApprovedSnapshots;
import java.time.Instant;
import java.util.Optional;

/** Approved review texts in {@code approved_snapshot}, one row per item and content hash, never changed. */
final class JdbiApprovedSnapshots implements ApprovedSnapshots {

    private final JdbiTransactions tx;

    JdbiApprovedSnapshots(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(long itemId, String contentHash, String reviewText, Instant at) {
        tx.call("cannot keep the approved text of item " + itemId, h -> {
            boolean present = h.createQuery("SELECT COUNT(*) FROM approved_snapshot WHERE item_id = :item"
                            + " AND content_hash = :hash").bind("item", itemId).bind("hash", contentHash)
                    .mapTo(Long.class).one() > 0;
            if (!present) {
                h.createUpdate("INSERT INTO approved_snapshot (item_id, content_hash, review_text, saved_at)"
                                + " VALUES (:item, :hash, :text, :at)")
                        .bind("item", itemId).bind("hash", contentHash).bind("text", reviewText).bind("at", at)
                        .execute();
            }
            return null;
        });
    }

    @Override
    public Optional<String> find(long itemId, String contentHash) {
        return tx.call("cannot read the approved text of item " + itemId,
                h -> h.createQuery("SELECT review_text FROM approved_snapshot WHERE item_id = :item"
                                + " AND content_hash = :hash").bind("item", itemId).bind("hash", contentHash)
                        .mapTo(String.class).findOne());
    }
}
