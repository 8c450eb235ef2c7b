package cn.gongkai.report;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Cells of every CSV file the product writes, quoted by Apache Commons CSV (RFC 4180: a cell with a comma, a quote or
 * a line break is quoted with inner quotes doubled). Text that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula by Excel or WPS (a department written as
 * {@code =HYPERLINK("http://…","点此")} becomes a live link in the evidence export), so such a cell gets a leading
 * single quote (the OWASP CSV injection rule) and is always quoted. Numbers the product computes are written with
 * {@link #number} and stay numbers.
 */
public final class Csv {
    private static final CSVFormat WHEN_NEEDED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();
    private static final CSVFormat ALWAYS = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private Csv() {
    }

    /** A text cell, inert in a spreadsheet; null is an empty cell. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return startsAFormula(s) ? ALWAYS.format("'" + s) : WHEN_NEEDED.format(s);
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
