package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackGuardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final CallbackGuard guard = new CallbackGuard(new MemoryCallbackNonces(), clock);

    private String secondsFromNow(long seconds) {
        return Long.toString(clock.instant().getEpochSecond() + seconds);
    }

    @Test
    void refusesAStaleTimestampEitherWayAndNamesTheSkew() {
        assertThat(guard.admit("hongqi", secondsFromNow(-301), "1").verdict()).isEqualTo(CallbackGuard.Verdict.STALE);
        assertThat(guard.admit("hongqi", secondsFromNow(301), "2").verdict()).isEqualTo(CallbackGuard.Verdict.STALE);
        assertThat(guard.window(secondsFromNow(-400)).skew()).isEqualTo(Duration.ofSeconds(-400));
        assertThat(guard.admit("hongqi", secondsFromNow(-300), "3").verdict()).isEqualTo(CallbackGuard.Verdict.FRESH);
        assertThat(guard.admit("hongqi", secondsFromNow(300), "4").verdict()).isEqualTo(CallbackGuard.Verdict.FRESH);
    }

    @Test
    void aNonceIsActedUponOncePerAccount() {
        assertThat(guard.admit("hongqi", secondsFromNow(0), "77").verdict()).isEqualTo(CallbackGuard.Verdict.FRESH);
        assertThat(guard.admit("hongqi", secondsFromNow(1), "77").verdict())
                .isEqualTo(CallbackGuard.Verdict.REPLAYED);
        assertThat(guard.admit("other", secondsFromNow(1), "77").verdict()).isEqualTo(CallbackGuard.Verdict.FRESH);
    }

    @Test
    void aTimestampOrNonceThatIsNotANumberIsMalformed() {
        assertThat(CallbackGuard.malformed("1772416800", "123")).isEmpty();
        assertThat(CallbackGuard.malformed(null, "123")).isPresent();
        assertThat(CallbackGuard.malformed("17724x", "123")).isPresent();
        assertThat(CallbackGuard.malformed("1772416800", "")).isPresent();
        assertThat(CallbackGuard.malformed("1772416800", "12\n34")).isPresent();
        assertThat(CallbackGuard.malformed("9".repeat(40), "1")).isPresent();
    }
}
