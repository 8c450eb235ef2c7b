package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.inspect.AccountStatus;
import cn.gongkai.inspect.Finding;
import cn.gongkai.inspect.InspectionExport;
import cn.gongkai.inspect.InspectionPeriod;
import cn.gongkai.inspect.Inspector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gongkai inspect run|report}: what each account actually published, as the quarterly inspection sees it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "账号巡查：读取公众号实际发布的文章（含在微信后台手工发布的），检查错敏字、死链和未更新天数，导出季度巡查表",
        subcommands = {InspectCommands.Run.class, InspectCommands.Report.class})
final class InspectCommands extends CommandGroup {

    /** Each account's last update and idle days, and its findings. */
    static void print(List<AccountStatus> accounts, ZoneId zone, PrintWriter out) {
        Table t = new Table("公众号", "最近更新", "未更新天数", "问题");
        for (AccountStatus s : accounts) {
            t.row(s.account().name(), s.lastUpdate().map(at -> CliCommand.MINUTE.format(at.atZone(zone))).orElse("无"),
                    s.idle().text(), counts(s.findings()));
        }
        t.print(out);
        List<Finding> all = accounts.stream().flatMap(s -> s.findings().stream()).toList();
        if (!all.isEmpty()) {
            out.println();
            Table f = new Table("公众号", "问题类型", "文章", "问题内容", "建议");
            all.forEach(x -> f.row(x.account(), x.kind().label(), x.title(), x.problem(), x.suggestion()));
            f.print(out);
        }
    }

    private static String counts(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "无";
        }
        return findings.stream().collect(Collectors.groupingBy(f -> f.kind().label(), java.util.TreeMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("，"));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "读取各公众号新发布的文章（每个公众号通常只用 1 次 freepublish/batchget 调用），检查错敏字和链接，显示结果")
    static final class Run extends CliCommand {
        @Option(names = "--account", paramLabel = "A", description = "只巡查该公众号（默认本单位的全部公众号）")
        String account;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                PrintWriter out = out();
                List<Inspector.RunResult> results = unit.scope(w).isDistrict()
                        ? w.inspector().run(Optional.ofNullable(account))
                        : unit.accountIds(w, account).stream()
                                .flatMap(id -> w.inspector().run(Optional.of(id)).stream()).toList();
                boolean failed = false;
                for (Inspector.RunResult r : results) {
                    failed |= !r.error().isEmpty();
                    (r.error().isEmpty() ? out : err()).println(r.text());
                }
                out.println();
                print(results.stream().map(Inspector.RunResult::status).toList(), w.config().timezone(), out);
                return failed ? ExitCodes.WECHAT : ExitCodes.OK;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "巡查报表：各公众号期间更新数、最近更新、未更新天数和最近一次巡查发现的问题（默认本季度）")
    static final class Report extends CliCommand {
        @Option(names = "--from", paramLabel = "DATE", description = "开始日期，如 2026-10-01（与 --to 一起用）")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "结束日期（含当天）")
        String to;

        @Option(names = "--quarter", paramLabel = "Q", description = "季度，如 2026Q4")
        String quarter;

        @Option(names = "--format", defaultValue = "table", description = "table（直接显示）、csv 或 xlsx")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "csv、xlsx 的输出文件")
        Path file;

        @Option(names = "--facts-dir", paramLabel = "DIR",
                description = "年报事实文件目录，用来取单位名称（默认配置文件旁的 report/）")
        Path factsDir;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() throws IOException {
            String kind = format.toLowerCase(Locale.ROOT);
            if (!List.of("table", "csv", "xlsx").contains(kind)) {
                throw new UserError("--format 只能是 table、csv 或 xlsx：" + format);
            }
            if (!kind.equals("table") && file == null) {
                throw new UserError("--format " + kind + " 需要 --out 指定输出文件");
            }
            try (Wiring w = wire()) {
                ZoneId zone = w.config().timezone();
                InspectionPeriod period = period(LocalDate.now(w.clock().withZone(zone)));
                List<String> ids = unit.accountIds(w, null);
                List<AccountStatus> accounts = w.inspector().period(period).stream()
                        .filter(a -> unit.scope(w).isDistrict() || ids.contains(a.account().id())).toList();
                if (kind.equals("table")) {
                    out().println("巡查期间：" + period.text());
                    print(accounts, zone, out());
                    return ExitCodes.OK;
                }
                Path facts = factsDir != null ? factsDir
                        : ReportCommand.defaultFacts(Cli.configOf(spec), period.to().getYear()).getParent();
                InspectionExport export = w.inspectionExport(facts);
                write(kind.equals("xlsx") ? export.xlsx(period, accounts) : export.csv(accounts));
                out().println("已导出 " + period.text() + " 的账号巡查表到 " + file);
                return ExitCodes.OK;
            }
        }

        private InspectionPeriod period(LocalDate today) {
            if (quarter != null && (from != null || to != null)) {
                throw new UserError("--quarter 和 --from/--to 只能选一种");
            }
            if (quarter != null) {
                return InspectionPeriod.quarter(quarter);
            }
            if (from != null || to != null) {
                if (from == null || to == null) {
                    throw new UserError("--from 和 --to 要一起写");
                }
                return InspectionPeriod.between(from, to);
            }
            return InspectionPeriod.quarterOf(today);
        }

        /** Writes through a temporary file beside the target, so a failure leaves nothing half-written. */
        private void write(byte[] bytes) throws IOException {
            WholeFile.write(file, bytes);
        }
    }
}
