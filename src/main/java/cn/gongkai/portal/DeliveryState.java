package cn.gongkai.portal;

/** Where one item's delivery to one portal stands (stored as the name in {@code portal_delivery.state}). */
public enum DeliveryState {
    /** The identity is fixed and stored; the package is being sent (or the process died while sending). */
    PREPARED("准备报送"),
    /** The receiver took the package; the office has not decided yet. */
    SENT("已报送"),
    /** The office ran it on the portal (with its link). */
    ADOPTED("已采用"),
    /** The office decided not to run it. */
    NOT_ADOPTED("未采用"),
    /** The last attempt failed; retried automatically when the reason passes, otherwise after staff's resend. */
    FAILED("报送失败");

    private final String label;

    DeliveryState(String label) {
        this.label = label;
    }

    /** The Chinese label staff see. */
    public String label() {
        return label;
    }

    /** Whether the package reached the receiver (it counts as 报送). */
    public boolean delivered() {
        return this == SENT || this == ADOPTED || this == NOT_ADOPTED;
    }
}
