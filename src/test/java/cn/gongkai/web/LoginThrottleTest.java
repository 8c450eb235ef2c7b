package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import cn.gongkai.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failed logins are counted in the database, so two nodes behind one address slow guessing as one does, on H2 and
 * PostgreSQL; the window, the per-address limit and a successful login behave as on one node.
 */
class LoginThrottleTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("throttle");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void guessesOnTwoNodesAddUpAndLeaveAfterTheWindow(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
            LoginThrottle nodeA = new LoginThrottle(clock, db.loginFailures());
            LoginThrottle nodeB = new LoginThrottle(clock, db.loginFailures());

            for (int i = 0; i < LoginThrottle.PER_USER; i++) {
                (i % 2 == 0 ? nodeA : nodeB).failed("管理员", "10.0.0." + i);
                clock.advance(Duration.ofMinutes(1));
            }

            assertThat(nodeA.blocked("管理员", "10.0.0.99")).isPresent();
            assertThat(nodeB.blocked(" 管理员 ", "10.0.0.99")).as("the name as typed, trimmed").isPresent();
            assertThat(nodeB.blocked("李主任", "10.0.0.99")).isEmpty();
            // the first failure was at 02:00; it leaves the window at 02:15, when one attempt is allowed again
            assertThat(nodeB.blocked("管理员", "10.0.0.99").orElseThrow()).isEqualTo(Duration.ofMinutes(10));
            clock.advance(Duration.ofMinutes(10));
            assertThat(nodeB.blocked("管理员", "10.0.0.99")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oneAddressTryingManyNamesIsBlockedAndASuccessClearsOnlyTheName(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
            LoginThrottle nodeA = new LoginThrottle(clock, db.loginFailures());
            LoginThrottle nodeB = new LoginThrottle(clock, db.loginFailures());
            for (int i = 0; i < LoginThrottle.PER_IP; i++) {
                (i % 2 == 0 ? nodeA : nodeB).failed("人" + i, "192.0.2.7");
            }
            assertThat(nodeA.blocked("谁都可以", "192.0.2.7")).isPresent();
            assertThat(nodeA.blocked("谁都可以", "192.0.2.8")).isEmpty();

            nodeA.failed("王科长", "192.0.2.9");
            nodeB.succeeded("王科长");
            assertThat(db.loginFailures().since(LoginThrottle.userKey("王科长"), clock.instant().minusSeconds(60)))
                    .isEmpty();
            assertThat(db.loginFailures().since(LoginThrottle.ipKey("192.0.2.9"), clock.instant().minusSeconds(60)))
                    .as("the address keeps its failure").hasSize(1);
        }
    }
}
