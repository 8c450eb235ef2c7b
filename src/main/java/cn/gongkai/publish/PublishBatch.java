package cn.gongkai.publish;

import java.time.Instant;
import java.util.List;

/**
 * A group of up to 8 items published as one draft; every WeChat id is stored the moment it is known.
 *
 * @param itemIds       the items in article order
 * @param publishId     the freepublish publish_id, or the mass send's msg_id
 * @param articleId     the freepublish article_id, or the mass send's msg_data_id
 * @param error         the Chinese explanation when FAILED, else empty
 * @param mode          {@link #FREEPUBLISH} or {@link #MASS}
 * @param parentBatchId for a mass batch that notifies followers of a freepublish batch, that batch; else null
 * @param polls         {@code freepublish/get} calls spent on this batch
 * @param nextPollAt    not to be polled before this time, or null
 */
public record PublishBatch(long id, String account, BatchState state, List<Long> itemIds, String draftMediaId,
                           String publishId, String articleId, String error, Instant createdAt, Instant updatedAt,
                           String mode, Long parentBatchId, int polls, Instant nextPollAt) {
    /** Mode of a batch published with {@code freepublish/submit}. */
    public static final String FREEPUBLISH = "freepublish";
    /** Mode of a batch sent with {@code message/mass/sendall}. */
    public static final String MASS = "mass";

    public PublishBatch {
        itemIds = List.copyOf(itemIds);
        draftMediaId = draftMediaId == null ? "" : draftMediaId;
        publishId = publishId == null ? "" : publishId;
        articleId = articleId == null ? "" : articleId;
        error = error == null ? "" : error;
        mode = mode == null ? FREEPUBLISH : mode;
        if (!mode.equals(FREEPUBLISH) && !mode.equals(MASS)) {
            throw new IllegalArgumentException("batch " + id + ": unknown mode " + mode);
        }
    }

    public boolean mass() {
        return mode.equals(MASS);
    }

    /** The clientmsgid of a mass batch: WeChat recognises a repeated send by it for 24 hours. */
    public String clientMsgId() {
        return "gongkai-batch-" + id;
    }
}
