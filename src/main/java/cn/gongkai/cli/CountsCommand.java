package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.Counter;
import cn.gongkai.report.Csv;
import cn.gongkai.report.YearCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai counts --year Y [--by …] [--channel wechat|portal [--portal P]] [--format table|json|csv]}. */
@Command(name = "counts", mixinStandardHelpOptions = true,
        description = "统计某年在公众号发布的文章数（条）和推送次数（次），按分类、月份、公众号或部门；"
                + "--channel portal 统计报区政府办的报送数和采用数")
final class CountsCommand extends CliCommand {
    @Option(names = "--year", required = true, paramLabel = "Y", description = "年份（按北京时间的发布时间计）")
    int year;

    @Option(names = "--by", defaultValue = "category", paramLabel = "KEY",
            description = "category | month | account | department | mode（默认 ${DEFAULT-VALUE}）")
    String by;

    @Option(names = "--format", defaultValue = "table", paramLabel = "F",
            description = "table | json | csv（默认 ${DEFAULT-VALUE}）")
    String format;

    @Option(names = "--channel", defaultValue = "wechat", paramLabel = "C",
            description = "wechat（公众号，默认）| portal（报区政府办：报送和采用，按分类和月份）")
    String channel;

    @Option(names = "--portal", paramLabel = "P", description = "与 --channel portal 一起用：只统计该报送单位（默认全部）")
    String portal;

    @Option(names = "--unit", paramLabel = "U",
            description = "配置了多个单位时：只统计该单位（单位编号）；不写时统计全区")
    String unit;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("json") && !f.equals("csv")) {
            throw new UserError("--format 只能是 table、json 或 csv：" + format);
        }
        String ch = channel.toLowerCase(Locale.ROOT);
        if (!ch.equals("wechat") && !ch.equals("portal")) {
            throw new UserError("--channel 只能是 wechat 或 portal：" + channel);
        }
        if (portal != null && !ch.equals("portal")) {
            throw new UserError("--portal 只能与 --channel portal 一起使用");
        }
        if (ch.equals("portal")) {
            return PortalCounts.print(this, year, portal, unit, f);
        }
        CountBy key = CountBy.parse(by);
        try (Wiring w = wire()) {
            YearCounts c = counter(w, unit).count(year, key);
            if (f.equals("table")) {
                whose(w, unit).ifPresent(out()::println);
            }
            print(c, f, out());
            return ExitCodes.OK;
        }
    }

    /** The counter of {@code unit}, or of the whole instance (the district) without it. */
    static Counter counter(Wiring w, String unit) {
        if (unit == null) {
            return w.counter();
        }
        if (w.config().unit(unit.strip()).isEmpty()) {
            throw new UserError("没有编号为“" + unit.strip() + "”的单位。配置中的单位："
                    + String.join("、", w.config().units().stream().map(u -> u.id() + " " + u.name()).toList()));
        }
        return w.counter(unit.strip());
    }

    /** Whose counts a table shows, when the configuration has several units. */
    static java.util.Optional<String> whose(Wiring w, String unit) {
        if (w.config().units().size() < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(unit == null ? "全区（" + w.config().units().size() + " 个单位）"
                : w.config().unit(unit.strip()).orElseThrow().name());
    }

    static void print(YearCounts c, String format, PrintWriter out) throws Exception {
        switch (format) {
            case "json" -> out.println(new ObjectMapper().writeValueAsString(c.jsonShape()));
            case "csv" -> {
                out.println(Csv.line(List.of(c.by().name().toLowerCase(Locale.ROOT), "articles")));
                for (Map.Entry<String, Integer> e : c.groups().entrySet()) {
                    out.println(Csv.text(e.getKey()) + "," + Csv.number(e.getValue()));
                }
                out.println(Csv.text("total") + "," + Csv.number(c.articles()));
            }
            default -> {
                out.println(c.year() + " 年公众号发布：文章 " + c.articles() + " 条，推送 " + c.pushes() + " 次");
                if (c.deleted() > 0) {
                    Table t = new Table(c.by().label(), "文章（条）", "其中后来删除");
                    c.groups().forEach((k, n) -> t.row(k, n, c.deletedGroups().get(k)));
                    t.row("合计", c.articles(), c.deleted());
                    t.print(out);
                    out.println("注：后来删除的 " + c.deleted() + " 条仍计入发布数（发布时已公开），请在年报中如实说明。");
                } else {
                    Table t = new Table(c.by().label(), "文章（条）");
                    c.groups().forEach(t::row);
                    t.row("合计", c.articles());
                    t.print(out);
                }
                if (c.corrections() > 0) {
                    out.println("注：另有更正 " + c.corrections() + " 次，更正稿不重复计数（推送次数含更正推送）。");
                }
            }
        }
    }
}
