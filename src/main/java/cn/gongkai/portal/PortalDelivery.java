package cn.gongkai.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * One item's delivery to one portal, as stored: its identity (fixed at PREPARE, never changed), where it stands and
 * what happened.
 *
 * @param title         the item's title (read with the row, not stored in it)
 * @param reference     the receipt's reference once sent (Message-ID, request id or package path), else empty
 * @param adoptedUrl    the portal's link once adopted, else empty
 * @param recordedBy    who recorded the office's decision ({@code portal} when its answer carried the link)
 * @param attempts      how many sends were started
 * @param failure       the Chinese reason of the last failure, with what to do, else empty
 * @param category      the item's category when it was prepared (counts are by it)
 * @param dueAt         when the item became due (its planned time, or when it was prepared)
 * @param nextAttemptAt when a run may send it (again): the end of a running attempt's claim, a retry's backoff, or
 *                      null when nothing is pending (sent, or failed until staff resend)
 */
public record PortalDelivery(long itemId, String portalId, String title, DeliveryState state,
                             DeliveryIdentity identity, String reference, String adoptedUrl, String recordedBy,
                             int attempts, String failure, String category, String contentHash, Instant dueAt,
                             Instant preparedAt, Instant nextAttemptAt, Instant sentAt, Instant decidedAt) {
    public PortalDelivery {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(identity, "identity");
        title = title == null ? "" : title;
        reference = reference == null ? "" : reference;
        adoptedUrl = adoptedUrl == null ? "" : adoptedUrl;
        recordedBy = recordedBy == null ? "" : recordedBy;
        failure = failure == null ? "" : failure;
        category = category == null ? "" : category;
        contentHash = contentHash == null ? "" : contentHash;
    }
}
