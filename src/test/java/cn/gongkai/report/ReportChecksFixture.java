package cn.gongkai.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the report checks share: a facts file written to a temporary folder, read, built into the
 * report, written as Markdown, and checked by {@link ReportChecks#run} - each check is tested through the one entry
 * point, as {@link AnnualReports} calls it.
 */
abstract class ReportChecksFixture {
    static final String ZEROS_7 = "[0, 0, 0, 0, 0, 0, 0]";

    @TempDir
    Path dir;

    List<Finding> check(String extra) throws IOException {
        write("2023.yml", base(2023) + extra);
        return run(2023);
    }

    List<Finding> run(int year) {
        Path file = dir.resolve(year + ".yml");
        ReportFacts facts = FactsFile.read(file);
        Path prev = dir.resolve((year - 1) + ".yml");
        ReportFacts previous = Files.exists(prev) ? FactsFile.read(prev) : null;
        AnnualReport report = report(facts);
        String md = new String(writer().write(report, ReportWriter.Format.MARKDOWN), StandardCharsets.UTF_8);
        return ReportChecks.run(year, facts, previous, prev.toString(), report, md);
    }

    ReportFacts facts(String extra) throws IOException {
        write("2023.yml", base(2023) + extra);
        return FactsFile.read(dir.resolve("2023.yml"));
    }

    static AnnualReport report(ReportFacts facts) {
        YearCounts counts = new YearCounts(2023, CountBy.CATEGORY, 9, 4,
                new java.util.LinkedHashMap<>(Map.of("招商引资", 3, "外资外贸", 0, "促消费", 5, "其他", 1)));
        return ReportBuilder.build(facts, counts);
    }

    static ReportWriter writer() {
        return new ReportWriter(Path.of("templates"));
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static String base(int year) {
        return "单位: 测试局\n年度: " + year + "\n发布日期: " + (year + 1) + "-01-15\n"
                + "存在的主要问题及改进情况: 问题与改进。\n其他需要报告的事项: 未收取费用。\n";
    }

    static String table3(String rows) {
        return "表三:\n  " + rows + "\n";
    }

    static String sections(String applications, String supervision) {
        return "总体情况:\n  小节:\n    - 标题: 依申请公开情况\n      内容: " + applications
                + "\n    - 标题: 监督保障\n      内容: " + supervision + "\n";
    }

    static String proactiveExtra(String text) {
        return "总体情况:\n  主动公开:\n    补充: " + text + "\n";
    }

    static List<Finding> findings(List<Finding> all, String check) {
        return all.stream().filter(f -> f.check().equals(check)).toList();
    }

    static List<Finding> errors(List<Finding> all, String check) {
        return findings(all, check).stream().filter(Finding::error).toList();
    }

    static List<Finding> errors(List<Finding> all) {
        return all.stream().filter(Finding::error).toList();
    }
}
