package cn.gongkai.web;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.LedgerExport;
import cn.gongkai.report.YearCounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 统计 ({@code /stats?year=Y}): the year's articles and pushes by category and by month with bar charts as inline
 * SVG, and the exports — the publication ledger as XLSX or CSV ({@code /stats/ledger.xlsx}, {@code .csv}) and the
 * counts as JSON ({@code /api/counts}); and the 台账 card ({@link LedgerPage}) to import history, reconcile with WeChat
 * and categorise.
 */
final class StatsPage {
    /** What 统计 reads. */
    record Uses(Counter counter, LedgerExport ledgerExport, Site site) {
    }

    private final Uses s;
    private final Views views;
    private final LedgerPage ledger;

    StatsPage(Uses services, Views views, LedgerPage.Uses ledger) {
        this.s = services;
        this.views = views;
        this.ledger = new LedgerPage(ledger, this);
    }

    void register(RoutesConfig routes) {
        routes.get("/stats", this::page);
        ledger.register(routes);
        routes.get("/stats/ledger.xlsx", ctx -> {
            int year = year(ctx);
            download(ctx, s.ledgerExport().xlsx(year), year + "年发布台账.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        });
        routes.get("/stats/ledger.csv", ctx -> {
            int year = year(ctx);
            download(ctx, s.ledgerExport().csv(year), year + "年发布台账.csv", "text/csv;charset=utf-8");
        });
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

    private void page(Context ctx) {
        int year = year(ctx);
        YearCounts byCategory = s.counter().count(year, CountBy.CATEGORY);
        YearCounts byMonth = s.counter().count(year, CountBy.MONTH);
        Map<String, Integer> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(m + "月", 0);
        }
        byMonth.groups().forEach((k, v) -> months.merge(monthLabel(k), v, Integer::sum));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "stats");
        model.put("year", year);
        model.put("years", List.of(year - 2, year - 1, year, year + 1));
        model.put("articles", byCategory.articles());
        model.put("pushes", byCategory.pushes());
        model.put("corrections", byCategory.corrections());
        model.put("deleted", byCategory.deleted());
        model.put("categories", rows(byCategory.groups()));
        model.put("months", rows(months));
        model.put("categoryChart", BarChart.svg(year + "年按分类", byCategory.groups()));
        model.put("monthChart", BarChart.svg(year + "年按月份", months));
        ledger.model(ctx, year, model);
        views.page(ctx, "stats.ftlh", model);
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

    private static List<Map<String, Object>> rows(Map<String, Integer> groups) {
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(Map.of("key", k, "count", v)));
        return out;
    }
}
