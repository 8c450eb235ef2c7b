package cn.gongkai.review;

import java.time.LocalDate;

/**
 * Monday-to-Friday arithmetic, a façade over {@link HolidayCalendar#weekendsOnly()} for the callers not yet given the
 * configured {@link HolidayCalendar} (which also knows the State Council's holidays and 调休 working weekends).
 */
public final class WorkingDays {
    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code start} (a start on a weekend counts from the next Monday). */
    public static LocalDate plus(LocalDate start, int days) {
        return HolidayCalendar.weekendsOnly().plus(start, days);
    }

    public static boolean isWorkingDay(LocalDate d) {
        return HolidayCalendar.weekendsOnly().isWorkingDay(d);
    }
}
