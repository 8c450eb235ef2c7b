package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.Csv;
import cn.gongkai.report.YearCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai counts --year Y [--by …] [--format table|json|csv]}. */
@Command(name = "counts", mixinStandardHelpOptions = true,
        description = "统计某年在公众号发布的文章数（条）和推送次数（次），按分类、月份、公众号或部门")
final class CountsCommand extends CliCommand {
    @Option(names = "--year", required = true, paramLabel = "Y", description = "年份（按北京时间的发布时间计）")
    int year;

    @Option(names = "--by", defaultValue = "category", paramLabel = "KEY",
            description = "category | month | account | department | mode（默认 ${DEFAULT-VALUE}）")
    String by;

    @Option(names = "--format", defaultValue = "table", paramLabel = "F",
            description = "table | json | csv（默认 ${DEFAULT-VALUE}）")
    String format;

    @Override
    public Integer call() throws Exception {
        CountBy key = CountBy.parse(by);
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("json") && !f.equals("csv")) {
            throw new UserError("--format 只能是 table、json 或 csv：" + format);
        }
        try (Wiring w = wire()) {
            YearCounts c = w.counter().count(year, key);
            print(c, f, out());
            return ExitCodes.OK;
        }
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
