package cn.gongkai.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #PER_USER} failed logins for one user name, or {@link #PER_IP} from
 * one address, within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window.
 * A successful login clears the user's failures. Kept in memory.
 */
final class LoginThrottle {
    static final int PER_USER = 5;
    static final int PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 50_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until the next attempt is allowed, when either the user or the address is blocked. */
    Optional<Duration> blocked(String user, String ip) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = max(wait, waitFor("u:" + norm(user), PER_USER, now));
        wait = max(wait, waitFor("ip:" + ip, PER_IP, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String user, String ip) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> pruned(e.getValue(), now).isEmpty());
        }
        add("u:" + norm(user), now);
        add("ip:" + ip, now);
    }

    void succeeded(String user) {
        failures.remove("u:" + norm(user));
    }

    private void add(String key, Instant now) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            pruned(d, now).addLast(now);
        }
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return Duration.ZERO;
        }
        synchronized (d) {
            pruned(d, now);
            if (d.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, d.peekFirst().plus(WINDOW));
        }
    }

    private static Deque<Instant> pruned(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(WINDOW).isAfter(now)) {
            d.removeFirst();
        }
        return d;
    }

    private static String norm(String user) {
        return user == null ? "" : user.strip();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
