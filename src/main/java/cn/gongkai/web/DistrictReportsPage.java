package cn.gongkai.web;

import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.DistrictReports;
import cn.gongkai.report.ReportFigures;
import cn.gongkai.report.ReportWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * 年报汇总 ({@code /district/reports?year=Y}, district roles only; 404 otherwise): each unit's annual report draft as
 * the office reads it — facts file there or 未填写, WeChat articles and pushes, the figures of tables 二/三/四 the office
 * adds up, the checks' findings with the worst one — a total line, the summary table as XLSX
 * ({@code /district/reports/summary.xlsx}) and each unit's draft as Word ({@code /district/reports/draft.docx?unit=U}),
 * drafted as the unit's own 年报 page drafts it and refused in the same way while a check fails. Nothing here writes
 * a unit's facts.
 */
final class DistrictReportsPage {
    /** What {@code district-reports.ftlh} shows. */
    public record View(int year, List<Integer> years, List<String> figureLabels, List<Row> units, Row total) {
    }

    /**
     * One line: {@code filed} 已填写 / 未填写 (the total: how many filed), {@code figures} as printed (empty strings for a
     * unit without facts), {@code checks} 通过, or N 项（错误 E 项）.
     */
    public record Row(String id, String name, boolean hasFacts, String filed, int articles, int pushes,
                      List<String> figures, String checks, String worst, boolean failing) {
    }

    private final Supplier<DistrictReports> reports;
    private final Site site;
    private final Views views;

    DistrictReportsPage(Supplier<DistrictReports> reports, Site site, Views views) {
        this.reports = reports;
        this.site = site;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/district/reports", this::page);
        routes.get("/district/reports/summary.xlsx", this::summary);
        routes.get("/district/reports/draft.docx", this::draft);
    }

    /** The year asked for; by default last year (the year whose report is being written). */
    private int year(Context ctx) {
        int thisYear = site.today().getYear();
        return DistrictPage.year(ctx, thisYear, thisYear - 1);
    }

    private void page(Context ctx) {
        DistrictPage.requireViewer(ctx);
        int year = year(ctx);
        DistrictReports.Summary s = reports.get().year(year);
        List<Integer> years = new ArrayList<>();
        for (int y = site.today().getYear(); y > site.today().getYear() - 5; y--) {
            years.add(y);
        }
        views.page(ctx, "district", "district-reports.ftlh", new View(year, years, ReportFigures.LABELS,
                s.units().stream().map(l -> row(l, l.filed() > 0 ? "已填写" : "未填写")).toList(),
                row(s.total(), s.total().filed() + " / " + s.units().size())));
    }

    private static Row row(DistrictReports.Line l, String filed) {
        List<String> figures = l.figures().isEmpty() ? ReportFigures.LABELS.stream().map(x -> "").toList()
                : l.figures().stream().map(DistrictReportsPage::number).toList();
        String checks = l.findings() == 0 ? "通过" : l.findings() + " 项" + (l.errors() > 0 ? "（错误 "
                + l.errors() + " 项）" : "（均为提醒）");
        return new Row(l.id(), l.name(), l.filed() > 0, filed, l.articles(), l.pushes(), figures,
                l.filed() > 0 || l.findings() > 0 ? checks : "", l.worst(), l.errors() > 0);
    }

    private static String number(BigDecimal n) {
        return n == null ? "（空）" : n.stripTrailingZeros().toPlainString();
    }

    private void summary(Context ctx) {
        DistrictPage.requireViewer(ctx);
        DistrictReports.Summary s = reports.get().year(year(ctx));
        StatsPage.download(ctx, DistrictReports.xlsx(s), s.year() + "年" + DistrictReports.TITLE + ".xlsx",
                DistrictPage.XLSX);
    }

    /** The unit's draft as its 年报 page gives it: only with a facts file, and only when no check fails. */
    private void draft(Context ctx) {
        DistrictPage.requireViewer(ctx);
        int year = year(ctx);
        String id = ctx.queryParam("unit");
        DistrictReports.Unit unit = reports.get().unit(id == null ? "" : id.strip())
                .orElseThrow(() -> new NotFound("找不到这个单位。"));
        String back = "/district/reports?year=" + year;
        if (!java.nio.file.Files.isRegularFile(DistrictReports.factsFile(unit, year))) {
            ConsoleAccess.flash(ctx, unit.name() + "还没有填写 " + year + " 年的事实文件，没有年报草稿。", true);
            ctx.redirect(back);
            return;
        }
        AnnualReports.Draft draft;
        try {
            draft = reports.get().draft(unit, year, ReportWriter.Format.DOCX);
        } catch (IllegalArgumentException e) {
            ConsoleAccess.flash(ctx, unit.name() + "：" + e.getMessage(), true);
            ctx.redirect(back);
            return;
        }
        if (!draft.exportable()) {
            ConsoleAccess.flash(ctx, unit.name() + "的年报草稿核对发现错误，未导出；请该单位在“年报”页修改事实文件。", true);
            ctx.redirect(back);
            return;
        }
        StatsPage.download(ctx, draft.content(), unit.name() + year + "年政府信息公开工作年度报告.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
}
