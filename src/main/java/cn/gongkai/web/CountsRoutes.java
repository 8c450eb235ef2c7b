package cn.gongkai.web;

import cn.gongkai.config.GongkaiConfig;
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
    private final Counter district;
    private final GongkaiConfig config;
    private final java.util.function.Function<String, Counter> unitCounter;

    /**
     * @param district    the whole instance's counts
     * @param unitCounter one unit's counts, by its id: a unit's staff get their unit's; the district roles the
     *                    district's, or one unit's with {@code unit=U}
     */
    CountsRoutes(Counter district, GongkaiConfig config, java.util.function.Function<String, Counter> unitCounter) {
        this.district = district;
        this.config = config;
        this.unitCounter = unitCounter;
    }

    /**
     * Whose counts the caller asks for and may read: empty when {@code unit=U} names a unit the caller may not see
     * or that does not exist (answered as not found, as for any other unit's things).
     */
    private java.util.Optional<Counter> counterFor(Context ctx) {
        String asked = ctx.queryParam("unit");
        asked = asked == null || asked.isBlank() ? null : asked.strip();
        cn.gongkai.review.User user = ConsoleAccess.currentUser(ctx);
        if (user != null && !user.role().district()) {
            if (asked != null && !asked.equals(user.unitId())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(config.units().size() == 1 ? district : unitCounter.apply(user.unitId()));
        }
        if (asked == null) {
            return java.util.Optional.of(district);
        }
        if (!cn.gongkai.config.UnitConfig.isValidId(asked)) {
            return java.util.Optional.empty();
        }
        try { // a unit of the configuration or one added on the 单位 page
            return java.util.Optional.of(unitCounter.apply(asked));
        } catch (IllegalArgumentException noSuchUnit) {
            return java.util.Optional.empty();
        }
    }

    void counts(Context ctx) {
        String yearText = ctx.queryParam("year");
        if (yearText == null || !yearText.strip().matches("\\d{4}")) {
            ctx.status(400).json(Map.of("error", "year 参数须为四位年份，如 /api/counts?year=2023，收到：" + yearText));
            return;
        }
        int year = Integer.parseInt(yearText.strip());
        java.util.Optional<Counter> mine = counterFor(ctx);
        if (mine.isEmpty()) {
            ctx.status(404).json(Map.of("error", "找不到编号为“" + ctx.queryParam("unit").strip() + "”的单位"));
            return;
        }
        Counter counter = mine.get();
        String channel = ctx.queryParam("channel") == null ? "wechat" : ctx.queryParam("channel").toLowerCase(Locale.ROOT);
        String portal = ctx.queryParam("portal");
        try {
            if (channel.equals("portal")) {
                portal(ctx, counter, year, portal);
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

    private void portal(Context ctx, Counter counter, int year, String portal) {
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
