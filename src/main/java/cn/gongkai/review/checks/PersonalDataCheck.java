package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data that must not be published (inspections flag unmasked 身份证号, 手机号, 银行卡号): 18-digit resident
 * ID numbers whose birth date and checksum are valid, mainland mobile numbers, and bank card numbers that pass the
 * Luhn check. Each is an error with its position; the message shows the number masked. Masked numbers
 * (110101********1234, 138****5678) pass. An 18-digit number with a province code and a birth date but a wrong
 * check digit (GB 11643) is warned as a possible ID number with a slip in it; one that is no date passes.
 */
final class PersonalDataCheck implements Check {
    static final String ID = "personal-data";
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})(?![0-9])");
    private static final Pattern CARD = Pattern.compile(
            "(?<![0-9])\\d{4}(?:[ -]?\\d{4}){3}(?:[ -]?\\d{1,3})?(?![0-9])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    /** The province-level codes that begin a resident ID number (GB/T 2260, plus 台湾 71, 香港 81, 澳门 82, 83). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22",
            "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53",
            "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    @Override
    public void run(ItemContent c, Findings out) {
        for (TextFields.Field f : TextFields.of(c)) {
            scan(f.name(), f.text(), out);
        }
    }

    private static void scan(String field, String text, Findings out) {
        boolean[] taken = new boolean[text.length()];
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            if (isResidentId(id.group())) {
                mark(taken, id.start(), id.end());
                out.at(Severity.ERROR, ID, field, text, id.start(), id.end(), mask(id.group()), "疑似身份证号 "
                        + mask(id.group()) + "：公开信息不得包含个人身份证号，请删除或打码（如 110101********1234）");
            }
        }
        cards(field, text, taken, out);
        slips(field, text, taken, out);
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            if (!overlaps(taken, mobile.start(), mobile.end())) {
                String digits = mobile.group(1) + mobile.group(2) + mobile.group(3);
                out.at(Severity.ERROR, ID, field, text, mobile.start(), mobile.end(), mask(digits), "疑似手机号 "
                        + mask(digits) + "：公开信息不得包含个人手机号，请删除、打码（如 138****5678）或改用办公电话");
            }
        }
    }

    private static void cards(String field, String text, boolean[] taken, Findings out) {
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            String digits = card.group().replaceAll("[ -]", "");
            if (digits.length() >= 16 && digits.length() <= 19 && !overlaps(taken, card.start(), card.end())
                    && luhn(digits)) {
                mark(taken, card.start(), card.end());
                out.at(Severity.ERROR, ID, field, text, card.start(), card.end(), mask(digits), "疑似银行卡号 "
                        + mask(digits) + "：公开信息不得包含银行卡号，请删除或打码");
            }
        }
    }

    /** ID-shaped numbers whose check digit is wrong: probably an ID number with a typing slip, still personal. */
    private static void slips(String field, String text, boolean[] taken, Findings out) {
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            if (!overlaps(taken, id.start(), id.end()) && isMistypedId(id.group())) {
                mark(taken, id.start(), id.end());
                out.at(Severity.WARNING, ID, field, text, id.start(), id.end(), mask(id.group()),
                        "疑似身份证号（校验位不符，可能是笔误）" + mask(id.group())
                        + "：如是个人身份证号，请删除或打码（如 110101********1234）；如是其他编号，可忽略本提醒");
            }
        }
    }

    static boolean isResidentId(String s) {
        return hasBirthDate(s) && Character.toUpperCase(s.charAt(17)) == checkChar(s);
    }

    /** A province code and a birth date, but a check digit that does not match (GB 11643). */
    static boolean isMistypedId(String s) {
        return PROVINCES.contains(s.substring(0, 2)) && hasBirthDate(s)
                && Character.toUpperCase(s.charAt(17)) != checkChar(s);
    }

    /** The check character GB 11643 gives for the first 17 digits. */
    static char checkChar(String s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean hasBirthDate(String s) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.getYear() > 2100) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return true;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The first three and last four characters, the rest as asterisks. */
    static String mask(String s) {
        if (s.length() <= 7) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }

    private static boolean overlaps(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }
}
