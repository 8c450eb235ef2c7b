package cn.gongkai.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 成文日期 as staff and 公文 write it: {@code 2023-12-05}, {@code 2023年12月5日}, or in Chinese numerals
 * {@code 二〇二三年十二月五日} (the form older 红头文件 use; GB/T 9704-2012 asks for Arabic numerals now).
 */
public final class SignedDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern ARABIC = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern HAN = Pattern.compile("([〇零○Ｏ一二三四五六七八九]{4})年([十一二三四五六七八九]{1,3})月"
            + "([十一二三四五六七八九]{1,3})日");
    private static final String DIGITS = "〇一二三四五六七八九";

    private SignedDates() {
    }

    /** The date the whole of {@code text} (stripped) writes, or empty when it is no date or no real day. */
    public static Optional<LocalDate> parse(String text) {
        String s = text == null ? "" : text.strip();
        for (Pattern p : new Pattern[] {ISO, ARABIC}) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        }
        Matcher m = HAN.matcher(s);
        if (m.matches()) {
            return of(hanYear(m.group(1)), hanNumber(m.group(2)), hanNumber(m.group(3)));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        if (year < 1949 || year > 2200 || month < 1 || day < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int hanYear(String digits) {
        int year = 0;
        for (char c : digits.toCharArray()) {
            year = year * 10 + hanDigit(c);
        }
        return year;
    }

    private static int hanDigit(char c) {
        return switch (c) {
            case '零', '○', 'Ｏ' -> 0;
            default -> DIGITS.indexOf(c);
        };
    }

    /** 一 … 九, 十, 十一 … 十九, 二十 … 三十一; -1 when malformed. */
    private static int hanNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? hanDigit(s.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : (ten == 1 ? hanDigit(s.charAt(0)) : -1);
        int ones = ten == s.length() - 1 ? 0 : (ten == s.length() - 2 ? hanDigit(s.charAt(ten + 1)) : -1);
        return tens < 1 || ones < 0 || ones == 0 && ten != s.length() - 1 ? -1 : tens * 10 + ones;
    }
}
