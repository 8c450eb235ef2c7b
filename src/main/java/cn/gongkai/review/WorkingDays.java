package cn.gongkai.review;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working-day arithmetic: Monday to Friday count; public holidays and make-up working weekends are not modelled. */
public final class WorkingDays {
    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code start} (a start on a weekend counts from the next Monday). */
    public static LocalDate plus(LocalDate start, int days) {
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    public static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
