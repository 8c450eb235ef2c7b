package cn.gongkai.web;

import cn.gongkai.item.Scope;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.LedgerExport;
import cn.gongkai.report.YearCounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 统计 ({@code /stats?year=Y}): the year's articles and pushes by category and by month with bar charts as inline
 * SVG ({@link BarChart}, drawn by the template), and the exports — the publication ledger as XLSX or CSV ({@code /stats/ledger.xlsx}, {@code .csv}) and the
 * counts as JSON ({@code /api/counts}); and the 台账 card ({@link LedgerPage}) to import history, reconcile with WeChat
 * and categorise.
 */
final class StatsPage {
    /** What 统计 reads. */
    record Uses(Counter counter, LedgerExport ledgerExport, Site site,
                java.util.function.Function<String, Counter> unitCounter) {
        /** The counts {@code scope} reads: the instance's for the district, else its unit's. */
        Counter counter(Scope scope) {
            return scope.unitId().map(unitCounter).orElse(counter);
        }
    }

    private final Uses s;
    private final Views views;
    private final LedgerPage ledger;
    private final PortalStatsCard portal;

    StatsPage(Uses services, Views views, LedgerPage.Uses ledger, PortalStatsCard portal) {
        this.s = services;
        this.portal = portal;
        this.views = views;
        this.ledger = new LedgerPage(ledger, this);
    }

    void register(RoutesConfig routes) {
        routes.get("/stats", this::page);
        ledger.register(routes);
        routes.get("/stats/ledger.xlsx", ctx -> {
            int year = year(ctx);
            download(ctx, s.ledgerExport().xlsx(year, scope(ctx)), year + "年发布台账.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        });
        routes.get("/stats/ledger.csv", ctx -> {
            int year = year(ctx);
            download(ctx, s.ledgerExport().csv(year, scope(ctx)), year + "年发布台账.csv", "text/csv;charset=utf-8");
        });
    }

    /** Whose ledger and counts the request reads ({@link Site#recordsScope}). */
    Scope scope(Context ctx) {
        return s.site().recordsScope(ConsoleAccess.user(ctx));
    }

    int year(Context ctx) {
        String y = ctx.queryParam("year");
        if (y != null && y.strip().matches("\\d{4}")) {
            return Integer.parseInt(y.strip());
        }
        return s.site().today().getYear();
    }

    static void download(Context ctx, byte[] bytes, String fileName, String type) {
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''" + encoded);
        ctx.contentType(type).result(bytes);
    }

    /**
     * What {@code stats.ftlh} shows: the year's totals, counts by category and by month with their charts, and the
     * 台账 card.
     */
    public record View(int year, List<Integer> years, int articles, int pushes, int corrections, int deleted,
                       List<Row> categories, List<Row> months, BarChart categoryChart, BarChart monthChart,
                       LedgerPage.Card ledger, PortalStatsCard.Card portal) {
    }

    /** A count under its key (a category, or a month as "3月"). */
    public record Row(String key, int count) {
    }

    private void page(Context ctx) {
        int year = year(ctx);
        Counter counter = s.counter(scope(ctx));
        YearCounts byCategory = counter.count(year, CountBy.CATEGORY);
        YearCounts byMonth = counter.count(year, CountBy.MONTH);
        Map<String, Integer> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(m + "月", 0);
        }
        byMonth.groups().forEach((k, v) -> months.merge(monthLabel(k), v, Integer::sum));
        views.page(ctx, "stats", "stats.ftlh", new View(year, List.of(year - 2, year - 1, year, year + 1),
                byCategory.articles(), byCategory.pushes(), byCategory.corrections(), byCategory.deleted(),
                rows(byCategory.groups()), rows(months), BarChart.of(year + "年按分类", byCategory.groups()),
                BarChart.of(year + "年按月份", months), ledger.card(ctx, year), portal.card(year, scope(ctx))));
    }

    /** "2023-03" or "3" → "3月". */
    private static String monthLabel(String key) {
        String m = key.contains("-") ? key.substring(key.lastIndexOf('-') + 1) : key;
        try {
            return Integer.parseInt(m) + "月";
        } catch (NumberFormatException e) {
            return key;
        }
    }

    private static List<Row> rows(Map<String, Integer> groups) {
        return groups.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
    }
}
