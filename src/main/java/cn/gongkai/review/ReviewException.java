package cn.gongkai.review;

/** A review action that is not allowed; the message says why, in Chinese, for staff. */
public final class ReviewException extends RuntimeException {
    private final long itemId;
    private final boolean forbidden;
    private final String reason;

    public ReviewException(long itemId, String message) {
        this(itemId, message, false);
    }

    private ReviewException(long itemId, String message, boolean forbidden) {
        super("稿件 " + itemId + "：" + message);
        this.reason = message;
        this.itemId = itemId;
        this.forbidden = forbidden;
    }

    /** Refused because of who the user is (not because of the item's state): the REST API answers 403. */
    static ReviewException forbidden(long itemId, String message) {
        return new ReviewException(itemId, message, true);
    }

    /** Why, without the item number (for an item that was refused before it was stored). */
    public String reason() {
        return reason;
    }

    public long itemId() {
        return itemId;
    }

    /** True when the user may not do this to the item at all, whatever its state. */
    public boolean forbidden() {
        return forbidden;
    }
}
