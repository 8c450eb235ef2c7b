package cn.gongkai.portal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a delivery may be tried again. A running attempt holds its row for {@code retryAfter} (a process killed while
 * sending leaves it for the next run after that); a failure for a passing reason waits {@code retryAfter} doubled per
 * earlier attempt, at most a day.
 */
public record RetryPolicy(Duration retryAfter) {
    private static final Duration LONGEST = Duration.ofDays(1);

    public RetryPolicy {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive: " + retryAfter);
        }
    }

    /** Until when an attempt starting now holds its row. */
    Instant claimUntil(Instant now) {
        return now.plus(retryAfter);
    }

    /** When a delivery that failed after {@code attempts} attempts is tried again. */
    Instant nextAttempt(Instant now, int attempts) {
        Duration wait = retryAfter;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(LONGEST) < 0 ? wait : LONGEST);
    }
}
