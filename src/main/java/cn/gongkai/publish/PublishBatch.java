package cn.gongkai.publish;

import java.time.Instant;
import java.util.List;

/**
 * A group of up to 8 items published as one draft; every WeChat id is stored the moment it is known.
 *
 * @param itemIds  the items in article order
 * @param error    the Chinese explanation when FAILED, else empty
 */
public record PublishBatch(long id, String account, BatchState state, List<Long> itemIds, String draftMediaId,
                           String publishId, String articleId, String error, Instant createdAt, Instant updatedAt) {
    public PublishBatch {
        itemIds = List.copyOf(itemIds);
        draftMediaId = draftMediaId == null ? "" : draftMediaId;
        publishId = publishId == null ? "" : publishId;
        articleId = articleId == null ? "" : articleId;
        error = error == null ? "" : error;
    }
}
