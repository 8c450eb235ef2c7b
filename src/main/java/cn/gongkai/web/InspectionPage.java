package cn.gongkai.web;

import cn.gongkai.inspect.AccountStatus;
import cn.gongkai.inspect.Finding;
import cn.gongkai.inspect.InspectionExport;
import cn.gongkai.inspect.InspectionPeriod;
import cn.gongkai.inspect.Inspector;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 账号巡查 ({@code /inspect}): each account's last update and idle days (提醒 at 10, 不合格 at 14), the findings of its
 * last inspection (错敏字, dead links) in what it actually published, the 立即巡查 button and the quarterly export
 * ({@code /inspect/export.xlsx?quarter=2026Q4}). The office and the principal leader see it; the office runs it.
 */
final class InspectionPage {
    private static final Logger LOG = LoggerFactory.getLogger(InspectionPage.class);
    static final Role[] VIEWERS = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER, Role.PRINCIPAL_LEADER,
        Role.DISTRICT_ADMIN, Role.DISTRICT_INSPECTOR};
    static final Role[] RUNNERS = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER, Role.DISTRICT_ADMIN};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What 账号巡查 uses: the inspector (built on first use) and the export under the unit's name (read per download). */
    record Uses(Supplier<Inspector> inspector, Supplier<InspectionExport> export, Site site) {
    }

    /** What {@code inspection.ftlh} shows. */
    public record View(List<AccountRow> accounts, boolean canRun, List<String> quarters, String quarter) {
    }

    /** One account: last update, idle days with its flag (ok, warn, fail), the last pull, and its findings. */
    public record AccountRow(String name, String lastUpdate, String idle, String flag, String lastPull,
                             List<FindingRow> findings) {
    }

    /** One finding; {@code href} is the article's link when it is an http(s) address, else empty. */
    public record FindingRow(String kind, boolean failing, String title, String href, String problem,
                             String suggestion) {
    }

    private final Uses s;
    private final Views views;

    InspectionPage(Uses uses, Views views) {
        this.s = uses;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/inspect", this::page);
        routes.post("/inspect/run", this::run);
        routes.get("/inspect/export.xlsx", this::export);
    }

    private void page(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "查看账号巡查", VIEWERS);
        List<AccountRow> rows = visible(me, s.inspector().get().today(Optional.empty())).stream().map(this::row)
                .toList();
        List<String> quarters = quarters(s.site().today());
        views.page(ctx, "inspect", "inspection.ftlh", new View(rows, ConsoleAccess.holds(me, RUNNERS), quarters,
                quarters.get(0)));
    }

    private void run(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "立即巡查", RUNNERS);
        List<String> lines = new ArrayList<>();
        boolean failed = false;
        for (Inspector.RunResult r : run(me)) {
            failed |= !r.error().isEmpty();
            lines.add(r.text());
        }
        LOG.info("{} ran the inspection: {}", me.name(), String.join("; ", lines));
        ConsoleAccess.flash(ctx, "巡查完成。\n" + String.join("\n", lines), failed);
        ctx.redirect("/inspect", HttpStatus.SEE_OTHER);
    }

    private void export(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "下载巡查表", VIEWERS);
        InspectionPeriod period;
        try {
            String q = ctx.queryParam("quarter");
            period = q == null || q.isBlank() ? InspectionPeriod.quarterOf(s.site().today())
                    : InspectionPeriod.quarter(q);
        } catch (IllegalArgumentException e) {
            throw new NotFound(e.getMessage());
        }
        String name = "账号巡查表" + period.from() + "至" + period.to() + ".xlsx";
        StatsPage.download(ctx, s.export().get().xlsx(period, visible(me, s.inspector().get().period(period))), name,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /** A unit's staff see their unit's accounts; the district office sees every account. */
    private List<AccountStatus> visible(User me, List<AccountStatus> all) {
        if (me.role().district()) {
            return all;
        }
        return all.stream().filter(a -> mine(me, a.account().id())).toList();
    }

    private boolean mine(User me, String account) {
        return s.site().config().unitOfAccount(account).map(u -> u.id().equals(me.unitId())).orElse(false);
    }

    /** Inspects the accounts the user sees: all of them for the district office, the unit's for a unit's office. */
    private List<Inspector.RunResult> run(User me) {
        if (me.role().district()) {
            return s.inspector().get().run(Optional.empty());
        }
        List<Inspector.RunResult> out = new ArrayList<>();
        for (var account : s.inspector().get().accounts()) {
            if (mine(me, account.id())) {
                out.addAll(s.inspector().get().run(Optional.of(account.id())));
            }
        }
        return out;
    }

    private AccountRow row(AccountStatus a) {
        return new AccountRow(a.account().name(), a.lastUpdate().map(this::minute).orElse("无"), a.idle().text(),
                a.idle().flag().name().toLowerCase(Locale.ROOT), a.lastPull().map(this::minute).orElse("从未"),
                a.findings().stream().map(InspectionPage::finding).toList());
    }

    private static FindingRow finding(Finding f) {
        String url = f.url().strip();
        String lower = url.toLowerCase(Locale.ROOT);
        String href = lower.startsWith("https://") || lower.startsWith("http://") ? url : "";
        return new FindingRow(f.kind().label(), f.kind().failing(), f.title(), href, f.problem(), f.suggestion());
    }

    private String minute(Instant at) {
        return MINUTE.format(at.atZone(s.site().config().timezone()));
    }

    /** This quarter and the three before it, newest first (2026Q4, 2026Q3, …). */
    static List<String> quarters(LocalDate today) {
        List<String> out = new ArrayList<>();
        LocalDate d = today;
        for (int i = 0; i < 4; i++) {
            out.add(d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1));
            d = d.minusMonths(3);
        }
        return out;
    }
}
