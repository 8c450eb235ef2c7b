package cn.gongkai.publish;

import java.time.Instant;

/**
 * The nonces of signed callbacks already acted upon, shared by every node of the service (design.md §5): a callback
 * is signed only over token, timestamp and nonce, so a captured one would otherwise be good for any body, any number
 * of times, while its timestamp is inside the window.
 */
public interface CallbackNonces {

    /**
     * Remembers the nonce of an authentic callback of the account.
     *
     * @param sentAt     the callback's own timestamp
     * @param receivedAt when it arrived
     * @return true the first time; false when the account's nonce was already used (a replay or WeChat's retry)
     */
    boolean firstUse(String account, String nonce, Instant sentAt, Instant receivedAt);

    /** Forgets nonces whose callback timestamp is before {@code before}; returns how many. */
    int purge(Instant before);
}
