package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy of issue 14: length, the user name, trivial repeats and the shipped common-password list. */
class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();

    private void refused(String password, String because) {
        assertThatThrownBy(() -> policy.check("zhangsan", password.toCharArray()))
                .isInstanceOf(UserException.class).hasMessageContaining(because);
    }

    @Test
    void refusesEightCharactersAndNineEvenWhenTheyAreNotCommon() {
        refused("12345678", "至少 10 个字符");
        refused("Xq7!pL2#m", "至少 10 个字符");
        assertThatThrownBy(() -> policy.check("zhangsan", "Xq7!pL2#m".toCharArray()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Xq7!pL2#m"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1111111111", "aaaaaaaaaaaa", "1234567890", "0987654321", "abcdefghij", "abcabcabca",
        "1212121212"})
    void refusesTrivialRepeatsAndRuns(String password) {
        refused(password, "简单重复或连续");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop", "password123", "password-123", "Password!!!", "iloveyou2024", "a123456789",
        "woaini1314"})
    void refusesCommonPasswordsAlsoWithDigitsOrPunctuationAddedAtTheEnd(String password) {
        refused(password, "常见密码");
    }

    @Test
    void refusesTheUserNameItself() {
        assertThatThrownBy(() -> policy.check("zhangkezhang", "ZhangKeZhang".toCharArray()))
                .isInstanceOf(UserException.class).hasMessageContaining("用户名");
        assertThatThrownBy(() -> policy.check("zhangkezhang", "zhangkezhang2024".toCharArray()))
                .isInstanceOf(UserException.class).hasMessageContaining("用户名");
    }

    @Test
    void refusesMoreThanBcryptCanHash() {
        refused("长".repeat(25), "最多 72 字节");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct-horse-1", "红旗区商务局公开办二〇二六", "Lao-Wang-Drinks-Tea", "mima-12345678"})
    void acceptsPasswordsThatMeetEveryRule(String password) {
        assertThatCode(() -> policy.check("zhangsan", password.toCharArray())).doesNotThrowAnyException();
    }

    @Test
    void theShippedListHoldsTheJohnListAndTheAdditions() {
        assertThat(policy.listSize()).isGreaterThan(3000);
        PasswordPolicy small = PasswordPolicy.load(new ByteArrayInputStream(
                "# comment\nsecretword\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(small.listSize()).isEqualTo(1);
        assertThatThrownBy(() -> small.check("u", "SecretWord".toCharArray())).isInstanceOf(UserException.class);
        assertThatCode(() -> small.check("u", "# comment!!".toCharArray())).doesNotThrowAnyException();
    }
}
