package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.portal.PortalYearCounts;
import cn.gongkai.report.Csv;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code gongkai counts --channel portal}: 报送 and 采用 of the 报区政府办 channel, by category and by month. */
final class PortalCounts {
    private PortalCounts() {
    }

    static int print(CliCommand command, int year, String portal, String unit, String format) throws Exception {
        try (Wiring w = command.wire()) {
            if (portal != null) {
                w.portalRunner().portal(portal);
            }
            PortalYearCounts c;
            if (unit == null) {
                c = w.portalCounter().count(year, portal);
            } else {
                try {
                    c = CountsCommand.counter(w, unit).portals().orElseThrow().count(year, portal);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
            }
            String name = (portal == null ? "全部报送单位" : w.config().portal(portal).orElseThrow().name())
                    + CountsCommand.whose(w, unit).map(u -> "（" + u + "）").orElse("");
            print(c, name, format, command.out());
            return ExitCodes.OK;
        }
    }

    static void print(PortalYearCounts c, String name, String format, PrintWriter out) throws Exception {
        switch (format) {
            case "json" -> out.println(new ObjectMapper().writeValueAsString(c.jsonShape()));
            case "csv" -> {
                out.println(Csv.line(List.of("category", "month", "articles", "adopted")));
                c.cells().forEach((category, months) -> months.forEach((month, n) -> out.println(Csv.text(category)
                        + "," + month + "," + Csv.number(n.articles()) + "," + Csv.number(n.adopted()))));
                out.println(Csv.text("total") + ",," + Csv.number(c.total().articles()) + ","
                        + Csv.number(c.total().adopted()));
            }
            default -> {
                out.println(c.year() + " 年报区政府办（" + name + "）：报送 " + c.total().articles() + " 条，被采用 "
                        + c.total().adopted() + " 条，采用率 " + c.total().rate());
                table("分类", c.byCategory(), c.total(), out);
                table("月份", months(c.byMonth()), c.total(), out);
                out.println("注：按报送时间（北京时间）所在月份计；后来登记的采用计入报送的那个月。");
            }
        }
    }

    private static Map<String, PortalYearCounts.Count> months(Map<Integer, PortalYearCounts.Count> byMonth) {
        Map<String, PortalYearCounts.Count> named = new java.util.LinkedHashMap<>();
        byMonth.forEach((m, n) -> named.put(m + " 月", n));
        return named;
    }

    private static void table(String label, Map<String, PortalYearCounts.Count> groups, PortalYearCounts.Count total,
                              PrintWriter out) {
        Table t = new Table(label, "报送（条）", "采用（条）", "采用率");
        groups.forEach((k, n) -> t.row(k, n.articles(), n.adopted(), n.rate()));
        t.row("合计", total.articles(), total.adopted(), total.rate());
        t.print(out);
    }
}
