package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts (issue 14): login cost, disabling, password changes ending sessions and tokens, token use and revoke. */
class UsersTest {
    private static final String PASSWORD = "correct-horse-1";

    /** bcrypt at the lowest cost, counting every verification. */
    private static final class CountingHasher implements PasswordHasher {
        private final PasswordHasher bcrypt = PasswordHasher.bcrypt(4);
        int verifications;

        @Override
        public String hash(char[] password) {
            return bcrypt.hash(password);
        }

        @Override
        public boolean verify(char[] password, String hash) {
            verifications++;
            return bcrypt.verify(password, hash);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final CountingHasher hasher = new CountingHasher();
    private Database db;
    private Users users;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:users-" + UUID.randomUUID(), "sa", "");
        users = new Users(db.users(), clock, hasher, PasswordPolicy.standard());
        users.add("张科长", Role.DEPT_LEADER, PASSWORD.toCharArray());
        users.add("李主任", Role.OFFICE_DIRECTOR, PASSWORD.toCharArray());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int verificationsFor(String name, String password) {
        int before = hasher.verifications;
        users.checkPassword(name, password == null ? null : password.toCharArray());
        return hasher.verifications - before;
    }

    private void session(String user, String idHash) {
        db.loginSessions().save(new LoginSessions.Stored(idHash, user, "csrf", clock.instant(), clock.instant()));
    }

    @Test
    void checkingAPasswordCostsOneVerificationWhetherOrNotTheNameExists() {
        users.setDisabled("李主任", true);

        assertThat(verificationsFor("张科长", PASSWORD)).isEqualTo(1);
        assertThat(verificationsFor("张科长", "wrong-password")).isEqualTo(1);
        assertThat(verificationsFor("路人甲", "wrong-password")).isEqualTo(1);
        assertThat(verificationsFor("李主任", PASSWORD)).isEqualTo(1);
        assertThat(verificationsFor("", "")).isEqualTo(1);
        assertThat(verificationsFor(null, null)).isEqualTo(1);
        assertThat(verificationsFor("张科长", "长".repeat(40))).isEqualTo(1);
    }

    @Test
    void onlyTheRightPasswordOfAnEnabledUserIsAccepted() {
        assertThat(users.checkPassword("张科长", PASSWORD.toCharArray())).isTrue();
        assertThat(users.checkPassword("张科长", "wrong-password".toCharArray())).isFalse();
        assertThat(users.checkPassword("路人甲", PASSWORD.toCharArray())).isFalse();

        users.setDisabled("张科长", true);

        assertThat(users.checkPassword("张科长", PASSWORD.toCharArray())).isFalse();
    }

    @Test
    void disablingEndsSessionsAndTokensAtOnceAndEnablingAllowsLoginButNotTheOldTokens() {
        String token = users.createToken("张科长");
        session("张科长", "c".repeat(64));

        assertThat(users.setDisabled("张科长", true)).isTrue();

        assertThat(users.authenticate(token)).isEmpty();
        assertThat(db.loginSessions().find("c".repeat(64))).isEmpty();
        assertThat(users.findActive("张科长")).isEmpty();
        assertThat(users.find("张科长")).hasValueSatisfying(u -> assertThat(u.disabled()).isTrue());
        assertThatThrownBy(() -> users.createToken("张科长")).isInstanceOf(UserException.class)
                .hasMessageContaining("已停用");
        assertThat(users.setDisabled("张科长", true)).isFalse();

        assertThat(users.setDisabled("张科长", false)).isTrue();
        assertThat(users.checkPassword("张科长", PASSWORD.toCharArray())).isTrue();
        assertThat(users.authenticate(token)).isEmpty();
        assertThatThrownBy(() -> users.setDisabled("路人甲", true)).isInstanceOf(UserException.class);
    }

    @Test
    void aPasswordResetEndsEverySessionAndTokenOfThatUserOnly() {
        String zhang = users.createToken("张科长");
        String li = users.createToken("李主任");
        session("张科长", "c".repeat(64));
        session("李主任", "d".repeat(64));

        users.changePassword("张科长", "new-password-Tea-9".toCharArray());

        assertThat(users.authenticate(zhang)).isEmpty();
        assertThat(db.loginSessions().find("c".repeat(64))).isEmpty();
        assertThat(users.authenticate(li)).isPresent();
        assertThat(db.loginSessions().find("d".repeat(64))).isPresent();
        assertThat(users.checkPassword("张科长", "new-password-Tea-9".toCharArray())).isTrue();
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOne() {
        String token = users.createToken("张科长");

        assertThatThrownBy(() -> users.changeOwnPassword("张科长", "wrong-password".toCharArray(),
                "new-password-Tea-9".toCharArray())).isInstanceOf(UserException.class).hasMessageContaining("当前密码");
        assertThat(users.checkPassword("张科长", PASSWORD.toCharArray())).isTrue();
        assertThat(users.authenticate(token)).isPresent();

        users.changeOwnPassword("张科长", PASSWORD.toCharArray(), "new-password-Tea-9".toCharArray());

        assertThat(users.checkPassword("张科长", "new-password-Tea-9".toCharArray())).isTrue();
        assertThat(users.authenticate(token)).isEmpty();
    }

    @Test
    void everyWayOfSettingAPasswordFollowsThePolicy() {
        assertThatThrownBy(() -> users.add("王五", Role.DRAFTER, "12345678".toCharArray()))
                .isInstanceOf(UserException.class).hasMessageContaining("至少 10 个字符");
        assertThatThrownBy(() -> users.changePassword("张科长", "1111111111".toCharArray()))
                .isInstanceOf(UserException.class).hasMessageContaining("简单重复");
        assertThatThrownBy(() -> users.changeOwnPassword("张科长", PASSWORD.toCharArray(),
                "password123".toCharArray())).isInstanceOf(UserException.class).hasMessageContaining("常见密码");
        assertThat(users.find("王五")).isEmpty();
        assertThat(users.checkPassword("张科长", PASSWORD.toCharArray())).isTrue();
    }

    @Test
    void aTokensLastUseIsRecordedAtMostEveryFiveMinutes() {
        Instant created = clock.instant();
        String token = users.createToken("张科长");
        assertThat(users.tokens("张科长")).singleElement().satisfies(t -> {
            assertThat(t.createdAt()).isEqualTo(created);
            assertThat(t.lastUsed()).isNull();
            assertThat(t.id()).isEqualTo(Users.tokenId(token));
        });

        clock.advance(Duration.ofMinutes(1));
        Instant firstUse = clock.instant();
        users.authenticate(token);
        clock.advance(Duration.ofMinutes(2));
        users.authenticate(token);
        assertThat(users.tokens("张科长").get(0).lastUsed()).isEqualTo(firstUse);

        clock.advance(Duration.ofMinutes(4));
        users.authenticate(token);
        assertThat(users.tokens("张科长").get(0).lastUsed()).isEqualTo(clock.instant());
    }

    @Test
    void oneTokenIsRevokedByItsIdOrAPrefixAndAllByTheUser() {
        String first = users.createToken("张科长");
        String second = users.createToken("张科长");
        String other = users.createToken("李主任");

        assertThatThrownBy(() -> users.revokeToken("李主任", Users.tokenId(first)))
                .isInstanceOf(UserException.class).hasMessageContaining("没有编号为");
        assertThatThrownBy(() -> users.revokeToken("张科长", "abc")).isInstanceOf(UserException.class)
                .hasMessageContaining("至少 6 位");
        ApiToken revoked = users.revokeToken("张科长", Users.tokenId(first).substring(0, 8).toUpperCase());

        assertThat(revoked.id()).isEqualTo(Users.tokenId(first));
        assertThat(users.authenticate(first)).isEmpty();
        assertThat(users.authenticate(second)).isPresent();
        assertThat(users.revokeTokens("张科长")).isEqualTo(1);
        assertThat(users.authenticate(second)).isEmpty();
        assertThat(users.authenticate(other)).isPresent();
    }
}
