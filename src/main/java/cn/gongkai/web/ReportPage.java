package cn.gongkai.web;

import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.FactsFile;
import cn.gongkai.report.FactsForm;
import cn.gongkai.report.Finding;
import cn.gongkai.report.ReportWriter;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 年报 ({@code /report?year=Y}): the year's facts file ({@code config/report/YYYY.yml}) filled in as a form (or
 * edited as YAML), the checks V1–V12 and P1 on the draft, and the draft as Word or Markdown ({@code /report/download}) once
 * no check fails.
 */
final class ReportPage {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPage.class);
    static final List<String[]> CHECKS = List.of(
            new String[] {"V1", "表三：第一项加第二项之和等于第三项加第四项之和（逐列）"},
            new String[] {"V2", "表三：每行“总计”等于前六列之和"},
            new String[] {"V3", "表三：（七）总计等于各办理结果之和"},
            new String[] {"V4", "表四：每组“总计”等于四项结果之和"},
            new String[] {"V5", "数字为不小于 0 的整数（收费金额可有小数）"},
            new String[] {"V6", "没有的事项填 0，不留空、不写“/”或“—”"},
            new String[] {"V7", "本年“上年结转”等于上年“结转下年度继续办理”"},
            new String[] {"V8", "正文中的数字与表格一致"},
            new String[] {"V9", "正文“共 N 条，其中……”各项之和等于总数"},
            new String[] {"V10", "标签与 2021 年格式逐字一致"},
            new String[] {"V11", "每件申请只计入一种办理结果"},
            new String[] {"V12", "统计期限为全年，报告在次年 1 月 31 日前公开"},
            new String[] {"P1", "没有残留的填写提示（请填写、待填写、请输入、待补充、XX、××、（此处……））"});
    private static final Role[] EDITORS = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER};
    private static final long MAX_FACTS_BYTES = 512 * 1024;

    /** What 年报 reads and writes ({@code factsDir}: the facts files). */
    record Uses(AnnualReports reports, Path factsDir, Site site,
                java.util.function.Function<String, AnnualReports> unitReports) {
    }

    private final Uses s;
    private final Views views;

    ReportPage(Uses services, Views views) {
        this.s = services;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/report", this::page);
        routes.post("/report", this::save);
        routes.get("/report/download", this::download);
    }

    private int year(Context ctx) {
        String y = ctx.queryParam("year") != null ? ctx.queryParam("year") : ctx.formParam("year");
        if (y != null && y.strip().matches("\\d{4}")) {
            return Integer.parseInt(y.strip());
        }
        return s.site().today().getYear() - 1;
    }

    /**
     * Whose report the user writes: the user's unit in a district (its counts, its facts files), else the
     * instance's.
     */
    private java.util.Optional<String> unit(Context ctx) {
        return s.site().recordsScope(ConsoleAccess.user(ctx)).unitId();
    }

    private AnnualReports reports(Context ctx) {
        return unit(ctx).map(s.unitReports()).orElse(s.reports());
    }

    /**
     * The year's facts file: in the unit's folder ({@code facts:} of the unit, else {@code <factsDir>/<unit>}), or
     * in the console's folder for a single unit and the district office.
     */
    private Path factsFile(Context ctx, int year) {
        Path dir = unit(ctx).map(u -> s.site().config().unit(u)
                .map(unit -> cn.gongkai.report.UnitFactsFolder.of(s.site().config(), s.factsDir(), unit))
                .orElse(s.factsDir().resolve(u))).orElse(s.factsDir()); // a unit added on the 单位 page: <factsDir>/<id>
        return dir.resolve(year + ".yml");
    }

    private void page(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        int year = year(ctx);
        Path file = factsFile(ctx, year);
        boolean exists = Files.isRegularFile(file);
        String facts = exists ? read(file) : template(year, unit(ctx).flatMap(u -> s.site().config().unit(u))
                .map(cn.gongkai.config.UnitConfig::name));
        ReportView view = new ReportView(year, List.of(year - 1, year, year + 1), file.toString(), exists, facts,
                form(year, facts, !exists), ConsoleAccess.holds(me, EDITORS), "", List.of(), List.of(), false, "");
        views.page(ctx, "report", "report.ftlh", exists ? withDraft(reports(ctx), view, file) : view);
    }

    /** The view with the checks of the year's draft, or with why it could not be made. */
    private ReportView withDraft(AnnualReports reports, ReportView v, Path file) {
        try {
            AnnualReports.Draft draft = reports.draft(v.year(), file, ReportWriter.Format.MARKDOWN);
            return new ReportView(v.year(), v.years(), v.file(), v.exists(), v.facts(), v.form(), v.canEdit(), "",
                    checks(draft.findings()), draft.findings().stream().filter(f -> !f.check().matches("[VP]\\d+"))
                    .map(Finding::message).toList(), draft.exportable(),
                    String.valueOf(draft.counts().articles()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return new ReportView(v.year(), v.years(), v.file(), v.exists(), v.facts(), v.form(), v.canEdit(),
                    e.getMessage(), List.of(), List.of(), false, "");
        }
    }

    /** Each of V1–V12 and P1 with the findings about it: passed, warnings or errors. */
    private static List<ReportView.Check> checks(List<Finding> findings) {
        List<ReportView.Check> out = new ArrayList<>();
        for (String[] c : CHECKS) {
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Finding f : findings) {
                if (f.check().equals(c[0])) {
                    (f.error() ? errors : warnings).add(f.message());
                }
            }
            String state = !errors.isEmpty() ? "error" : !warnings.isEmpty() ? "warning" : "ok";
            List<String> messages = new ArrayList<>(errors);
            messages.addAll(warnings);
            out.add(new ReportView.Check(c[0], c[1], state, messages));
        }
        return out;
    }

    /**
     * The form filled in from the facts text (with {@code fresh}, a year without a facts file: the text fields
     * empty, the example's wording as hints), or null when the text cannot be read as a facts file.
     */
    private ReportView.Form form(int year, String facts, boolean fresh) {
        FactsForm.Values v;
        try {
            Path tmp = Files.createTempFile("gongkai-facts-", ".yml");
            try {
                Files.writeString(tmp, facts, StandardCharsets.UTF_8);
                v = FactsForm.of(FactsFile.read(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IllegalArgumentException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the facts of " + year, e);
        }
        return ReportFormFields.form(v, fresh, ReportFormFields.hints(s.factsDir()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the facts file " + file, e);
        }
    }

    /**
     * The example facts file for the year, or a short start when the example is not there. This is the YAML text
     * only: the form of a year without a facts file shows none of its wording as values, and a file saved with the
     * start's 请填写 still in it fails check P1. In a district the user's unit takes the example unit's place (单位, 发布渠道, the prose).
     */
    private String template(int year, java.util.Optional<String> unitName) {
        Path example = s.factsDir().resolve("example.yml");
        String text = Files.isRegularFile(example) ? read(example)
                : "单位: 请填写单位名称\n年度: " + year + "\n发布日期: " + (year + 1) + "-01-20\n";
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("(?m)^单位:[ \\t]*([^#\\n]*?)[ \\t]*(#|$)")
                .matcher(text);
        if (unitName.isPresent() && named.find() && !named.group(1).isBlank()) {
            text = text.replace(named.group(1), unitName.get()); // the example's unit, also in 发布渠道 and its prose
        }
        return text.replaceAll("(?m)^年度: *\\d{4}", "年度: " + year)
                .replaceAll("(?m)^发布日期: *\\d{4}-\\d{2}-\\d{2}", "发布日期: " + (year + 1) + "-01-20")
                .replaceAll("(?m)^统计期限: *\\[[^]]*]", "统计期限: [" + year + "-01-01, " + year + "-12-31]");
    }

    private void save(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "修改年报事实文件", EDITORS);
        int year = year(ctx);
        String facts = "yaml".equals(ctx.formParam("mode")) ? ReportFormFields.param(ctx, "facts")
                : FactsForm.yaml(ReportFormFields.posted(ctx, year));
        if (facts.getBytes(StandardCharsets.UTF_8).length > MAX_FACTS_BYTES) {
            ConsoleAccess.flash(ctx, "事实文件过大（超过 512 KB），未保存。", true);
            ctx.redirect("/report?year=" + year);
            return;
        }
        Path file = factsFile(ctx, year);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), year + "-", ".yml.tmp");
            Files.writeString(tmp, facts, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            ConsoleAccess.flash(ctx, "无法保存 " + file + "：" + e.getMessage(), true);
            ctx.redirect("/report?year=" + year);
            return;
        }
        LOG.info("{} saved the report facts {}", me.name(), file);
        ConsoleAccess.flash(ctx, "已保存 " + file + "，核对结果见下。", false);
        ctx.redirect("/report?year=" + year);
    }

    private void download(Context ctx) {
        int year = year(ctx);
        boolean docx = !"md".equals(ctx.queryParam("format"));
        Path file = factsFile(ctx, year);
        if (!Files.isRegularFile(file)) {
            ConsoleAccess.flash(ctx, "还没有 " + year + " 年的事实文件，请先填写并保存。", true);
            ctx.redirect("/report?year=" + year);
            return;
        }
        AnnualReports.Draft draft;
        try {
            draft = reports(ctx).draft(year, file, docx ? ReportWriter.Format.DOCX : ReportWriter.Format.MARKDOWN);
        } catch (IllegalArgumentException e) {
            ConsoleAccess.flash(ctx, e.getMessage(), true);
            ctx.redirect("/report?year=" + year);
            return;
        }
        if (!draft.exportable()) {
            ConsoleAccess.flash(ctx, "核对发现错误，报告未导出。请按下方标红的核对项修改事实文件。", true);
            ctx.redirect("/report?year=" + year);
            return;
        }
        String name = year + "年政府信息公开工作年度报告" + (docx ? ".docx" : ".md");
        StatsPage.download(ctx, draft.content(), name, docx
                ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : "text/markdown;charset=utf-8");
    }
}
