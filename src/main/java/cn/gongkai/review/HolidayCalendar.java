package cn.gongkai.review;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working-day calendar of the State Council's yearly holiday notices (国务院办公厅关于某年部分节假日安排的通知): a
 * listed day off is no working day, a listed 调休 weekend day is one, any other day is one from Monday to Friday. A
 * year the calendar does not cover counts weekends only; {@link #covers} says which years it knows. Immutable; read
 * from {@code config/holidays.yml} by {@link #load} (or {@link #parse}), which refuses a file that contradicts itself.
 */
public final class HolidayCalendar {
    private static final HolidayCalendar WEEKENDS_ONLY = new HolidayCalendar("（无节假日表）", List.of());

    /** One festival of a notice: its name (two when merged, 国庆节、中秋节), its days off and its 调休 working days. */
    public record Festival(String name, List<LocalDate> daysOff, List<LocalDate> workingWeekends) {
        public Festival {
            daysOff = List.copyOf(daysOff);
            workingWeekends = List.copyOf(workingWeekends);
        }
    }

    /** One year's notice: its number (文号) and festivals in the notice's order. */
    public record Year(int year, String notice, List<Festival> festivals) {
        public Year {
            festivals = List.copyOf(festivals);
        }
    }

    /** A day that is not what its weekday says: a day off of {@code festival}, or ({@code working}) a 调休 day. */
    public record SpecialDay(LocalDate date, String festival, boolean working) {
    }

    private final String source;
    private final SortedMap<Integer, Year> years;
    private final Map<LocalDate, SpecialDay> special;

    HolidayCalendar(String source, List<Year> years) {
        this.source = source;
        SortedMap<Integer, Year> byYear = new TreeMap<>();
        Map<LocalDate, SpecialDay> days = new HashMap<>();
        for (Year y : years) {
            byYear.put(y.year(), y);
            for (Festival f : y.festivals()) {
                f.daysOff().forEach(d -> days.put(d, new SpecialDay(d, f.name(), false)));
                f.workingWeekends().forEach(d -> days.put(d, new SpecialDay(d, f.name(), true)));
            }
        }
        this.years = Collections.unmodifiableSortedMap(byYear);
        this.special = Map.copyOf(days);
    }

    /** A calendar that knows no year: Monday to Friday are working days. */
    public static HolidayCalendar weekendsOnly() {
        return WEEKENDS_ONLY;
    }

    /**
     * Reads and checks a holiday file; a mistake is an {@link IllegalArgumentException} naming the year, the line and
     * the problem in Chinese.
     */
    public static HolidayCalendar load(Path file) {
        return HolidayFile.read(file);
    }

    /** Reads and checks the text of a holiday file; {@code source} names it in messages. */
    public static HolidayCalendar parse(String text, String source) {
        return HolidayFile.parse(text, source);
    }

    /** Where the calendar was read from, for messages. */
    public String source() {
        return source;
    }

    /** Whether the file has a section for {@code year}; a year it lacks counts weekends only. */
    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** The years the file covers, in order. */
    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    /** The notice of {@code year}, when the file has one. */
    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean isWorkingDay(LocalDate date) {
        SpecialDay day = special.get(date);
        if (day != null) {
            return day.working();
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The date {@code days} working days after {@code start}, counted from the day after it. */
    public LocalDate plus(LocalDate start, int days) {
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

    /** The weekday in Chinese, 星期一 … 星期日. */
    public static String weekday(LocalDate date) {
        return "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
    }

    /** The listed days off and 调休 working days after {@code from} up to and including {@code to}, in order. */
    public List<SpecialDay> specialDays(LocalDate from, LocalDate to) {
        List<SpecialDay> out = new ArrayList<>();
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            SpecialDay day = special.get(d);
            if (day != null) {
                out.add(day);
            }
        }
        return out;
    }
}
