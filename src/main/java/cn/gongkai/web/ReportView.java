package cn.gongkai.web;

import cn.gongkai.report.FactsForm;
import java.util.List;

/**
 * What {@code report.ftlh} shows for a year: the facts file (its path, whether it exists, its text, and the same as a
 * form — null when the text is not a readable facts file), whether the user may edit it, why the draft could not be
 * made (empty: it could), the checks V1–V12 and P1 and other findings, whether the Word file may be downloaded and the
 * article count the report states (empty without a draft).
 */
public record ReportView(int year, List<Integer> years, String file, boolean exists, String facts, Form form,
                         boolean canEdit, String loadError, List<Check> checks, List<String> extra,
                         boolean exportable, String articles) {

    /** One of V1–V12 or P1: {@code ok}, {@code warning} or {@code error}, with its messages (errors first). */
    public record Check(String id, String label, String state, List<String> messages) {
    }

    /**
     * The facts as a form; the sections end with an empty one to fill in. Only what staff typed (or saved before)
     * is a value; {@code hints} are shown as grey placeholders and never saved.
     */
    public record Form(String unit, String publishedOn, String channel, boolean categoryBreakdown,
                       boolean statePushes, String opening, String proactiveHeading, String proactiveExtra,
                       List<FactsForm.Section> sections, List<TableRow> table2, List<TableRow> table3,
                       List<TableRow> table4, String problems, String otherMatters, String portalFigures,
                       Hints hints) {
    }

    /**
     * The grey hints of the text fields (HTML {@code placeholder}), from the example facts file; {@code sections}
     * has a hint for each section of the form, empty where there is none.
     */
    public record Hints(String unit, String opening, String proactiveExtra, List<FactsForm.Section> sections,
                        String problems, String otherMatters) {
    }

    /** A row of a statistics table with its cells; {@code group} is a heading shown above it (empty: none). */
    public record TableRow(String label, List<Cell> cells, String group) {
    }

    /**
     * A cell: its name ({@code table|row|column}), its value and its column heading. A computed cell (a 总计) is
     * read-only and not posted; {@code sumOf} names the cells it adds up, separated by spaces.
     */
    public record Cell(String name, String value, String column, boolean computed, String sumOf) {
    }
}
