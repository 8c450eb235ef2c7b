package cn.gongkai.web;

import cn.gongkai.review.LoginFailures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link #PER_USER} failed logins for one user name, or {@link #PER_IP} from
 * one address, within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window.
 * A successful login clears the user's failures. The failures are kept in the database ({@link LoginFailures}), so
 * every node behind one address counts the same guesses; under keys that are the SHA-256 of the name or address.
 */
final class LoginThrottle {
    static final int PER_USER = 5;
    static final int PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final LoginFailures failures;

    LoginThrottle(Clock clock, LoginFailures failures) {
        this.clock = clock;
        this.failures = failures;
    }

    /** How long until the next attempt is allowed, when either the user or the address is blocked. */
    Optional<Duration> blocked(String user, String ip) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(userKey(user), PER_USER, now), waitFor(ipKey(ip), PER_IP, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String user, String ip) {
        Instant now = clock.instant();
        failures.record(List.of(userKey(user), ipKey(ip)), now, now.minus(WINDOW));
    }

    void succeeded(String user) {
        failures.forget(userKey(user));
    }

    private Duration waitFor(String key, int limit, Instant now) {
        List<Instant> recent = failures.since(key, now.minus(WINDOW));
        if (recent.size() < limit) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, recent.get(0).plus(WINDOW));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    static String userKey(String user) {
        return "u:" + sha256(user == null ? "" : user.strip());
    }

    static String ipKey(String ip) {
        return "ip:" + sha256(ip == null ? "" : ip);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
