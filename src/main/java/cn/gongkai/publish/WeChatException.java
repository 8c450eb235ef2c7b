package cn.gongkai.publish;

import java.time.Instant;

/**
 * A WeChat call that did not succeed, after the gateway applied its retry policy.
 *
 * @see Kind for what the caller should do
 */
public final class WeChatException extends RuntimeException {

    /** What a failed call means for the caller. */
    public enum Kind {
        /** Busy, network, 5xx: an idempotent call may be tried again later. */
        TRANSIENT,
        /** A daily or monthly quota is spent: park the work until {@link #retryAfter()}. */
        QUOTA,
        /** Fails the same way until someone fixes something (content, permission, whitelist, secret). */
        PERMANENT,
        /** A publishing call whose outcome is unknown (no answer): settle from WeChat's state, never resend blindly. */
        UNKNOWN_OUTCOME
    }

    private final String account;
    private final String api;
    private final int code;
    private final Kind kind;
    private final String staffMessage;
    private final Instant retryAfter;

    public WeChatException(String account, String api, int code, Kind kind, String staffMessage, Instant retryAfter,
                           Throwable cause) {
        super("WeChat " + api + " failed for account " + account + ": errcode " + code + " (" + kind + ") "
                + staffMessage, cause);
        this.account = account;
        this.api = api;
        this.code = code;
        this.kind = kind;
        this.staffMessage = staffMessage;
        this.retryAfter = retryAfter;
    }

    public String account() {
        return account;
    }

    /** The endpoint, e.g. {@code freepublish/submit}. */
    public String api() {
        return api;
    }

    /** WeChat's errcode; −99 for network failures, −2 for an unreadable answer. */
    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Chinese explanation with the action to take, for staff. */
    public String staffMessage() {
        return staffMessage;
    }

    /** When parked work may run again (quota), or null. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
