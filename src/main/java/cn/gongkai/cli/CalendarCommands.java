package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.review.HolidayCalendar;
import cn.gongkai.review.HolidayCalendar.SpecialDay;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai calendar due|show}: working days by the State Council's holiday notices (config/holidays.yml). */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {"工作日日历：按国务院办公厅每年的节假日安排通知（节假日表，配置项 review.holidays-file）计算工作日。",
                "调休上班的周六、周日算工作日，放假日不算；表中没有的年份只跳过周六、周日。"},
        subcommands = {CalendarCommands.Due.class, CalendarCommands.Show.class})
final class CalendarCommands extends CommandGroup {
    @Command(name = "due", mixinStandardHelpOptions = true,
            description = {"从 DATE 的次日起数 N 个工作日，显示到期日和途经的节假日、调休上班日。",
                    "默认 20 个工作日：《政府信息公开条例》第二十六条的公开时限。"})
    static final class Due extends CliCommand {
        @Parameters(paramLabel = "DATE", description = "起算日，如 2024-02-08（从次日起数）")
        String date;

        @Option(names = "--days", paramLabel = "N", defaultValue = "20", description = "工作日数（默认 20）")
        int days;

        @Override
        public Integer call() {
            if (days < 1 || days > 365) {
                throw new UserError("--days 应为 1–365 的整数，而不是 " + days);
            }
            LocalDate start = parseDate(date);
            HolidayCalendar calendar = calendar(spec);
            LocalDate due = calendar.plus(start, days);
            PrintWriter out = out();
            out.println("从 " + day(start) + "的次日起 " + days + " 个工作日，到期日：" + day(due));
            printCrossed(calendar.specialDays(start, due), out);
            printBasis(calendar, start.getYear(), due.getYear(), out);
            return ExitCodes.OK;
        }

        private static void printCrossed(List<SpecialDay> crossed, PrintWriter out) {
            if (crossed.isEmpty()) {
                out.println("途经的节假日和调休上班日：无");
                return;
            }
            out.println("途经的节假日和调休上班日：");
            for (List<SpecialDay> run : runs(crossed)) {
                SpecialDay first = run.get(0);
                out.println("  " + (first.working() ? day(first.date()) + "  " + first.festival() + "调休上班"
                        : span(first.date(), run.get(run.size() - 1).date()) + "  " + first.festival() + "放假"));
            }
        }

        private static void printBasis(HolidayCalendar calendar, int from, int to, PrintWriter out) {
            List<String> notices = new ArrayList<>();
            for (int year = from; year <= to; year++) {
                int y = year;
                calendar.year(year).ifPresentOrElse(n -> notices.add(y + " 年：" + n.notice()),
                        () -> out.println("注意：节假日表中没有 " + y + " 年的安排，该年只跳过了周六、周日。"));
            }
            out.println("依据：" + (notices.isEmpty() ? "无" : String.join("；", notices)) + "（节假日表："
                    + calendar.source() + "）");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "显示一年的节假日安排：通知文号、各节日的放假日期和调休上班日。")
    static final class Show extends CliCommand {
        @Parameters(paramLabel = "YEAR", description = "年份，如 2024")
        int year;

        @Override
        public Integer call() {
            HolidayCalendar calendar = calendar(spec);
            HolidayCalendar.Year notice = calendar.year(year).orElseThrow(() -> new UserError("节假日表（"
                    + calendar.source() + "）中没有 " + year + " 年的安排（已有：" + known(calendar) + "）。"
                    + howToAdd(Cli.contextOf(spec).config(Cli.configOf(spec)), year)));
            PrintWriter out = out();
            out.println(year + " 年节假日安排：" + notice.notice() + "（节假日表：" + calendar.source() + "）");
            Table t = new Table("节日", "放假", "天数", "调休上班");
            int off = 0;
            int working = 0;
            for (HolidayCalendar.Festival f : notice.festivals()) {
                t.row(f.name(), spans(f.daysOff()), f.daysOff().size(), f.workingWeekends().isEmpty() ? "—"
                        : f.workingWeekends().stream().map(CalendarCommands::day).collect(Collectors.joining("、")));
                off += f.daysOff().size();
                working += f.workingWeekends().size();
            }
            t.print(out);
            out.println("合计：放假 " + off + " 天（含其中的周六、周日），调休上班 " + working + " 天。");
            return ExitCodes.OK;
        }
    }

    /** The configured calendar (a broken file is a configuration error, exit code 2). */
    static HolidayCalendar calendar(CommandLine.Model.CommandSpec spec) {
        return Wiring.holidays(Cli.contextOf(spec).config(Cli.configOf(spec)));
    }

    /** How an administrator adds {@code year} once its notice is out. */
    static String howToAdd(GongkaiConfig config, int year) {
        Path file = Path.of(config.review().holidaysFile());
        String where = Files.isRegularFile(file) ? "在节假日表 " + file + " 中"
                : "节假日表 " + file + " 还不存在（目前用的是程序内置的表）：从程序发布包复制 config/holidays.yml 到该位置，再在其中";
        return "国务院办公厅发布《关于" + year + "年部分节假日安排的通知》后（通常在 10–12 月），" + where + "照前一年的格式增加“"
                + year + ":”一节（文号，各节日的放假日期和调休上班日），重启服务，再运行 gongkai calendar show " + year + " 核对。";
    }

    private static String known(HolidayCalendar calendar) {
        return calendar.years().isEmpty() ? "无"
                : calendar.years().stream().map(String::valueOf).collect(Collectors.joining("、"));
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserError("无法识别的日期“" + text + "”：应写作 2024-02-08");
        }
    }

    /** Consecutive days off of one festival form one run; each 调休 day is a run of its own. */
    private static List<List<SpecialDay>> runs(List<SpecialDay> days) {
        List<List<SpecialDay>> runs = new ArrayList<>();
        for (SpecialDay d : days) {
            List<SpecialDay> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            SpecialDay prev = last == null ? null : last.get(last.size() - 1);
            boolean joins = prev != null && !d.working() && !prev.working() && prev.festival().equals(d.festival())
                    && prev.date().plusDays(1).equals(d.date());
            if (joins) {
                last.add(d);
            } else {
                runs.add(new ArrayList<>(List.of(d)));
            }
        }
        return runs;
    }

    /** Days off written as ranges of consecutive days, joined by 、. */
    private static String spans(List<LocalDate> days) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= days.size(); i++) {
            if (i == days.size() || !days.get(i - 1).plusDays(1).equals(days.get(i))) {
                out.add(span(days.get(start), days.get(i - 1)));
                start = i;
            }
        }
        return String.join("、", out);
    }

    private static String span(LocalDate from, LocalDate to) {
        return from.equals(to) ? day(from) : from + " 至 " + to;
    }

    static String day(LocalDate date) {
        return date + "（" + HolidayCalendar.weekday(date) + "）";
    }
}
