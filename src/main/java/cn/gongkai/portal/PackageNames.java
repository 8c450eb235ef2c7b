package cn.gongkai.portal;

import java.util.Locale;
import java.util.Set;

/**
 * File names of a package that every receiver can store: no folders, none of the characters Windows, macOS or a
 * mail client refuse ({@code / \ : * ? " < > |}, control characters), no leading or trailing dots or spaces, not
 * a reserved Windows device name, and short enough for a mail attachment ({@value #MAX_CHARS} characters before
 * the extension).
 */
final class PackageNames {
    /** The longest name kept before the extension, in characters. */
    static final int MAX_CHARS = 60;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private PackageNames() {
    }

    /** The Word file's name: the title made safe, {@code 信息.docx} when nothing of it is left. */
    static String docx(String title) {
        String base = safe(title);
        return (base.isEmpty() ? "信息" : base) + ".docx";
    }

    /** A picture's name: {@code 图1-说明.jpg}, or {@code 图1.jpg} without a caption. */
    static String picture(int number, String caption, String extension) {
        String base = safe(caption);
        return "图" + number + (base.isEmpty() ? "" : "-" + base) + "." + extension;
    }

    /** The text as part of a file name: refused characters become {@code _}, spaces are collapsed, cut to length. */
    static String safe(String text) {
        StringBuilder sb = new StringBuilder();
        text.strip().codePoints().forEach(c -> sb.append(Character.isWhitespace(c) ? " " : refused(c) ? "_"
                : new String(Character.toChars(c))));
        String collapsed = sb.toString().replaceAll(" {2,}", " ");
        String cut = collapsed.codePointCount(0, collapsed.length()) <= MAX_CHARS ? collapsed
                : collapsed.substring(0, collapsed.offsetByCodePoints(0, MAX_CHARS));
        String trimmed = cut.replaceAll("^[. ]+|[. ]+$", "");
        return RESERVED.contains(trimmed.toLowerCase(Locale.ROOT)) ? trimmed + "_" : trimmed;
    }

    private static boolean refused(int c) {
        return c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0 || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL;
    }
}
