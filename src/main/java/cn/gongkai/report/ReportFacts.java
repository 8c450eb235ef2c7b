package cn.gongkai.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the annual report needs besides the ledger counts, from the per-year facts file
 * ({@code config/report/YYYY.yml}, documented in {@code config/report/example.yml}): the unit, the tables 二/三/四
 * and the narrative parts the bureau writes.
 *
 * @param source        where the facts were read from, for messages
 * @param channel       who published, as the section 一 sentence names it, e.g. 红旗区商务局微信公众号
 * @param publishedOn   the day the report is to be published, or null when not yet known
 * @param periodFrom    the statistical period as the facts file states it, or null (then 1 January is meant)
 * @param periodTo      or null (then 31 December is meant)
 * @param categoryBreakdown whether section 一 lists the articles per category ("其中……")
 * @param statePushes   whether section 一 states the number of pushes (次)
 * @param portalFigures whether section 一 states “报区政府办 N 条，被采用 M 条” and of which portal; null when not
 * @param table2        rows 规章, 行政规范性文件 (3 cells each), 行政许可, 行政处罚, 行政强制, 行政事业性收费 (1 cell each)
 * @param table3        the 25 rows R1–R25 of 7 cells each (c7 总计)
 * @param table4        the 3 groups 行政复议, 未经复议直接起诉, 复议后起诉 of 5 cells each (the last 总计)
 * @param omitted       tables the facts file left out entirely (taken as all 0)
 */
public record ReportFacts(String source, String unit, int year, String channel, LocalDate publishedOn,
                          LocalDate periodFrom, LocalDate periodTo, boolean categoryBreakdown, boolean statePushes,
                          PortalFigures portalFigures, String opening, Subsection proactive, List<Subsection> subsections,
                          List<List<Num>> table2, List<List<Num>> table3, List<List<Num>> table4,
                          String problems, String otherMatters, List<String> omitted) {
    public ReportFacts {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("report facts unit must not be blank (" + source + ")");
        }
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("report facts channel must not be blank (" + source + ")");
        }
        opening = opening == null ? "" : opening.strip();
        problems = problems == null ? "" : problems.strip();
        otherMatters = otherMatters == null ? "" : otherMatters.strip();
        subsections = List.copyOf(subsections);
        table2 = copy(table2, 6, "table2");
        table3 = copy(table3, 25, "table3");
        table4 = copy(table4, 3, "table4");
        omitted = List.copyOf(omitted);
    }

    private static List<List<Num>> copy(List<List<Num>> rows, int size, String field) {
        if (rows.size() != size) {
            throw new IllegalArgumentException("report facts " + field + " must have " + size + " rows, has "
                    + rows.size());
        }
        return rows.stream().map(List::copyOf).toList();
    }

    /**
     * The facts file's {@code 报区政府办} key: section 一 states the year's 报送 and 采用 of the 报区政府办 channel.
     *
     * @param portalId the one portal counted, or null for all configured portals
     */
    public record PortalFigures(String portalId) {
    }

    /**
     * A sub-section of section 一 that the bureau writes.
     *
     * @param heading the heading without its number, e.g. 依申请公开办理情况
     * @param text    paragraphs separated by line breaks; may be empty
     */
    public record Subsection(String heading, String text) {
        public Subsection {
            if (heading == null || heading.isBlank()) {
                throw new IllegalArgumentException("report subsection heading must not be blank");
            }
            heading = heading.strip();
            text = text == null ? "" : text.strip();
        }
    }
}
