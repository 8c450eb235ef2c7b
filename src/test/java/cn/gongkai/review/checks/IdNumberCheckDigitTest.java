package cn.gongkai.review.checks;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 20: an ID-shaped number whose GB 11643 check digit is wrong is warned as a possible slip. */
class IdNumberCheckDigitTest {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** The check character computed here independently of the check: Σ digit × weight mod 11 → 1 0 X 9 … 2. */
    private static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static String withRightDigit(String first17) {
        return first17 + checkChar(first17);
    }

    /** The same number with a check digit that is not the right one. */
    private static String withWrongDigit(String first17) {
        char right = checkChar(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    private static List<Finding> found(String body) {
        return PrePublishChecks.defaults().check(anItem().category("其他").title("标题").body(body).build())
                .findings().stream().filter(f -> f.check().equals(PersonalDataCheck.ID)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "44030619850716123", "65010220000229456", "81000019780101333"})
    void aWrongCheckDigitOnARealShapedNumberIsAWarningOfAPossibleSlip(String first17) {
        String number = withWrongDigit(first17);
        assertThat(found("申请人 " + number + " 已受理。")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("疑似身份证号（校验位不符，可能是笔误）")
                    .contains(number.substring(0, 3) + "***********" + number.substring(14))
                    .doesNotContain(number);
            assertThat(f.snippet()).doesNotContain(number);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "44030619850716123", "32010219700101556"})
    void theRightCheckDigitStaysAnError(String first17) {
        String number = withRightDigit(first17);
        assertThat(found("申请人 " + number + " 已受理。")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).startsWith("疑似身份证号 ").doesNotContain("校验位");
        });
    }

    @Test
    void aLowercaseXIsTheSameCheckCharacter() {
        String first17 = findFirst17WithX();
        assertThat(found("号码 " + first17 + "x。")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    /** A real-shaped prefix whose check character is X, found by trying sequence numbers. */
    private static String findFirst17WithX() {
        for (int seq = 100; seq < 999; seq++) {
            String first17 = "11010219800515" + seq;
            if (checkChar(first17) == 'X') {
                return first17;
            }
        }
        throw new AssertionError("no sequence number gives X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491331002", "11010519490230005", "11010518991231002", "44030619850732123",
            "51010719990229001"})
    void numbersWithoutAValidBirthDateAreNotFlaggedWhateverTheirLastDigit(String first17) {
        assertThat(found("合同编号 " + withWrongDigit(first17) + "。")).isEmpty();
        assertThat(found("合同编号 " + withRightDigit(first17) + "。")).isEmpty();
    }

    @Test
    void aNumberWithoutAProvinceCodeAndAWrongDigitIsNotFlagged() {
        String first17 = "99010519491231002";
        assertThat(found("订单 " + withWrongDigit(first17) + "。")).isEmpty();
    }
}
