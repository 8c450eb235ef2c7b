package cn.gongkai.portal;

/**
 * The identity of one item's delivery to one portal, fixed and stored before the first attempt, so that every later
 * attempt (after a failure or a crash) is recognisable by the receiver as the same item.
 *
 * @param messageId      the SMTP Message-ID, with angle brackets: {@code <gongkai.12.qzfb.5f3a…@gongkai.local>}
 * @param idempotencyKey the webhook's {@code Idempotency-Key}, and the folder package's name
 */
public record DeliveryIdentity(String messageId, String idempotencyKey) {
    public DeliveryIdentity {
        if (messageId == null || !messageId.matches("<[^<>\\s@]+@[^<>\\s@]+>")) {
            throw new IllegalArgumentException("Message-ID must look like <local@domain>: " + messageId);
        }
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._-]{8,128}")) {
            throw new IllegalArgumentException("idempotency key must be 8-128 of [A-Za-z0-9._-]: " + idempotencyKey);
        }
    }
}
