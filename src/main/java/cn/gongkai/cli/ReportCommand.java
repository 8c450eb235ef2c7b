package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.Finding;
import cn.gongkai.report.ReportWriter;
import cn.gongkai.report.UnitFactsFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai report --year Y [--unit U] [--facts FILE] --out FILE.md|.html|.docx}, and the district's summary
 * table {@code gongkai report --year Y --district --out FILE.xlsx}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"生成《政府信息公开工作年度报告》草稿（2021 年格式），先做 V1–V12 和 P1（填写提示）核对，有错误时不导出。",
                "主动公开条数由发布台账统计；表二、表三、表四和单位撰写的文字来自事实文件。",
                "配置了多个单位时用 --unit 指定单位（用该单位的事实文件目录和统计）；--district 输出全区政府信息公开工作年度报告汇总表（.xlsx）。"})
final class ReportCommand extends CliCommand {
    @Option(names = "--year", required = true, paramLabel = "Y", description = "报告年度")
    int year;

    @Option(names = "--facts", paramLabel = "FILE",
            description = "事实文件（默认：配置文件所在目录下的 report/Y.yml，即 config/report/Y.yml；多个单位时为该单位的事实文件目录；示例见 config/report/example.yml）")
    Path facts;

    @Option(names = "--unit", paramLabel = "U", description = "单位编号（配置了多个单位时必须写；只有一个单位时可不写）")
    String unit;

    @Option(names = "--district", description = "输出全区汇总表（各单位的发布数、表二至表四的主要数字和核对结果），--out 须为 .xlsx")
    boolean district;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件：.md、.html 或 .docx（--district 时为 .xlsx）")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (district) {
            if (unit != null || facts != null) {
                throw new UserError("--district 汇总全区各单位，不能与 --unit 或 --facts 一起使用");
            }
            try (Wiring w = wire()) {
                return DistrictReportTable.write(w, factsDir(Cli.configOf(spec)), year, file, out());
            }
        }
        ReportWriter.Format format = ReportWriter.Format.ofFile(file);
        try (Wiring w = wire()) {
            UnitConfig u = unitOf(w);
            String whose = w.config().severalUnits() ? u.name() + "：" : "";
            Path factsFile = facts != null ? facts
                    : UnitFactsFolder.of(w.config(), factsDir(Cli.configOf(spec)), u).resolve(year + ".yml");
            AnnualReports.Draft draft;
            try {
                draft = w.reports(u.id()).draft(year, factsFile, format);
            } catch (IllegalArgumentException e) {
                throw new UserError(whose + e.getMessage());
            }
            return write(draft, factsFile, whose);
        }
    }

    /** The unit asked for; with one unit it may go unnamed, with several it must be named and known. */
    private UnitConfig unitOf(Wiring w) {
        return UserUnits.scopeFor(w.config(), unit).unitId().flatMap(w.config()::unit)
                .orElse(w.config().units().get(0));
    }

    private int write(AnnualReports.Draft draft, Path factsFile, String whose) throws IOException {
        PrintWriter err = err();
        long errors = draft.findings().stream().filter(Finding::error).count();
        for (Finding f : draft.findings()) {
            err.println(f);
        }
        if (errors > 0) {
            err.println(whose + "报告未导出：核对发现 " + errors + " 个错误，请修改事实文件 " + factsFile + " 后重试。");
            return ExitCodes.USER;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, draft.content());
        out().println(whose + "已生成 " + file + "（" + year + " 年主动公开 " + draft.counts().articles() + " 条；核对："
                + (draft.findings().isEmpty() ? "全部通过" : draft.findings().size() + " 条提醒，见上") + "）");
        return ExitCodes.OK;
    }

    /** config/report/Y.yml, or report/Y.yml beside the --config file. */
    static Path defaultFacts(Path config, int year) {
        Path file = config != null ? config : ConfigLoader.DEFAULT_FILE;
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve("report").resolve(year + ".yml");
    }

    /** The folder of the facts files: report/ beside the configuration (each unit's folder is under it). */
    static Path factsDir(Path config) {
        return defaultFacts(config, 0).getParent();
    }
}
