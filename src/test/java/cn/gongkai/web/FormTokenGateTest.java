package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One-time editor form tokens on the real schema: once per form, per user, per form kind, for 24 hours. */
class FormTokenGateTest {
    private final Database db = Fixtures.memoryDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private final FormTokenGate gate = new FormTokenGate(db.formTokens(), clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTokenIsClaimedOnceAndThenLeadsToTheItemItSaved() {
        String token = gate.issue("赵起草", "new");

        FormTokenGate.Claim first = gate.claim(token, "赵起草", "new");
        FormTokenGate.Claim whileSaving = gate.claim(token, "赵起草", "new");
        gate.complete(first, 42);
        FormTokenGate.Claim afterwards = gate.claim(token, "赵起草", "new");

        assertThat(first.kind()).isEqualTo(FormTokenGate.Kind.CLAIMED);
        assertThat(whileSaving.kind()).isEqualTo(FormTokenGate.Kind.BUSY);
        assertThat(afterwards.kind()).isEqualTo(FormTokenGate.Kind.DONE);
        assertThat(afterwards.itemId()).isEqualTo(42L);
    }

    @Test
    void aReleasedTokenMayBeClaimedAgain() {
        String token = gate.issue("赵起草", "7");
        gate.release(gate.claim(token, "赵起草", "7"));

        assertThat(gate.claim(token, "赵起草", "7").kind()).isEqualTo(FormTokenGate.Kind.CLAIMED);
    }

    @Test
    void anotherUserAnotherFormAnUnknownOrAnExpiredTokenIsRefused() {
        String token = gate.issue("赵起草", "new");

        assertThat(gate.claim(token, "钱起草", "new").kind()).isEqualTo(FormTokenGate.Kind.INVALID);
        assertThat(gate.claim(token, "赵起草", "7").kind()).isEqualTo(FormTokenGate.Kind.INVALID);
        assertThat(gate.claim("made-up", "赵起草", "new").kind()).isEqualTo(FormTokenGate.Kind.INVALID);
        assertThat(gate.claim("", "赵起草", "new").kind()).isEqualTo(FormTokenGate.Kind.NONE);
        clock.advance(FormTokenGate.LIFETIME.plus(Duration.ofMinutes(1)));
        assertThat(gate.claim(token, "赵起草", "new").kind()).isEqualTo(FormTokenGate.Kind.INVALID);
    }
}
