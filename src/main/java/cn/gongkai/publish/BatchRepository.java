package cn.gongkai.publish;

import cn.gongkai.item.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Durable storage of publishing batches. */
public interface BatchRepository {

    /** Creates a freepublish batch in {@link BatchState#PREPARED} holding the items, in order. */
    default PublishBatch create(String account, List<Long> itemIds, Instant now) {
        return create(account, PublishBatch.FREEPUBLISH, null, itemIds, now);
    }

    /** Creates a batch of the given mode in {@link BatchState#PREPARED} holding the items, in order. */
    PublishBatch create(String account, String mode, Long parentBatchId, List<Long> itemIds, Instant now);

    Optional<PublishBatch> find(long id);

    /** The freepublish batch of the account that got this publish_id, if any. */
    Optional<PublishBatch> findByPublishId(String account, String publishId);

    /** Batches of the account (all accounts when null) not yet finished, oldest first. */
    List<PublishBatch> unfinished(String account);

    /** The newest batches first, at most {@code limit}. */
    default List<PublishBatch> recent(int limit) {
        return recent(limit, Scope.district());
    }

    /** The newest batches of the units {@code scope} sees, at most {@code limit}. */
    List<PublishBatch> recent(int limit, Scope scope);

    /** The batches that hold the item, oldest first. */
    List<PublishBatch> ofItem(long itemId);

    /**
     * Moves the batch from {@code from} to {@code to}, setting whichever of the ids are non-null.
     *
     * @return false when the batch was no longer in {@code from}
     */
    boolean advance(long id, BatchState from, BatchState to, String draftMediaId, String publishId, String articleId,
                    String error, Instant now);

    /**
     * Renews the batch's {@code updated_at} to {@code now} when it is still in {@code state} and unchanged since the
     * caller read it ({@code seenUpdatedAt}): a compare-and-set that lets one publisher, not two, act on a batch that
     * has been waiting (a lost submit sent again).
     *
     * @return false when another publisher moved or renewed the batch first
     */
    boolean renew(long id, BatchState state, Instant seenUpdatedAt, Instant now);

    /** Counts a status poll of the batch and sets when the next one may happen. */
    void recordPoll(long id, Instant nextPollAt);

    /** Makes a SUBMITTED batch due for a status poll at {@code now} (a hint says its job finished). */
    void pollNow(long id, Instant now);

    /**
     * Distinct items of the account in first-level batches (not mass notifications of a freepublish batch) created
     * since {@code since}, leaving out failed batches and rehearsals: what the daily cap counts.
     */
    int itemsClaimedSince(String account, Instant since);

    /** Mass batches of the account created since {@code since} that did not fail. */
    int massBatchesSince(String account, Instant since);

    /** Items of the account that have been rehearsed (are in a REHEARSED batch). */
    Set<Long> rehearsedItems(String account);

    /** Whether a batch of the account holds this article_id (a publication we already know as ours). */
    boolean articleKnown(String account, String articleId);

    /** When a batch of the account last reached PUBLISHED, if ever. */
    Optional<Instant> lastPublishedAt(String account);
}
