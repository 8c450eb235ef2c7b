package cn.gongkai.publish;

/** A staff action on an item (requeue, withdraw, correct) that its state does not allow; the message says why. */
public final class PublishActionException extends IllegalArgumentException {
    private final long itemId;

    public PublishActionException(long itemId, String message) {
        super(message);
        this.itemId = itemId;
    }

    public long itemId() {
        return itemId;
    }
}
