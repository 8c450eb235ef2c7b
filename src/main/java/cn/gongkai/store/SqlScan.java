package cn.gongkai.store;

/**
 * The tokens Jdbi's statement lexers copy untouched — block comments, line comments ({@code --} and {@code //} to
 * the end of the line), single-quoted text (with {@code \'}) and
 * double-quoted text — and the names of parameters and defines, shared by {@link ColonSqlParser} and
 * {@link DefineTemplates}.
 */
final class SqlScan {
    private SqlScan() {
    }

    /**
     * The end (exclusive) of a comment or quoted text starting at {@code i}, or {@code i} when none starts there
     * (also when it is never closed: the lexers then read its first character as plain text).
     */
    static int skippedEnd(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? i : end + 2;
        }
        if ((c == '/' || c == '-') && i + 1 < sql.length() && sql.charAt(i + 1) == c) {
            int end = i + 2;
            while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
                end++;
            }
            return end;
        }
        if (c == '\'') {
            int end = quotedEnd(sql, i);
            return end < 0 ? i : end + 1;
        }
        if (c == '"') {
            int end = sql.indexOf('"', i + 1);
            // DOUBLE_QUOTED_TEXT needs at least one character between the quotes.
            return end < 0 || end == i + 1 ? i : end + 1;
        }
        return i;
    }

    /**
     * The index of the quote closing the single-quoted text opened at {@code start}, or -1. As in the ANTLR lexer
     * (longest match), {@code \'} may either escape the quote or end the text: the text ends at the first quote
     * without a backslash before it, or else at the last quote with one.
     */
    private static int quotedEnd(String sql, int start) {
        int lastEscaped = -1;
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == '\'') {
                if (i - 1 > start && sql.charAt(i - 1) == '\\') {
                    lastEscaped = i;
                } else {
                    return i;
                }
            }
        }
        return lastEscaped;
    }

    /**
     * Where a name starting at {@code from} ends (exclusive); {@code from} when there is none. A name is made of
     * ASCII letters, digits, {@code _}, {@code $}, {@code .} and non-ASCII characters, and of {@code ?.} when
     * {@code questionDot} (parameter names such as {@code :user?.name}).
     */
    static int nameEnd(String sql, int from, boolean questionDot) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (questionDot && c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '.') {
                i += 2;
            } else if (c == '.' || c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c > 0x7F) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }
}
