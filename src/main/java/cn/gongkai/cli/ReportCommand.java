package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.Finding;
import cn.gongkai.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai report --year Y [--facts FILE] --out FILE.md|.html|.docx}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"生成《政府信息公开工作年度报告》草稿（2021 年格式），先做 V1–V12 和 P1（填写提示）核对，有错误时不导出。",
                "主动公开条数由发布台账统计；表二、表三、表四和单位撰写的文字来自事实文件。"})
final class ReportCommand extends CliCommand {
    @Option(names = "--year", required = true, paramLabel = "Y", description = "报告年度")
    int year;

    @Option(names = "--facts", paramLabel = "FILE",
            description = "事实文件（默认：配置文件所在目录下的 report/Y.yml，即 config/report/Y.yml；示例见 config/report/example.yml）")
    Path facts;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件：.md、.html 或 .docx")
    Path file;

    @Override
    public Integer call() throws IOException {
        ReportWriter.Format format = ReportWriter.Format.ofFile(file);
        Path factsFile = facts != null ? facts : defaultFacts(Cli.configOf(spec), year);
        PrintWriter stdout = out();
        PrintWriter err = err();
        try (Wiring w = wire()) {
            AnnualReports.Draft draft = w.reports().draft(year, factsFile, format);
            long errors = draft.findings().stream().filter(Finding::error).count();
            for (Finding f : draft.findings()) {
                err.println(f);
            }
            if (errors > 0) {
                err.println("报告未导出：核对发现 " + errors + " 个错误，请修改事实文件 " + factsFile + " 后重试。");
                return ExitCodes.USER;
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, draft.content());
            stdout.println("已生成 " + file + "（" + year + " 年主动公开 " + draft.counts().articles() + " 条；核对："
                    + (draft.findings().isEmpty() ? "全部通过" : draft.findings().size() + " 条提醒，见上") + "）");
            return ExitCodes.OK;
        }
    }

    /** config/report/Y.yml, or report/Y.yml beside the --config file. */
    static Path defaultFacts(Path config, int year) {
        Path file = config != null ? config : ConfigLoader.DEFAULT_FILE;
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve("report").resolve(year + ".yml");
    }
}
