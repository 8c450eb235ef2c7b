package cn.gongkai.report;

import java.util.List;

/**
 * The checks V1–V12 of annual-report-format.md §6, and P1 (no instruction text such as 请填写 left in the facts,
 * {@link PlaceholderChecks}). Errors name the table, the row, the column and both sums; they
 * block the export. Warnings are listed. The checks live in {@link CellChecks} (V5, V6), {@link SumChecks} (V1–V4,
 * V11), {@link YearChecks} (V7, V12), {@link ProseChecks} (V8, V9, reminders) and {@link LabelChecks} (V10).
 */
public final class ReportChecks {
    private ReportChecks() {
    }

    /**
     * Runs every check.
     *
     * @param previous last year's facts for the cross-year check V7, or null when there is no such file
     * @param previousSource where last year's facts were looked for, for the message when there are none
     * @param rendered   the text of the written report (Markdown, HTML, or the text of the Word file) for V10
     */
    public static List<Finding> run(int year, ReportFacts facts, ReportFacts previous, String previousSource,
                                    AnnualReport report, String rendered) {
        Findings out = new Findings();
        SumChecks sums = new SumChecks(out);
        YearChecks years = new YearChecks(out);
        ProseChecks prose = new ProseChecks(out);
        new PlaceholderChecks(out).p1(facts);
        new CellChecks(out).run(facts);
        sums.v1(facts);
        sums.v2(facts);
        sums.v3(facts);
        sums.v4(facts);
        years.v7(facts, previous, previousSource);
        prose.v8(facts, report);
        prose.v9(report);
        LabelChecks.v10(rendered, out);
        sums.v11(facts);
        years.v12(year, facts);
        prose.reminders(year, facts, report);
        return out.list();
    }
}
