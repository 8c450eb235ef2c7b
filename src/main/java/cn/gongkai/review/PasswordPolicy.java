package cn.gongkai.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a new password must meet, wherever one is set (CLI {@code user add} and {@code user passwd}, the
 * console): at least {@link #MIN_LENGTH} characters and at most {@link #MAX_BYTES} bytes in UTF-8 (bcrypt's limit);
 * not the user name; not a trivial repeat or run such as {@code 1111111111} or {@code 1234567890}; and not in the
 * list of common passwords shipped with the product ({@code common-passwords.txt}, whose header names its sources),
 * also not when only digits or punctuation were added at its end ({@code password-123}). A refusal is a
 * {@link UserException} naming the rule, in Chinese; it never repeats the password.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    private static final String LIST = "common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the common-password list shipped in the jar. */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    /** The rules in one line, for forms and prompts. */
    public static String summary() {
        return "至少 " + MIN_LENGTH + " 个字符，不能是用户名、常见密码或 1111111111、1234567890 这类简单重复";
    }

    /**
     * Refuses a password that breaks a rule.
     *
     * @throws UserException naming the rule that was broken
     */
    public void check(String user, char[] password) {
        if (password == null || String.valueOf(password).codePointCount(0, password.length) < MIN_LENGTH) {
            throw new UserException("密码至少 " + MIN_LENGTH + " 个字符，请换一个更长的密码（可用一句容易记住的话）");
        }
        String pw = String.valueOf(password);
        if (pw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new UserException("密码过长：最多 " + MAX_BYTES + " 字节（约 24 个汉字或 72 个英文字符）");
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        String core = stripTail(lower);
        String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && (lower.equals(name) || core.equals(name))) {
            throw new UserException("密码不能是用户名（或用户名加数字），请换一个");
        }
        if (trivial(pw)) {
            throw new UserException("密码不能是 1111111111、1234567890、abcabcabca 这类简单重复或连续的字符，请换一个");
        }
        if (common.contains(lower) || !core.isEmpty() && common.contains(core)) {
            throw new UserException("这是常见密码（在产品附带的常见密码表中，或只是在常见密码后加了数字或符号），"
                    + "容易被猜中，请换一个");
        }
    }

    /** The password without the digits and punctuation at its end. */
    private static String stripTail(String lower) {
        int end = lower.length();
        while (end > 0) {
            char c = lower.charAt(end - 1);
            if (Character.isLetter(c) || Character.isWhitespace(c) || Character.isHighSurrogate(c)
                    || Character.isLowSurrogate(c)) {
                break;
            }
            end--;
        }
        return lower.substring(0, end);
    }

    /** A short unit repeated ({@code 1111111111}, {@code abcabcabca}) or a run of consecutive characters. */
    static boolean trivial(String pw) {
        int[] cps = pw.codePoints().toArray();
        for (int unit = 1; unit <= 4 && unit < cps.length; unit++) {
            boolean repeats = true;
            for (int i = unit; i < cps.length && repeats; i++) {
                repeats = cps[i] == cps[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        return run(cps, 1) || run(cps, -1) || digitRun(cps);
    }

    private static boolean run(int[] cps, int step) {
        for (int i = 1; i < cps.length; i++) {
            if (cps[i] - cps[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    /** 1234567890 and 0987654321: a digit run that wraps from 9 to 0 (or back). */
    private static boolean digitRun(int[] cps) {
        for (int step : new int[] {1, 9}) {
            boolean ok = true;
            for (int i = 0; i < cps.length && ok; i++) {
                ok = Character.isDigit(cps[i]) && cps[i] < 128
                        && (i == 0 || (cps[i] - '0') == (cps[i - 1] - '0' + step) % 10);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    static PasswordPolicy load(InputStream in) {
        Set<String> words = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-password list", e);
        }
        return new PasswordPolicy(words);
    }

    /** Number of entries of the common-password list (for tests and {@code doctor}). */
    int listSize() {
        return common.size();
    }

    private static final class Holder {
        static final PasswordPolicy STANDARD = loadStandard();

        private static PasswordPolicy loadStandard() {
            InputStream in = PasswordPolicy.class.getResourceAsStream(LIST);
            if (in == null) {
                throw new IllegalStateException("the common-password list " + LIST + " is missing from the jar");
            }
            return load(in);
        }
    }
}
