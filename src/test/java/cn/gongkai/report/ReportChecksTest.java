package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the checks V1–V12 (annual-report-format.md §6) with a report that fails it and one that passes it. */
class ReportChecksTest {
    private static final String ZEROS_7 = "[0, 0, 0, 0, 0, 0, 0]";

    @TempDir
    Path dir;

    // ---- V1: 第一项加第二项之和，等于第三项加第四项之和 ----

    @Test
    void v1FailsWhenRequestsDoNotEqualOutcomesPlusCarriedOverAndNamesColumnAndBothSums() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 0, 0, 0, 0, 0, 2]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(errors(f, "V1")).hasSize(2).first().asString()
                .contains("表三", "“自然人”列", "第一项加第二项之和 2", "第三项加第四项之和 1", "（七）总计 1",
                        "四、结转下年度继续办理 0");
    }

    @Test
    void v1PassesWhenEveryColumnBalances() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 1, 0, 0, 0, 0, 3]\n  上年结转: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  予以公开: [2, 0, 0, 0, 0, 0, 2]\n  部分公开: [0, 1, 0, 0, 0, 0, 1]\n"
                + "  结转下年度: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(errors(f)).isEmpty();
    }

    // ---- V2: 总计 = the six applicant columns ----

    @Test
    void v2FailsWhenARowsTotalIsNotTheSumOfItsApplicants() throws IOException {
        List<Finding> f = check(table3("本年新收: [1, 1, 0, 0, 0, 0, 1]\n  予以公开: [1, 1, 0, 0, 0, 0, 1]"));

        assertThat(errors(f, "V2")).hasSize(3).first().asString()
                .contains("表三“一、本年新收政府信息公开申请数量”行“总计”列为 1", "六列之和为 2", "1 + 1 + 0");
    }

    @Test
    void v2PassesWhenTotalsAreLeftOutAndAdded() throws IOException {
        List<Finding> f = check(table3("本年新收: [1, 1, 0, 0, 0, 0]\n  予以公开: [1, 1, 0, 0, 0, 0]"));

        assertThat(errors(f)).isEmpty();
    }

    // ---- V3: （七）总计 = the outcomes ----

    @Test
    void v3FailsWhenTheStatedGrandTotalIsNotTheSumOfTheOutcomes() throws IOException {
        List<Finding> f = check(table3("本年新收: [3, 0, 0, 0, 0, 0, 3]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  重复申请: [1, 0, 0, 0, 0, 0, 1]\n  总计: [3, 0, 0, 0, 0, 0, 3]"));

        assertThat(errors(f, "V3")).hasSize(2).first().asString()
                .contains("“（七）总计”行“自然人”列为 3", "各项办理结果之和为 2");
    }

    @Test
    void v3PassesWhenTheStatedGrandTotalAddsUp() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 0, 0, 0, 0, 0, 2]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  重复申请: [1, 0, 0, 0, 0, 0, 1]\n  总计: [2, 0, 0, 0, 0, 0, 2]"));

        assertThat(errors(f)).isEmpty();
    }

    // ---- V4: table 四 总计 ----

    @Test
    void v4FailsWhenAReviewOrLawsuitTotalDoesNotAddUp() throws IOException {
        List<Finding> f = check("表四:\n  行政复议: [1, 0, 0, 0, 2]\n  复议后起诉: [0, 1, 0, 0, 0]\n");

        assertThat(errors(f, "V4")).hasSize(2);
        assertThat(errors(f, "V4").get(0)).asString().contains("表四“行政复议”的“总计”列为 2", "之和为 1");
        assertThat(errors(f, "V4").get(1)).asString().contains("行政诉讼·复议后起诉");
    }

    @Test
    void v4PassesWhenEachGroupAddsUp() throws IOException {
        List<Finding> f = check("表四:\n  行政复议: [1, 0, 0, 1, 2]\n  未经复议直接起诉: [0, 0, 0, 1]\n");

        assertThat(errors(f)).isEmpty();
    }

    // ---- V5: whole numbers ≥ 0; the fee may be a decimal ----

    @Test
    void v5FailsOnNegativeFractionalOrNonNumericCounts() throws IOException {
        List<Finding> f = check("表二:\n  行政许可: -1\n  行政处罚: 1.5\n  行政强制: 三\n  行政事业性收费: -2\n");

        assertThat(errors(f, "V5")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("表二“行政许可”行“本年处理决定数量”列为负数 -1"),
                m -> assertThat(m).contains("“行政处罚”", "1.5", "整数"),
                m -> assertThat(m).contains("“行政强制”", "不是数字：“三”"),
                m -> assertThat(m).contains("“行政事业性收费”行“本年收费金额（单位：万元）”列为负数 -2"));
    }

    @Test
    void v5PassesADecimalFeeInTenThousandYuan() throws IOException {
        List<Finding> f = check("表二:\n  行政许可: 12\n  行政事业性收费: 2.35\n");

        assertThat(errors(f)).isEmpty();
    }

    // ---- V6: 0, never blank ----

    @Test
    void v6FailsOnABlankSlashOrDashCell() throws IOException {
        List<Finding> f = check("表二:\n  规章: [0, /, 0]\n  行政许可: ~\n  行政处罚: —\n");

        assertThat(errors(f, "V6")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("表二“规章”行“本年废止件数”列写作“/”", "没有的填 0"),
                m -> assertThat(m).contains("“行政许可”", "为空"),
                m -> assertThat(m).contains("“行政处罚”", "写作“—”"));
    }

    @Test
    void v6PassesWhenEveryCellIsANumberAndPrintsZeroNotBlank() throws IOException {
        List<Finding> f = check("");

        assertThat(errors(f)).isEmpty();
        String md = new String(writer().write(report(facts("")), ReportWriter.Format.MARKDOWN), StandardCharsets.UTF_8);
        assertThat(md).contains("| 行政许可 | 0 |").doesNotContain("| / |");
    }

    // ---- V7: this year's 上年结转 = last year's 结转下年度 (warning) ----

    @Test
    void v7WarnsWhenCarriedOverDiffersFromLastYearsCarriedForward() throws IOException {
        write("2022.yml", base(2022) + table3("结转下年度: [1, 0, 0, 0, 0, 0, 1]\n  本年新收: [1, 0, 0, 0, 0, 0, 1]"));

        List<Finding> f = check("");

        assertThat(findings(f, "V7")).hasSize(2).first().satisfies(w -> {
            assertThat(w.error()).isFalse();
            assertThat(w.message()).contains("“自然人”列", "上年结转", "为 0", "2022.yml", "结转下年度继续办理", "为 1");
        });
        assertThat(errors(f)).isEmpty();
    }

    @Test
    void v7PassesWhenTheYearsJoinAndSaysSoWhenLastYearIsMissing() throws IOException {
        assertThat(findings(check(""), "V7")).singleElement().asString().contains("没有找到上年的事实文件");

        write("2022.yml", base(2022) + table3("结转下年度: [1, 0, 0, 0, 0, 0, 1]\n  本年新收: [1, 0, 0, 0, 0, 0, 1]"));
        List<Finding> f = check(table3("上年结转: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V7")).isEmpty();
    }

    // ---- V8: numbers in the prose = the tables (warning) ----

    @Test
    void v8WarnsWhenTheProseContradictsTheTables() throws IOException {
        List<Finding> f = check(sections("2023年我局无依申请公开事项。", "全年被申请行政复议2件。")
                + table3("本年新收: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V8")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("没有依申请公开事项", "为 1"),
                m -> assertThat(m).contains("行政复议 2 件", "表四“行政复议·总计”为 0"));
    }

    @Test
    void v8PassesWhenTheProseAgreesWithTheTables() throws IOException {
        List<Finding> f = check(sections("2023年共收到政府信息公开申请1件，已按时答复。", "全年未发生行政复议和行政诉讼。")
                + table3("本年新收: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V8")).isEmpty();
    }

    // ---- V9: a stated total = the sum of its parts (warning) ----

    @Test
    void v9WarnsWhenAStatedTotalIsNotTheSumOfItsParts() throws IOException {
        List<Finding> f = check(proactiveExtra("通过区政府门户网站公开信息共20条，其中政策文件8条、工作动态10条。"));

        assertThat(findings(f, "V9")).singleElement().asString().contains("共 20 条", "之和为 18", "8 + 10");
    }

    @Test
    void v9PassesWhenThePartsAddUpAndTheGeneratedBreakdownAlwaysDoes() throws IOException {
        List<Finding> f = check("分类明细: true\n"
                + proactiveExtra("通过区政府门户网站公开信息共20条，其中政策文件8条、工作动态12条。"));

        assertThat(findings(f, "V9")).isEmpty();
        AnnualReport r = report(facts("分类明细: true\n"));
        assertThat(r.paragraphs()).extracting(AnnualReport.Located::text)
                .anyMatch(t -> t.contains("共9条，其中促消费5条、招商引资3条、其他1条。"));
    }

    // ---- V10: labels exactly as the 2021 format ----

    @Test
    void v10FailsWhenAnEditedTemplateDropsOrMisspellsALabel() throws IOException {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("report"));
        Files.writeString(templates.resolve("report/report.md.ftl"),
                "# ${title}\n\n| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规范性文件 | 0 |\n", StandardCharsets.UTF_8);
        ReportFacts facts = facts("");
        AnnualReport report = report(facts);
        String md = new String(new ReportWriter(templates).write(report, ReportWriter.Format.MARKDOWN),
                StandardCharsets.UTF_8);

        List<Finding> f = ReportChecks.run(2023, facts, null, "none", report, md);

        assertThat(errors(f, "V10")).extracting(Finding::message)
                .anyMatch(m -> m.contains("缺少规定的标签“行政规范性文件”"))
                .anyMatch(m -> m.contains("缺少规定的标签“三、收到和处理政府信息公开申请情况”"))
                .anyMatch(m -> m.contains("旧格式或不规范的标签“规范性文件”，应为“行政规范性文件”"));
    }

    @Test
    void v10PassesForTheBundledTemplatesAndTheWordFile() throws IOException {
        ReportFacts facts = facts("");
        AnnualReport report = report(facts);
        for (ReportWriter.Format format : ReportWriter.Format.values()) {
            String text = ReportWriter.textOf(writer().write(report, format), format);
            assertThat(errors(ReportChecks.run(2023, facts, null, "none", report, text), "V10")).as(format.name())
                    .isEmpty();
        }
    }

    // ---- V11: each request counted once ----

    @Test
    void v11FailsWhenARequestIsCountedUnderTwoOutcomes() throws IOException {
        List<Finding> f = check(table3("本年新收: [1, 0, 0, 0, 0, 0, 1]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  部分公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(errors(f, "V11")).hasSize(2).first().asString()
                .contains("“自然人”列", "之和 2 多于申请数 1", "部分公开的只计入（二）");
    }

    @Test
    void v11PassesWhenEachRequestHasOneOutcome() throws IOException {
        List<Finding> f = check(table3("本年新收: [2, 0, 0, 0, 0, 0, 2]\n  予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "  部分公开: [1, 0, 0, 0, 0, 0, 1]"));

        assertThat(findings(f, "V11")).isEmpty();
    }

    // ---- V12: the calendar year, published by 31 January ----

    @Test
    void v12FailsOnTheWrongYearPeriodOrPublicationDate() throws IOException {
        write("2023.yml", "单位: 测试局\n年度: 2022\n发布日期: 2024-02-05\n统计期限: [2023-02-01, 2023-12-31]\n");
        List<Finding> f = run(2023);

        assertThat(errors(f, "V12")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("“年度”为 2022", "2023 年的报告"),
                m -> assertThat(m).contains("统计期限", "应为 2023-01-01 至 2023-12-31"),
                m -> assertThat(m).contains("2024-02-05 晚于法定期限 2024-01-31"));
        write("2023.yml", "单位: 测试局\n年度: 2023\n发布日期: 2023-12-20\n");
        assertThat(errors(run(2023), "V12")).singleElement().asString().contains("早于统计期限结束");
    }

    @Test
    void v12PassesForAReportPublishedInJanuaryAndOnlyRemindsWithoutADate() throws IOException {
        assertThat(findings(check("统计期限: [2023-01-01, 2023-12-31]\n"), "V12")).isEmpty();

        write("2023.yml", "单位: 测试局\n年度: 2023\n");
        assertThat(findings(run(2023), "V12")).singleElement()
                .satisfies(w -> assertThat(w.error()).isFalse())
                .asString().contains("2024-01-31 前公开");
    }

    // ---- the facts file itself ----

    @Test
    void anUnknownKeyOrAShortRowInTheFactsFileIsRefusedByName() throws IOException {
        write("2023.yml", base(2023) + "表三:\n  本年新收: [1, 2]\n");
        assertThatThrownBy(() -> run(2023)).isInstanceOf(FactsException.class)
                .hasMessageContaining("表三.本年新收").hasMessageContaining("6 或 7 个数");
        write("2023.yml", base(2023) + "表五: 1\n");
        assertThatThrownBy(() -> run(2023)).isInstanceOf(FactsException.class)
                .hasMessageContaining("“表五”").hasMessageContaining("不认识的项");
    }

    @Test
    void theDocumentedExampleFileIsAValidFactsFile() {
        ReportFacts example = FactsFile.read(Path.of("config/report/example.yml"));

        assertThat(example.unit()).isEqualTo("红旗区商务局");
        assertThat(example.subsections()).hasSize(4);
        assertThat(example.omitted()).isEmpty();
    }

    @Test
    void aKnownTypoInTheBureausTextIsPointedOut() throws IOException {
        List<Finding> f = check(sections("办公室主任校队后，由办公室分管领导审核。", "今年来我局共开展2次培训。"));

        assertThat(findings(f, "提示")).extracting(Finding::message).anyMatch(m -> m.contains("“校队”应为“校对”"))
                .anyMatch(m -> m.contains("“今年来”") && m.contains("宜写“2023年”"));
    }

    // ---- fixtures ----

    private List<Finding> check(String extra) throws IOException {
        write("2023.yml", base(2023) + extra);
        return run(2023);
    }

    private List<Finding> run(int year) {
        Path file = dir.resolve(year + ".yml");
        ReportFacts facts = FactsFile.read(file);
        Path prev = dir.resolve((year - 1) + ".yml");
        ReportFacts previous = Files.exists(prev) ? FactsFile.read(prev) : null;
        AnnualReport report = report(facts);
        String md = new String(writer().write(report, ReportWriter.Format.MARKDOWN), StandardCharsets.UTF_8);
        return ReportChecks.run(year, facts, previous, prev.toString(), report, md);
    }

    private ReportFacts facts(String extra) throws IOException {
        write("2023.yml", base(2023) + extra);
        return FactsFile.read(dir.resolve("2023.yml"));
    }

    private static AnnualReport report(ReportFacts facts) {
        YearCounts counts = new YearCounts(2023, CountBy.CATEGORY, 9, 4,
                new java.util.LinkedHashMap<>(Map.of("招商引资", 3, "外资外贸", 0, "促消费", 5, "其他", 1)));
        return ReportBuilder.build(facts, counts);
    }

    private static ReportWriter writer() {
        return new ReportWriter(Path.of("templates"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String base(int year) {
        return "单位: 测试局\n年度: " + year + "\n发布日期: " + (year + 1) + "-01-15\n"
                + "存在的主要问题及改进情况: 问题与改进。\n其他需要报告的事项: 未收取费用。\n";
    }

    private static String table3(String rows) {
        return "表三:\n  " + rows + "\n";
    }

    private static String sections(String applications, String supervision) {
        return "总体情况:\n  小节:\n    - 标题: 依申请公开情况\n      内容: " + applications
                + "\n    - 标题: 监督保障\n      内容: " + supervision + "\n";
    }

    private static String proactiveExtra(String text) {
        return "总体情况:\n  主动公开:\n    补充: " + text + "\n";
    }

    private static List<Finding> findings(List<Finding> all, String check) {
        return all.stream().filter(f -> f.check().equals(check)).toList();
    }

    private static List<Finding> errors(List<Finding> all, String check) {
        return findings(all, check).stream().filter(Finding::error).toList();
    }

    private static List<Finding> errors(List<Finding> all) {
        return all.stream().filter(Finding::error).toList();
    }
}
