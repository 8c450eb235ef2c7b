package cn.gongkai.portal;

/**
 * The points of a delivery where a crash leaves a distinct situation behind; {@link Listener} is told of each. Only
 * tests listen (the crash test stops the process there); production uses {@link Listener#NONE}.
 */
public enum DeliveryBoundary {
    /** The PREPARED row with the identity is committed; nothing was sent. */
    PREPARED,
    /** The package is being handed over (told by a sender that can say so, e.g. the crash test's folder sender). */
    SENDING,
    /** The receiver took the package; SENT is not committed yet. */
    SEND_ANSWERED,
    /** SENT (or ADOPTED) is committed. */
    SENT;

    /** Told each time a delivery passes a boundary. */
    @FunctionalInterface
    public interface Listener {
        /** Does nothing. */
        Listener NONE = (boundary, itemId, portalId) -> { };

        void reached(DeliveryBoundary boundary, long itemId, String portalId);
    }
}
