package cn.gongkai.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a callback from WeChat must pass before anything acts on it, after its signature (design.md §5): a plain-mode
 * signature covers only token, timestamp and nonce, so the timestamp must be within {@link #WINDOW} of the server
 * clock (either way) and the nonce must not have been used by the account before (on any node).
 */
public final class CallbackGuard {
    /** How far a callback's timestamp may be from the server clock. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** What became of the check. */
    public enum Verdict {
        /** Inside the window and the nonce is new: act on it. */
        FRESH,
        /** The timestamp is outside the window: refuse it. */
        STALE,
        /** The nonce was used before: a replay, or WeChat's retry of a request already handled; do nothing. */
        REPLAYED
    }

    /**
     * @param skew how far the timestamp is from the server clock (positive: in the future)
     */
    public record Check(Verdict verdict, Duration skew) {
    }

    private final CallbackNonces nonces;
    private final Clock clock;

    public CallbackGuard(CallbackNonces nonces, Clock clock) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Why the timestamp or nonce is not what WeChat sends (the timestamp: decimal seconds since the epoch; the nonce: WeChat sends digits, letters are tolerated), or
     * empty when both are well-formed.
     */
    public static Optional<String> malformed(String timestamp, String nonce) {
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
            return Optional.of("timestamp missing or not a number");
        }
        if (nonce == null || !nonce.matches("[0-9A-Za-z]{1,64}")) {
            return Optional.of("nonce missing or not letters and digits");
        }
        return Optional.empty();
    }

    /** Whether the timestamp is inside the window; the nonce is not looked at (URL verification). */
    public Check window(String timestamp) {
        Instant now = clock.instant();
        Duration skew = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(timestamp)));
        return new Check(skew.abs().compareTo(WINDOW) > 0 ? Verdict.STALE : Verdict.FRESH, skew);
    }

    /**
     * The window, then the nonce: a fresh nonce is remembered for every node. Call it only for a request whose
     * signature is right, so that nobody else can use up nonces.
     *
     * @throws IllegalArgumentException when {@link #malformed} would have refused the timestamp or nonce
     */
    public Check admit(String account, String timestamp, String nonce) {
        malformed(timestamp, nonce).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Check window = window(timestamp);
        if (window.verdict() == Verdict.STALE) {
            return window;
        }
        Instant now = clock.instant();
        nonces.purge(now.minus(WINDOW).minus(WINDOW));
        boolean fresh = nonces.firstUse(account, nonce, Instant.ofEpochSecond(Long.parseLong(timestamp)), now);
        return new Check(fresh ? Verdict.FRESH : Verdict.REPLAYED, window.skew());
    }
}
