package cn.gongkai.inspect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Calendar days (configured zone) since an account's last publication, flagged 提醒 at {@link #WARN_DAYS} and
 * 不合格 at {@link #FAIL_DAYS}: the quarterly inspection fails an account without an update in the two weeks before
 * the check.
 *
 * @param days days since the last publication, or -1 when nothing was ever published
 */
public record IdleDays(long days, Flag flag) {
    public static final int WARN_DAYS = 10;
    public static final int FAIL_DAYS = 14;

    /** The flag, with the label staff see. */
    public enum Flag {
        OK(""), WARN("提醒"), FAIL("不合格");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The idle days on {@code today} after a last publication at {@code last}. */
    public static IdleDays of(Optional<Instant> last, LocalDate today, ZoneId zone) {
        if (last.isEmpty()) {
            return new IdleDays(-1, Flag.FAIL);
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(last.get().atZone(zone).toLocalDate(), today));
        return new IdleDays(days, days >= FAIL_DAYS ? Flag.FAIL : days >= WARN_DAYS ? Flag.WARN : Flag.OK);
    }

    /** "12 天（提醒）", "3 天", or "从未发布". */
    public String text() {
        if (days < 0) {
            return "从未发布（" + flag.label() + "）";
        }
        return days + " 天" + (flag == Flag.OK ? "" : "（" + flag.label() + "）");
    }
}
