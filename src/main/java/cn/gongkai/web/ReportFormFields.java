package cn.gongkai.web;

import cn.gongkai.report.FactsFile;
import cn.gongkai.report.FactsForm;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 年报 form's fields: the view of a facts file's values with grey hints, and the values posted back. A year
 * without a facts file starts with empty text fields: the example's wording is only a hint ({@code placeholder}), so
 * nothing staff did not type is saved. The tables start at the example's numbers (all 0, as the format wants for
 * "none"); their totals are computed ({@link ReportFormTables}).
 */
final class ReportFormFields {
    private static final String UNIT_HINT = "例：红旗区商务局";

    private ReportFormFields() {
    }

    /** The grey hints, from the example facts file in {@code factsDir} (or the unit's hint alone without it). */
    static ReportView.Hints hints(Path factsDir) {
        Path example = factsDir.resolve("example.yml");
        if (!Files.isRegularFile(example)) {
            return new ReportView.Hints(UNIT_HINT, "", "", List.of(), "", "");
        }
        try {
            FactsForm.Values v = FactsForm.of(FactsFile.read(example));
            return new ReportView.Hints("例：" + v.unit(), example(v.opening()), example(v.proactiveExtra()),
                    v.sections().stream().map(s -> new FactsForm.Section("例：" + s.heading(), example(s.text())))
                            .toList(), example(v.problems()), example(v.otherMatters()));
        } catch (IllegalArgumentException e) {
            return new ReportView.Hints(UNIT_HINT, "", "", List.of(), "", "");
        }
    }

    private static String example(String text) {
        return text.isEmpty() ? "" : "例：" + text;
    }

    /**
     * The form of the values; with {@code fresh} (no facts file yet) the text fields are emptied and the sections
     * are as many empty ones as the example has, each with its hint. One empty section is added to fill in.
     */
    static ReportView.Form form(FactsForm.Values v, boolean fresh, ReportView.Hints hints) {
        List<FactsForm.Section> sections = new ArrayList<>();
        if (fresh) {
            hints.sections().forEach(h -> sections.add(new FactsForm.Section("", "")));
        } else {
            sections.addAll(v.sections());
        }
        sections.add(new FactsForm.Section("", ""));
        return new ReportView.Form(fresh ? "" : v.unit(), v.publishedOn(), fresh ? "" : v.channel(),
                v.categoryBreakdown(), v.statePushes(), fresh ? "" : v.opening(), v.proactiveHeading(),
                fresh ? "" : v.proactiveExtra(), sections, ReportFormTables.table2(v.table2()),
                ReportFormTables.table3(v.table3()), ReportFormTables.table4(v.table4()), fresh ? "" : v.problems(),
                fresh ? "" : v.otherMatters(), v.portalFigures(), hints);
    }

    /** The form as posted, as the values of a facts file; the computed totals are left for the server to sum. */
    static FactsForm.Values posted(Context ctx, int year) {
        List<FactsForm.Section> sections = new ArrayList<>();
        List<String> headings = ctx.formParams("sec_heading");
        List<String> texts = ctx.formParams("sec_text");
        for (int i = 0; i < headings.size(); i++) {
            sections.add(new FactsForm.Section(headings.get(i), i < texts.size() ? texts.get(i) : ""));
        }
        return new FactsForm.Values(param(ctx, "unit"), year, param(ctx, "published_on"), param(ctx, "channel"),
                !param(ctx, "category_breakdown").isEmpty(), !param(ctx, "state_pushes").isEmpty(),
                param(ctx, "opening"), param(ctx, "proactive_heading"), param(ctx, "proactive_extra"), sections,
                ReportFormTables.posted(ctx, "t2"), ReportFormTables.posted(ctx, "t3"),
                ReportFormTables.posted(ctx, "t4"), param(ctx, "problems"), param(ctx, "other"),
                param(ctx, "portal_figures"));
    }

    static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }
}
