package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The written report carries the labels of the 2021 format exactly (V10), failing and passing. */
class LabelChecksTest extends ReportChecksFixture {
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
}
