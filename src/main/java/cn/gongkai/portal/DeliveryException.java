package cn.gongkai.portal;

/**
 * A send that did not succeed. The staff message is Chinese and says what happened and what to do; the exception
 * message (for the log) is English. Never carries a password, secret or the mail server's credentials.
 */
public final class DeliveryException extends Exception {

    /** What a failed send means for the next attempt. */
    public enum Kind {
        /** Network, timeout, 4xx/5xx SMTP temporary, HTTP 5xx: try again later under the same identity. */
        TRANSIENT,
        /** Refused for a reason that stays until someone fixes it (login, address, HTTP 4xx, folder not writable). */
        PERMANENT,
        /**
         * No answer after the package was handed over (connection dropped after DATA, HTTP timeout after the
         * request was sent): it may have arrived. The next attempt re-sends under the same identity, which the
         * receiver recognises.
         */
        MAYBE_DELIVERED
    }

    private final Kind kind;
    private final String staffMessage;

    public DeliveryException(Kind kind, String logMessage, String staffMessage, Throwable cause) {
        super(logMessage, cause);
        this.kind = kind;
        this.staffMessage = staffMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** Chinese: what went wrong and what to do, e.g. 邮件服务器拒绝登录（535），请检查 portals[0].email.user 和密码. */
    public String staffMessage() {
        return staffMessage;
    }
}
