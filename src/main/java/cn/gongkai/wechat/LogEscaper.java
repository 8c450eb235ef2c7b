package cn.gongkai.wechat;

/**
 * Makes one log event one log line: user-controlled text (a title, a file name, a user name, a request path) with a
 * line break or another control character must not forge a second line that reads like the service's own. Control
 * characters are written as Java escapes ({@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}), as are the
 * Unicode line and paragraph separators and the bidirectional overrides that reorder what a reader sees.
 */
public final class LogEscaper {
    private LogEscaper() {
    }

    /** The text with every control character escaped; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
