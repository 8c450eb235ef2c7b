package cn.gongkai.review;

import cn.gongkai.review.HolidayFile.FestivalEntry;
import cn.gongkai.review.HolidayFile.Scalar;
import cn.gongkai.review.HolidayFile.YearEntry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one year of the holiday file and turns it into a {@link HolidayCalendar.Year}: dates parse, days off lie in
 * the year and do not overlap, a 调休 working day is a Saturday or Sunday of the year and no day off.
 */
final class HolidayYearCheck {
    /** Makes the refusal for a line; the file adds its name and the year. */
    interface Errors {
        IllegalArgumentException at(int line, String problem);
    }

    /** A listed date and where it was listed. */
    private record Listed(String festival, int line) {
    }

    private static final String TO = "至";
    private static final String DATE_FORMAT = "应写作 2024-02-10，或“2024-02-10 至 2024-02-17”（含两端）";

    private final int year;
    private final int yearLine;
    private final Errors errors;
    private final Map<LocalDate, Listed> off = new HashMap<>();
    private final Map<LocalDate, Listed> working = new HashMap<>();

    HolidayYearCheck(int year, int yearLine, Errors errors) {
        this.year = year;
        this.yearLine = yearLine;
        this.errors = errors;
    }

    HolidayCalendar.Year check(YearEntry entry) {
        if (entry.notice() == null || entry.notice().text().isBlank()) {
            throw errors.at(yearLine, "缺少“文号”（通知的文号，如 国办发明电〔2023〕7号）");
        }
        if (entry.festivals().isEmpty()) {
            throw errors.at(yearLine, "缺少“节日”（每个节日一行：名称、放假、上班）");
        }
        List<String> names = new ArrayList<>();
        List<List<LocalDate>> daysOff = new ArrayList<>();
        for (FestivalEntry f : entry.festivals()) {
            names.add(name(f));
            daysOff.add(daysOff(names.get(names.size() - 1), f));
        }
        List<HolidayCalendar.Festival> festivals = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<LocalDate> work = workingDays(names.get(i), entry.festivals().get(i));
            festivals.add(new HolidayCalendar.Festival(names.get(i), daysOff.get(i), work));
        }
        return new HolidayCalendar.Year(year, entry.notice().text().strip(), festivals);
    }

    private String name(FestivalEntry f) {
        if (f.name() == null || f.name().text().isBlank()) {
            int line = f.off().isEmpty() ? yearLine : f.off().get(0).line();
            throw errors.at(line, "节日缺少“名称”");
        }
        return f.name().text().strip();
    }

    private List<LocalDate> daysOff(String festival, FestivalEntry f) {
        if (f.off().isEmpty()) {
            throw errors.at(f.name().line(), festival + "没有写“放假”日期");
        }
        List<LocalDate> days = new ArrayList<>();
        for (Scalar s : f.off()) {
            for (LocalDate d : range(s)) {
                inYear(d, s, "放假日期");
                Listed before = off.putIfAbsent(d, new Listed(festival, s.line()));
                if (before != null) {
                    throw errors.at(s.line(), festival + "的放假日期 " + d + " 与第 " + before.line() + " 行"
                            + before.festival() + "的放假日期重叠");
                }
                days.add(d);
            }
        }
        return days;
    }

    private List<LocalDate> workingDays(String festival, FestivalEntry f) {
        List<LocalDate> days = new ArrayList<>();
        for (Scalar s : f.work()) {
            if (s.text().contains(TO)) {
                throw errors.at(s.line(), festival + "的调休上班日要逐日列出，不能写成范围：“" + s.text() + "”");
            }
            LocalDate d = date(s.text(), s);
            inYear(d, s, "调休上班日");
            refuseOrdinaryOrOff(festival, d, s);
            Listed before = working.putIfAbsent(d, new Listed(festival, s.line()));
            if (before != null) {
                throw errors.at(s.line(), "调休上班日 " + d + " 已在第 " + before.line() + " 行写过");
            }
            days.add(d);
        }
        return days;
    }

    private void refuseOrdinaryOrOff(String festival, LocalDate d, Scalar s) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw errors.at(s.line(), festival + "的调休上班日 " + d + " 是" + HolidayCalendar.weekday(d)
                    + "，本来就是工作日：调休上班日只能是星期六或星期日");
        }
        Listed asOff = off.get(d);
        if (asOff != null) {
            throw errors.at(s.line(), d + " 既是调休上班日，又是第 " + asOff.line() + " 行" + asOff.festival() + "的放假日");
        }
    }

    private List<LocalDate> range(Scalar s) {
        String[] ends = s.text().split(TO, -1);
        if (ends.length > 2) {
            throw errors.at(s.line(), "无法识别的日期“" + s.text() + "”：" + DATE_FORMAT);
        }
        LocalDate from = date(ends[0], s);
        LocalDate to = ends.length == 2 ? date(ends[1], s) : from;
        if (to.isBefore(from)) {
            throw errors.at(s.line(), "“" + s.text() + "”的结束日期早于开始日期");
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private LocalDate date(String text, Scalar s) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw errors.at(s.line(), "无法识别的日期“" + s.text() + "”：" + DATE_FORMAT);
        }
    }

    private void inYear(LocalDate d, Scalar s, String what) {
        if (d.getYear() != year) {
            throw errors.at(s.line(), what + " " + d + " 不在 " + year + " 年内（每年的安排只写本年的日期）");
        }
    }
}
