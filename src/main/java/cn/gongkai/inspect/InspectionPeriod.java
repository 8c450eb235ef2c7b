package cn.gongkai.inspect;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The days an inspection report covers, both included: a quarter (2026Q4) or any two dates. */
public record InspectionPeriod(LocalDate from, LocalDate to) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[Qq]([1-4])");

    public InspectionPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("期间的结束日期 " + to + " 早于开始日期 " + from + "，请检查 --from 和 --to");
        }
    }

    /** A quarter written like 2026Q4. */
    public static InspectionPeriod quarter(String text) {
        Matcher m = QUARTER.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("季度“" + text + "”写法不对，应写成 年份Q季度，如 2026Q4");
        }
        LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return new InspectionPeriod(start, start.plusMonths(3).minusDays(1));
    }

    /** Two dates written like 2026-10-01. */
    public static InspectionPeriod between(String from, String to) {
        return new InspectionPeriod(date(from, "--from"), date(to, "--to"));
    }

    /** The quarter that {@code day} falls in. */
    public static InspectionPeriod quarterOf(LocalDate day) {
        return quarter(day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }

    /** The first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after the period's last day in {@code zone}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** 2026-10-01 至 2026-12-31. */
    public String text() {
        return from + " 至 " + to;
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " 的日期“" + text + "”写法不对，应写成 2026-10-01", e);
        }
    }
}
