package cn.gongkai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A publishing slot's Quartz cron expression in words, e.g. {@code 0 0 10 ? * MON-FRI} → 周一至周五 10:00. */
final class CronText {
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Map<String, String> DAY_NAMES = Map.of("MON", "周一", "TUE", "周二", "WED", "周三", "THU", "周四",
            "FRI", "周五", "SAT", "周六", "SUN", "周日");

    private CronText() {
    }

    static String of(String cron) {
        String[] f = cron.strip().split("\\s+");
        if (f.length < 6 || !f[0].matches("\\d+") || !f[1].matches("\\d+") || !f[2].matches("\\d+(,\\d+)*")
                || !(f[3].equals("?") || f[3].equals("*")) || !f[4].equals("*")) {
            return "按 cron 表达式 " + cron;
        }
        List<String> times = new ArrayList<>();
        for (String h : f[2].split(",")) {
            times.add(String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(h), Integer.parseInt(f[1])));
        }
        String days = days(f[5].toUpperCase(Locale.ROOT));
        return days == null ? "按 cron 表达式 " + cron : days + " " + String.join("、", times);
    }

    private static String days(String spec) {
        if (spec.equals("*") || spec.equals("?")) {
            return "每天";
        }
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.split("-");
            if (range.length == 2 && DAYS.contains(range[0]) && DAYS.contains(range[1])) {
                out.add(DAY_NAMES.get(range[0]) + "至" + DAY_NAMES.get(range[1]));
            } else if (range.length == 1 && DAYS.contains(range[0])) {
                out.add(DAY_NAMES.get(range[0]));
            } else {
                return null;
            }
        }
        return String.join("、", out);
    }
}
