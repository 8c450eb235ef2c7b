package cn.gongkai.web;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /api/counts?year=Y[&by=category|month|account|department|mode]}: the year's counts in the JSON shape of
 * {@code gongkai counts --format json}. A missing or bad parameter is a 400 with a Chinese message.
 */
final class CountsRoutes {
    private final Counter counter;

    CountsRoutes(Counter counter) {
        this.counter = counter;
    }

    void counts(Context ctx) {
        String yearText = ctx.queryParam("year");
        if (yearText == null || !yearText.strip().matches("\\d{4}")) {
            ctx.status(400).json(Map.of("error", "year 参数须为四位年份，如 /api/counts?year=2023，收到：" + yearText));
            return;
        }
        String by = ctx.queryParam("by");
        try {
            CountBy key = by == null ? CountBy.CATEGORY : CountBy.parse(by);
            ctx.json(counter.count(Integer.parseInt(yearText.strip()), key).jsonShape());
        } catch (IllegalArgumentException e) {
            ctx.status(400).json(Map.of("error", e.getMessage().replace("--by", "by")));
        }
    }
}
