package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shipped config/holidays.yml: every year 2020–2026, each with the seven festivals of the 放假办法, no day listed
 * twice, 调休 days on weekends only, and the jar carries the same file.
 */
class ShippedHolidaysTest {
    private static final Path FILE = Path.of("config", "holidays.yml");
    private static final Set<String> FESTIVALS = Set.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
    private final HolidayCalendar calendar = HolidayCalendar.load(FILE);

    @Test
    void everyYearFrom2020To2026HasItsSevenFestivalsAndNotice() {
        assertThat(calendar.years()).containsExactlyElementsOf(IntStream.rangeClosed(2020, 2026).boxed().toList());
        for (int year : calendar.years()) {
            HolidayCalendar.Year y = calendar.year(year).orElseThrow();
            List<String> names = y.festivals().stream().flatMap(f -> Arrays.stream(f.name().split("、"))).toList();
            assertThat(names).as(year + " festivals").hasSize(7).containsExactlyInAnyOrderElementsOf(FESTIVALS);
            if (year < 2026) {
                assertThat(y.notice()).as(year + " notice").startsWith("国办发明电〔" + (year - 1) + "〕");
            }
        }
    }

    @Test
    void noDayIsListedTwiceAndMakeUpDaysAreWeekends() {
        Set<LocalDate> seen = new HashSet<>();
        for (int year : calendar.years()) {
            for (HolidayCalendar.Festival f : calendar.year(year).orElseThrow().festivals()) {
                List<LocalDate> days = new ArrayList<>(f.daysOff());
                days.addAll(f.workingWeekends());
                days.forEach(d -> assertThat(seen.add(d)).as(d + " listed twice").isTrue());
                days.forEach(d -> assertThat(d.getYear()).as(d + " in " + year).isEqualTo(year));
                assertThat(f.workingWeekends()).as(f.name() + " " + year)
                        .allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
            }
        }
    }

    @Test
    void the2020SpringFestivalRunsToTheExtendedSecondOfFebruary() {
        HolidayCalendar.Festival spring = calendar.year(2020).orElseThrow().festivals().get(1);
        assertThat(spring.name()).isEqualTo("春节");
        assertThat(spring.daysOff()).hasSize(10).startsWith(LocalDate.of(2020, 1, 24)).endsWith(LocalDate.of(2020, 2, 2));
        assertThat(spring.workingWeekends()).containsExactly(LocalDate.of(2020, 1, 19));
        assertThat(calendar.year(2020).orElseThrow().notice()).contains("国办发明电〔2020〕1号");
    }

    @Test
    void theJarCarriesTheSameFile() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/holidays.yml")) {
            assertThat(in).as("holidays.yml on the classpath").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(FILE, StandardCharsets.UTF_8));
        }
    }
}
