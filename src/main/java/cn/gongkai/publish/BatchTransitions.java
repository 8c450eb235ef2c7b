package cn.gongkai.publish;

import java.time.Clock;

/**
 * The moves of a batch through its state machine, each a compare-and-set on the state the caller read: when another
 * publisher moved the batch first, {@link BatchRace} is thrown and this run leaves the batch alone.
 */
final class BatchTransitions {

    /** Another publisher (a second process or thread) moved the batch on first; this run leaves it alone. */
    static final class BatchRace extends RuntimeException {
        BatchRace(long batchId, BatchState from) {
            super("batch " + batchId + " moved on concurrently from " + from, null, false, false);
        }
    }

    private final BatchRepository batches;
    private final Clock clock;

    BatchTransitions(BatchRepository batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    /** The batch as stored now. */
    PublishBatch reload(PublishBatch batch) {
        return batches.find(batch.id()).orElseThrow();
    }

    void markImagesUploaded(PublishBatch batch) {
        advance(batch, BatchState.IMAGES_UPLOADED, null, null, null, null);
    }

    void markDrafted(PublishBatch batch, String draftMediaId) {
        advance(batch, BatchState.DRAFTED, draftMediaId, null, null, null);
    }

    void markSubmitting(PublishBatch batch) {
        advance(batch, BatchState.SUBMITTING, null, null, null, null);
    }

    void markSubmitted(PublishBatch batch, String publishId) {
        advance(batch, BatchState.SUBMITTED, null, publishId, null, null);
    }

    void markPublished(PublishBatch batch, String articleId) {
        advance(batch, BatchState.PUBLISHED, null, null, articleId, null);
    }

    /** A mass batch sent: msg_id is kept where a freepublish batch keeps its publish_id, msg_data_id as article. */
    void markMassSent(PublishBatch batch, String msgId, String msgDataId) {
        advance(batch, BatchState.PUBLISHED, null, msgId, msgDataId, null);
    }

    void markRehearsed(PublishBatch batch) {
        advance(batch, BatchState.REHEARSED, null, null, null, null);
    }

    /**
     * Takes the right to act once more on a batch that has been waiting in its state, as read: of two publishers
     * that read the same waiting batch, only the first gets it; the other gets {@link BatchRace}.
     */
    void renew(PublishBatch batch) {
        if (!batches.renew(batch.id(), batch.state(), batch.updatedAt(), clock.instant())) {
            throw new BatchRace(batch.id(), batch.state());
        }
    }

    /** WeChat said how the job failed. */
    void markFailed(PublishBatch batch, String reason) {
        advance(batch, BatchState.FAILED, null, null, null, reason);
    }

    /** The batch failed from whatever state it is in now (an error may strike after the caller's read). */
    void markFailedFromCurrentState(PublishBatch batch, String reason) {
        PublishBatch current = reload(batch);
        batches.advance(batch.id(), current.state(), BatchState.FAILED, null, null, null, reason, clock.instant());
    }

    private void advance(PublishBatch batch, BatchState to, String draft, String publishId, String articleId,
                         String error) {
        if (!batches.advance(batch.id(), batch.state(), to, draft, publishId, articleId, error, clock.instant())) {
            throw new BatchRace(batch.id(), batch.state());
        }
    }
}
