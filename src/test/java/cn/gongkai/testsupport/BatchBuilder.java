package cn.gongkai.testsupport;

import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.PublishBatch;
import java.time.Instant;
import java.util.List;

/**
 * A publishing batch stored through the repository with sensible defaults (account {@value Fixtures#ACCOUNT},
 * freepublish, no items, created 2026-03-02 10:00 Beijing time, left PREPARED); set only what a test is about, then
 * {@link #createIn(BatchRepository)}.
 */
public final class BatchBuilder {
    private String account = Fixtures.ACCOUNT;
    private String mode = PublishBatch.FREEPUBLISH;
    private Long parentBatchId;
    private List<Long> itemIds = List.of();
    private Instant createdAt = Instant.parse("2026-03-02T02:00:00Z");
    private BatchState state = BatchState.PREPARED;
    private String draftMediaId;
    private String publishId;
    private String articleId;
    private String error;
    private Instant movedAt;

    private BatchBuilder() {
    }

    /** The default batch. */
    public static BatchBuilder aBatch() {
        return new BatchBuilder();
    }

    public BatchBuilder account(String value) {
        account = value;
        return this;
    }

    /** A mass-send batch following the given freepublish batch. */
    public BatchBuilder massAfter(long parent) {
        mode = PublishBatch.MASS;
        parentBatchId = parent;
        return this;
    }

    public BatchBuilder items(Long... ids) {
        itemIds = List.of(ids);
        return this;
    }

    public BatchBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    /** Moves the new batch straight from PREPARED to the state at the given time. */
    public BatchBuilder movedTo(BatchState value, Instant at) {
        state = value;
        movedAt = at;
        return this;
    }

    /** Moves the new batch straight from PREPARED to FAILED with the error at the given time. */
    public BatchBuilder failed(String message, Instant at) {
        error = message;
        return movedTo(BatchState.FAILED, at);
    }

    /** Moves the new batch straight from PREPARED to SUBMITTED with WeChat's ids at the given time. */
    public BatchBuilder submitted(String draft, String publish, Instant at) {
        draftMediaId = draft;
        publishId = publish;
        return movedTo(BatchState.SUBMITTED, at);
    }

    /** Stores the batch (and moves it, if asked) and returns it as stored. */
    public PublishBatch createIn(BatchRepository batches) {
        PublishBatch created = batches.create(account, mode, parentBatchId, itemIds, createdAt);
        if (state == BatchState.PREPARED) {
            return created;
        }
        if (!batches.advance(created.id(), BatchState.PREPARED, state, draftMediaId, publishId, articleId, error,
                movedAt)) {
            throw new IllegalStateException("batch " + created.id() + " did not move to " + state);
        }
        return batches.find(created.id()).orElseThrow();
    }
}
