package cn.gongkai.report;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each unit's annual report draft as the district office reads it (年报汇总): per unit whether its facts file for the
 * year is there, its WeChat articles and pushes (the unit's own counter), the figures the office adds up
 * ({@link ReportFigures}) and how its draft fares in the checks (V1–V12, P1: how many findings, errors among them,
 * the worst one); a total line; the summary table as XLSX (全区政府信息公开工作年度报告汇总表); and a unit's draft,
 * drafted exactly as the unit's own 年报 page drafts it. Facts files are only read, never written.
 */
public final class DistrictReports {
    /** The title of the summary table, also its sheet's name. */
    public static final String TITLE = "全区政府信息公开工作年度报告汇总表";

    /** A unit: its id, name and the folder of its facts files. */
    public record Unit(String id, String name, Path factsDir) {
    }

    /**
     * One unit's line (or the total line).
     *
     * @param filed    whether the facts file is there (the total line: how many units filed one)
     * @param figures  under {@link ReportFigures#LABELS}; empty without a facts file that could be read
     * @param findings the checks' findings (errors and warnings); an unreadable facts file is one error
     * @param worst    the worst finding, as staff read it, or empty
     */
    public record Line(String id, String name, int filed, int articles, int pushes, List<BigDecimal> figures,
                       int findings, int errors, String worst) {
        public Line {
            figures = Collections.unmodifiableList(new ArrayList<>(figures));
        }
    }

    /** The year's lines, in the configuration's order, and their total. */
    public record Summary(int year, List<Line> units, Line total) {
        public Summary {
            units = List.copyOf(units);
        }
    }

    private final List<Unit> units;
    private final Function<String, AnnualReports> reports;
    private final Function<String, Counter> counters;

    public DistrictReports(List<Unit> units, Function<String, AnnualReports> reports,
                           Function<String, Counter> counters) {
        this.units = List.copyOf(units);
        this.reports = reports;
        this.counters = counters;
    }

    /**
     * {@code units} (the configuration's and those added on the 单位 page) with their facts folders under
     * {@code factsDir} ({@link UnitFactsFolder}), their drafts and counts by unit id.
     */
    public static DistrictReports of(GongkaiConfig config, List<UnitConfig> units, Path factsDir,
                                     Function<String, AnnualReports> reports, Function<String, Counter> counters) {
        return new DistrictReports(units.stream().map(u -> new Unit(u.id(), u.name(),
                UnitFactsFolder.of(config, factsDir, u))).toList(), reports, counters);
    }

    /** The unit {@code id}, when the configuration names it. */
    public Optional<Unit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The unit's facts file of {@code year} (it may not exist). */
    public static Path factsFile(Unit unit, int year) {
        return unit.factsDir().resolve(year + ".yml");
    }

    /**
     * The unit's draft of {@code year}, as its 年报 page makes it (the caller exports it only when
     * {@link AnnualReports.Draft#exportable()}).
     *
     * @throws FactsException when the unit has no facts file for the year, or it cannot be read
     */
    public AnnualReports.Draft draft(Unit unit, int year, ReportWriter.Format format) {
        return reports.apply(unit.id()).draft(year, factsFile(unit, year), format);
    }

    /** Every unit's line of {@code year} and the total: one draft (or one count, without facts) per unit. */
    public Summary year(int year) {
        List<Line> lines = new ArrayList<>();
        for (Unit u : units) {
            lines.add(line(u, year));
        }
        return new Summary(year, lines, total(lines));
    }

    private Line line(Unit u, int year) {
        Path file = factsFile(u, year);
        if (!Files.isRegularFile(file)) {
            YearCounts c = counters.apply(u.id()).count(year, CountBy.CATEGORY);
            return new Line(u.id(), u.name(), 0, c.articles(), c.pushes(), List.of(), 0, 0, "");
        }
        try {
            ReportFacts facts = FactsFile.read(file);
            AnnualReports.Draft d = draft(u, year, ReportWriter.Format.MARKDOWN);
            List<Finding> errors = d.findings().stream().filter(Finding::error).toList();
            String worst = !errors.isEmpty() ? errors.get(0).toString()
                    : d.findings().isEmpty() ? "" : d.findings().get(0).toString();
            return new Line(u.id(), u.name(), 1, d.counts().articles(), d.counts().pushes(), ReportFigures.of(facts),
                    d.findings().size(), errors.size(), worst);
        } catch (IllegalArgumentException e) {
            YearCounts c = counters.apply(u.id()).count(year, CountBy.CATEGORY);
            return new Line(u.id(), u.name(), 1, c.articles(), c.pushes(), List.of(), 1, 1, "错误 " + e.getMessage());
        }
    }

    private static Line total(List<Line> lines) {
        List<BigDecimal> sums = new ArrayList<>(Collections.nCopies(ReportFigures.LABELS.size(), BigDecimal.ZERO));
        lines.forEach(l -> ReportFigures.add(sums, l.figures()));
        return new Line("district", "合计（" + lines.size() + " 个单位）", lines.stream().mapToInt(Line::filed).sum(),
                lines.stream().mapToInt(Line::articles).sum(), lines.stream().mapToInt(Line::pushes).sum(), sums,
                lines.stream().mapToInt(Line::findings).sum(), lines.stream().mapToInt(Line::errors).sum(), "");
    }

    /** The head of the summary table. */
    public static List<String> columns() {
        List<String> head = new ArrayList<>(List.of("单位", "事实文件", "政务新媒体发布（条）", "推送（次）"));
        head.addAll(ReportFigures.LABELS);
        head.addAll(List.of("核对发现（项）", "其中错误（项）", "最严重的一项"));
        return head;
    }

    /** The summary table as a workbook of one sheet: units, then the total line; figures as numbers. */
    public static byte[] xlsx(Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : s.units()) {
            rows.add(row(l, l.filed() > 0 ? "已填写" : "未填写"));
        }
        rows.add(row(s.total(), s.total().filed() + " 个单位已填写"));
        int[] widths = new int[columns().size()];
        java.util.Arrays.fill(widths, 12);
        widths[0] = 24;
        widths[widths.length - 1] = 60;
        return XlsxSheets.write(List.of(new XlsxSheets.Sheet(TITLE, columns(), widths, rows)));
    }

    private static List<Object> row(Line l, String filed) {
        List<Object> row = new ArrayList<>(List.of(l.name(), filed, l.articles(), l.pushes()));
        if (l.figures().isEmpty()) {
            ReportFigures.LABELS.forEach(x -> row.add(null));
        } else {
            row.addAll(l.figures());
        }
        row.addAll(List.of(l.findings(), l.errors(), l.worst()));
        return row;
    }
}
