package cn.gongkai.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Cells of every CSV file the product writes. Text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return would be run as a formula by Excel or WPS (a department written as
 * {@code =HYPERLINK("http://…","点此")} becomes a live link in the evidence export), so such a cell gets a leading
 * single quote (the OWASP CSV injection rule) and is quoted. Cells with a comma, a quote or a line break are quoted
 * with inner quotes doubled (RFC 4180). Numbers the product computes are written with {@link #number} and stay
 * numbers.
 */
public final class Csv {
    private Csv() {
    }

    /** A text cell, inert in a spreadsheet; null is an empty cell. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean formula = startsAFormula(s);
        String value = formula ? "'" + s : s;
        boolean quote = formula || value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** A number cell. */
    public static String number(long n) {
        return Long.toString(n);
    }

    /** A line of text cells, without the line end. */
    public static String line(List<String> texts) {
        return texts.stream().map(Csv::text).collect(Collectors.joining(","));
    }

    /** Whether a spreadsheet would read text with this start as a formula. */
    static boolean startsAFormula(String s) {
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
