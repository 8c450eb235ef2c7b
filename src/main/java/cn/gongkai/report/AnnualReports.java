package cn.gongkai.report;

import cn.gongkai.portal.PortalYearCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Drafts a year's annual report: the ledger counts, the year's facts file and last year's (for V7), the report in
 * the asked format, and the checks V1–V12 run on what was written.
 */
public final class AnnualReports {
    private final Counter counter;
    private final ReportWriter writer;

    public AnnualReports(Counter counter, ReportWriter writer) {
        this.counter = counter;
        this.writer = writer;
    }

    /**
     * The draft and its findings. Last year's facts are read from {@code YYYY.yml} beside the facts file when it is
     * there. The content is produced even when there are errors: the caller must not export it then.
     */
    public Draft draft(int year, Path factsFile, ReportWriter.Format format) {
        ReportFacts facts = FactsFile.read(factsFile);
        Path previousFile = factsFile.toAbsolutePath().resolveSibling((year - 1) + ".yml");
        ReportFacts previous = Files.isRegularFile(previousFile) ? FactsFile.read(previousFile) : null;
        YearCounts counts = counter.count(year, CountBy.CATEGORY);
        AnnualReport report = ReportBuilder.build(facts, counts, portalCounts(year, facts));
        byte[] content = writer.write(report, format);
        List<Finding> findings = new ArrayList<>(ReportChecks.run(year, facts, previous, previousFile.toString(),
                report, ReportWriter.textOf(content, format)));
        Integer external = counts.groups().get(ReportBuilder.EXTERNAL);
        if (external != null && external > 0) {
            findings.add(new Finding("提示", Finding.Severity.WARNING, "有 " + external + " 条在微信后台直接发布的文章（"
                    + ReportBuilder.EXTERNAL + "）尚未归类；请在控制台“统计”页的发布台账中"
                    + "（或用 gongkai ledger categorise）归类后重新生成"));
        }
        return new Draft(report, counts, content, findings);
    }

    /**
     * The 报区政府办 counts the facts file asks for (all portals, or the one it names), or null when it does not.
     *
     * @throws FactsException when it names a portal that is not configured
     */
    private PortalYearCounts portalCounts(int year, ReportFacts facts) {
        if (facts.portalFigures() == null) {
            return null;
        }
        PortalChannel channel = counter.portals().orElseThrow(() -> new FactsException(facts.source(), "报区政府办",
                "本程序未配置报区政府办通道，无法统计；请删除这一项或在配置中添加 portals"));
        try {
            return channel.count(year, facts.portalFigures().portalId());
        } catch (IllegalArgumentException e) {
            throw new FactsException(facts.source(), "报区政府办", e.getMessage());
        }
    }

    /** A drafted report: the model, the counts it used, the written bytes and the findings of the checks. */
    public record Draft(AnnualReport report, YearCounts counts, byte[] content, List<Finding> findings) {
        public Draft {
            findings = List.copyOf(findings);
        }

        public boolean exportable() {
            return findings.stream().noneMatch(Finding::error);
        }
    }
}
