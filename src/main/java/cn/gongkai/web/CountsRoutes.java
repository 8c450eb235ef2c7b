package cn.gongkai.web;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.PortalChannel;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/counts?year=Y[&by=category|month|account|department|mode]}: the year's counts in the JSON shape of
 * {@code gongkai counts --format json}; with {@code channel=portal[&portal=P]} the 报区政府办 counts in the shape of
 * {@code gongkai counts --channel portal --format json}. A missing or bad parameter is a 400 with a Chinese message.
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
        int year = Integer.parseInt(yearText.strip());
        String channel = ctx.queryParam("channel") == null ? "wechat" : ctx.queryParam("channel").toLowerCase(Locale.ROOT);
        String portal = ctx.queryParam("portal");
        try {
            if (channel.equals("portal")) {
                portal(ctx, year, portal);
            } else if (!channel.equals("wechat")) {
                ctx.status(400).json(Map.of("error", "channel 只能是 wechat 或 portal：" + ctx.queryParam("channel")));
            } else if (portal != null) {
                ctx.status(400).json(Map.of("error", "portal 只能与 channel=portal 一起使用"));
            } else {
                String by = ctx.queryParam("by");
                CountBy key = by == null ? CountBy.CATEGORY : CountBy.parse(by);
                ctx.json(counter.count(year, key).jsonShape());
            }
        } catch (IllegalArgumentException e) {
            ctx.status(400).json(Map.of("error", e.getMessage().replace("--by", "by")));
        }
    }

    private void portal(Context ctx, int year, String portal) {
        if (ctx.queryParam("by") != null) {
            ctx.status(400).json(Map.of("error", "channel=portal 的统计已按分类和月份给出，不接受 by 参数"));
            return;
        }
        PortalChannel portals = counter.portals().orElse(null);
        if (portals == null) {
            ctx.status(404).json(Map.of("error", "本服务没有报区政府办通道的统计"));
            return;
        }
        ctx.json(portals.count(year, portal == null || portal.isBlank() ? null : portal.strip()).jsonShape());
    }
}
