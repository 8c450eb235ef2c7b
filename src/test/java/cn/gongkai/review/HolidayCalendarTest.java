package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due dates across the Spring Festival and National Day of several years, counted by hand from the State Council's
 * notices (the 调休 Saturdays and Sundays included), with the shipped config/holidays.yml.
 */
class HolidayCalendarTest {
    static HolidayCalendar calendar;

    @BeforeAll
    static void load() {
        calendar = HolidayCalendar.load(Path.of("config", "holidays.yml"));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 2020: 春节 1月24日至30日, extended to 2月2日 (国办发明电〔2020〕1号); 1月19日 (Sunday) worked; 2月1日 no longer
            "2020-01-17, 1, 2020-01-19",
            "2020-01-23, 1, 2020-02-03",
            // 2021: 国庆节 10月1日至7日, 10月9日 (Saturday) worked
            "2021-09-30, 2, 2021-10-09",
            // 2022: 国庆节 10月1日至7日, 10月8日 (Saturday) and 9日 (Sunday) worked
            "2022-09-30, 1, 2022-10-08",
            "2022-09-30, 3, 2022-10-10",
            // 2023: 中秋节、国庆节 9月29日至10月6日, 10月7日 (Saturday) and 8日 (Sunday) worked
            "2023-09-28, 3, 2023-10-09",
            // 2024: 春节 2月10日至17日, 2月4日 and 18日 (Sundays) worked
            "2024-02-08, 5, 2024-02-21",
            "2024-02-01, 20, 2024-03-05",
            // 2025: 春节 1月28日至2月4日, 1月26日 (Sunday) and 2月8日 (Saturday) worked
            "2025-01-24, 3, 2025-02-05",
            "2025-02-05, 3, 2025-02-08",
            // 2025: 国庆节、中秋节 10月1日至8日, 9月28日 (Sunday) and 10月11日 (Saturday) worked
            "2025-09-26, 1, 2025-09-28",
            "2025-09-30, 3, 2025-10-11",
            // 2026: 春节 2月15日至23日, 2月14日 and 28日 (Saturdays) worked
            "2026-02-13, 1, 2026-02-14",
            "2026-02-13, 2, 2026-02-24",
            // 2026: 国庆节 10月1日至7日, 9月20日 (Sunday) and 10月10日 (Saturday) worked
            "2026-09-30, 3, 2026-10-10",
    })
    void dueDatesFollowTheNotices(LocalDate start, int days, LocalDate due) {
        assertThat(calendar.plus(start, days)).isEqualTo(due);
    }

    @Test
    void aMakeUpWeekendIsAWorkingDayAndAListedWeekdayOffIsNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).as("Sunday, 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 14))).as("Wednesday, 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 9))).as("除夕 2024: not listed").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 1))).as("2020-02-01: 调休 cancelled").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 3, 9))).as("an ordinary Saturday").isFalse();
    }

    @Test
    void aYearTheFileLacksCountsWeekendsOnly() {
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.plus(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.plus(LocalDate.of(2019, 12, 31), 1)).as("into 2020: 元旦").isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(HolidayCalendar.weekendsOnly().plus(LocalDate.of(2024, 2, 8), 5)).isEqualTo(LocalDate.of(2024, 2, 15));
    }

    @Test
    void theDaysCrossedAreListedInOrder() {
        assertThat(calendar.specialDays(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 21)))
                .extracting(HolidayCalendar.SpecialDay::date, HolidayCalendar.SpecialDay::working)
                .hasSize(9)
                .startsWith(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 2, 10), false))
                .endsWith(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 2, 18), true));
        assertThat(HolidayCalendar.weekday(LocalDate.of(2024, 2, 18))).isEqualTo("星期日");
    }
}
