package cn.gongkai.web;

import cn.gongkai.item.Scope;
import cn.gongkai.portal.DeliveryStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The 报区政府办 tab of 发布记录 ({@code /publishing/portal?page=N}): every delivery to a portal, newest first, a page
 * of {@value #PAGE} at a time (paged in the database). In a district a unit's staff see their unit's rows and
 * portals only; the district roles see every unit's ({@link Site#recordsScope}).
 */
final class PortalRecordsPage {
    static final int PAGE = 50;

    private final DeliveryStore deliveries;
    private final Site site;
    private final Views views;
    private final PortalRows rows;

    PortalRecordsPage(DeliveryStore deliveries, Site site, Views views) {
        this.deliveries = deliveries;
        this.site = site;
        this.views = views;
        this.rows = new PortalRows(site, views);
    }

    void register(RoutesConfig routes) {
        routes.get("/publishing/portal", this::page);
    }

    /**
     * What {@code portal-records.ftlh} shows: the page's rows, which page of how many, how many rows in all, the
     * configured portals' names and whether the sandbox mailbox can be looked at.
     */
    public record View(List<PortalRows.Row> rows, int page, int pages, int total, List<String> portals) {
    }

    private void page(Context ctx) {
        Scope scope = site.recordsScope(ConsoleAccess.user(ctx));
        int total = deliveries.countIn(scope);
        int pages = Math.max(1, (total + PAGE - 1) / PAGE);
        int page = Math.min(pageNumber(ctx.queryParam("page")), pages);
        List<PortalRows.Row> list = deliveries.pageIn(scope, (page - 1) * PAGE, PAGE).stream().map(rows::of).toList();
        views.page(ctx, "publishing", "portal-records.ftlh", new View(list, page, pages, total,
                PortalRows.portals(site, scope).stream().map(p -> p.name() + "（" + p.id() + "）").toList()));
    }

    private static int pageNumber(String param) {
        if (param == null || !param.strip().matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(param.strip()));
    }
}
