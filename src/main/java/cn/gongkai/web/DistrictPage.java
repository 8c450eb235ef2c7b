package cn.gongkai.web;

import cn.gongkai.inspect.DistrictOverview;
import cn.gongkai.report.DistrictCategories;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * 全区 ({@code /district?year=Y}): the district office's view of every unit — the year's published articles, items in
 * review, waiting to go out, past their time limit and failed — and of every account: last update, idle days
 * (提醒 at 10, 不合格 at 14), today's WeChat calls and the problems found in what it published. Only the district
 * roles see it; everyone else is answered as for an address that does not exist.
 */
final class DistrictPage {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** What {@code district.ftlh} shows. */
    public record View(int year, List<Integer> years, List<UnitRow> units, UnitRow total, List<AccountRow> accounts,
                       List<String> quarters, CategoryTable categories) {
    }

    /** The year's articles by unit and category (全区汇总表): the categories, a line per unit and the total line. */
    public record CategoryTable(List<String> categories, List<CategoryRow> units, CategoryRow total) {
    }

    /** One line of the category table: the unit's name, its articles per category (in order) and in all. */
    public record CategoryRow(String name, List<Integer> cells, int total) {
    }

    /** One unit's line (the last line of the table is the district's total). */
    public record UnitRow(String id, String name, int accounts, int published, int deleted, int inReview,
                          int approved, int overdue, int failed, long idleFailing, long findings) {
    }

    /** One account's line, under its unit. */
    public record AccountRow(String unit, String name, String lastUpdate, String idle, String flag, long callsToday,
                             long findings) {
    }

    private final Supplier<DistrictOverview> overview;
    private final Supplier<DistrictCategories> categories;
    private final Site site;
    private final Views views;

    DistrictPage(Supplier<DistrictOverview> overview, Supplier<DistrictCategories> categories, Site site,
                 Views views) {
        this.overview = overview;
        this.categories = categories;
        this.site = site;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/district", this::page);
        registerCategoryDownloads(routes);
    }

    /**
     * Answers as for an address that does not exist unless the user holds a district role — a unit's 管理员 included
     * (not {@link ConsoleAccess#holds}, which lets an administrator through everywhere).
     */
    static void requireViewer(Context ctx) {
        if (!ConsoleAccess.user(ctx).role().district()) {
            throw new NotFound("找不到这个页面。");
        }
    }

    private void page(Context ctx) {
        requireViewer(ctx);
        int thisYear = site.today().getYear();
        int year = year(ctx, thisYear);
        DistrictOverview.View v = overview.get().year(year);
        List<AccountRow> accounts = new ArrayList<>();
        for (DistrictOverview.UnitYear u : v.units()) {
            u.accounts().forEach(a -> accounts.add(account(u.name(), a)));
        }
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y > thisYear - 5; y--) {
            years.add(y);
        }
        views.page(ctx, "district", "district.ftlh", new View(year, years,
                v.units().stream().map(DistrictPage::unit).toList(), unit(v.district()), accounts,
                InspectionPage.quarters(site.today()), categoryTable(categories.get().year(year))));
    }

    /** The year asked for, when it is one of the last ten or the next; otherwise this year. */
    static int year(Context ctx, int thisYear) {
        return year(ctx, thisYear, thisYear);
    }

    /** The year asked for, when it is one of the last ten or the next; otherwise {@code otherwise}. */
    static int year(Context ctx, int thisYear, int otherwise) {
        String y = ctx.queryParam("year");
        if (y != null && y.strip().matches("\\d{4}")) {
            int asked = Integer.parseInt(y.strip());
            if (asked >= thisYear - 10 && asked <= thisYear + 1) {
                return asked;
            }
        }
        return otherwise;
    }

    /** The category table's downloads: {@code /district/categories.xlsx} and {@code .csv} ({@code ?year=Y}). */
    private void registerCategoryDownloads(RoutesConfig routes) {
        routes.get("/district/categories.xlsx", ctx -> categoryDownload(ctx, true));
        routes.get("/district/categories.csv", ctx -> categoryDownload(ctx, false));
    }

    private void categoryDownload(Context ctx, boolean xlsx) {
        requireViewer(ctx);
        DistrictCategories.Table t = categories.get().year(year(ctx, site.today().getYear()));
        String name = t.year() + "年各单位分栏目发布数";
        if (xlsx) {
            StatsPage.download(ctx, DistrictCategories.xlsx(t), name + ".xlsx", XLSX);
        } else {
            StatsPage.download(ctx, DistrictCategories.csv(t), name + ".csv", "text/csv;charset=utf-8");
        }
    }

    private static CategoryTable categoryTable(DistrictCategories.Table t) {
        return new CategoryTable(t.categories(), t.units().stream().map(l -> categoryRow(t, l)).toList(),
                categoryRow(t, t.total()));
    }

    private static CategoryRow categoryRow(DistrictCategories.Table t, DistrictCategories.Line l) {
        return new CategoryRow(l.name(), t.categories().stream().map(l::cell).toList(), l.total());
    }

    private static UnitRow unit(DistrictOverview.UnitYear u) {
        return new UnitRow(u.id(), u.name(), u.accounts().size(), u.published(), u.deleted(), u.inReview(),
                u.approved(), u.overdue(), u.failed(), u.idleFailing(), u.findings());
    }

    private AccountRow account(String unit, DistrictOverview.AccountLine a) {
        return new AccountRow(unit, a.name(), a.lastUpdate().map(this::day).orElse("无"), a.idle().text(),
                a.idle().flag().name().toLowerCase(Locale.ROOT), a.callsToday(), a.failingFindings());
    }

    private String day(Instant at) {
        return DAY.format(at.atZone(site.config().timezone()));
    }
}
