package cn.gongkai.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable storage of publishing batches. */
public interface BatchRepository {

    /** Creates a batch in {@link BatchState#PREPARED} holding the items, in order. */
    PublishBatch create(String account, List<Long> itemIds, Instant now);

    Optional<PublishBatch> find(long id);

    /** Batches of the account (all accounts when null) not yet PUBLISHED or FAILED, oldest first. */
    List<PublishBatch> unfinished(String account);

    /** The newest batches first, at most {@code limit}. */
    List<PublishBatch> recent(int limit);

    /**
     * Moves the batch from {@code from} to {@code to}, setting whichever of the ids are non-null.
     *
     * @return false when the batch was no longer in {@code from}
     */
    boolean advance(long id, BatchState from, BatchState to, String draftMediaId, String publishId, String articleId,
                    String error, Instant now);
}
