package cn.gongkai.report;

import java.math.BigDecimal;

/**
 * One cell of a report table as the facts file gave it.
 *
 * @param value    the number, or null when the cell was left blank, "/" or "—" (an error: V6)
 * @param raw      the text as written, for messages
 * @param computed true when the facts file left the cell out and it was derived (a total) or taken as 0
 */
public record Num(BigDecimal value, String raw, boolean computed) {
    public static final Num ZERO = new Num(BigDecimal.ZERO, "0", true);

    public Num {
        raw = raw == null ? "" : raw;
    }

    static Num of(long n) {
        return new Num(BigDecimal.valueOf(n), Long.toString(n), false);
    }

    static Num computed(BigDecimal v) {
        return new Num(v, v.toPlainString(), true);
    }

    public boolean blank() {
        return value == null;
    }

    /** The number as printed: never blank (a blank cell blocks the export before printing). */
    public String text() {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    BigDecimal orZero() {
        return value == null ? BigDecimal.ZERO : value;
    }
}
