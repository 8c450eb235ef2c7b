package cn.gongkai.review;

/** A review action that is not allowed; the message says why, in Chinese, for staff. */
public final class ReviewException extends RuntimeException {
    private final long itemId;

    public ReviewException(long itemId, String message) {
        super("稿件 " + itemId + "：" + message);
        this.itemId = itemId;
    }

    public long itemId() {
        return itemId;
    }
}
