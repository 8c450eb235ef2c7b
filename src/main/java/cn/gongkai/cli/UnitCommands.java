package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.review.UnitMove;
import cn.gongkai.review.Units;
import cn.gongkai.review.User;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai unit list|move}: the district's units, and moving one unit's rows to another (issue 19). */
@Command(name = "unit", description = "单位：列出全区的单位、把一个单位的数据移到另一个单位", mixinStandardHelpOptions = true,
        subcommands = {UnitCommands.ListUnits.class, UnitCommands.Move.class})
final class UnitCommands extends CommandGroup {
    /** What each table holds, as staff read it. */
    private static final Map<String, String> TABLES = Map.of("item", "稿件", "publish_batch", "发布批次",
            "ledger", "发布台账", "audit_log", "审核与操作记录", "portal_delivery", "报送记录",
            "editor_autosave", "编辑器自动保存", "app_user", "用户", "api_token", "接口令牌");

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "列出单位：编号、名称、来源（配置文件或控制台“单位”页）、公众号、人数")
    static final class ListUnits extends CliCommand {
        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                List<User> people = w.users().list();
                Table t = new Table("编号", "名称", "来源", "公众号", "人数");
                for (Units.Unit u : w.units().all()) {
                    List<String> accounts = u.config().accounts().stream().map(a -> w.config().account(a)
                            .map(c -> c.name() + "（" + a + "）").orElse(a)).toList();
                    t.row(u.id(), u.name(), u.sourceLabel(), accounts.isEmpty() ? "（尚未配置）"
                            : String.join("、", accounts),
                            String.valueOf(people.stream().filter(p -> u.id().equals(p.unitId())).count()));
                }
                t.print(out());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = {"把一个单位的全部数据（稿件、发布批次、台账、审核记录、报送记录、自动保存、用户、接口令牌）"
                    + "在一个事务中移到另一个单位，并输出每张表移动的行数。",
                    "单独使用过 gongkai 的单位并入全区时，它原有的数据在单位 default 中：gongkai unit move --from default --to 单位编号。",
                    "目标单位须已存在，且数据用到的公众号都须在配置文件中属于目标单位；--dry-run 只统计不移动。"})
    static final class Move extends CliCommand {
        @Option(names = "--from", required = true, paramLabel = "UNIT", description = "数据现在所在的单位编号")
        String from;

        @Option(names = "--to", required = true, paramLabel = "UNIT", description = "要移到的单位编号")
        String to;

        @Option(names = "--dry-run", description = "只统计将要移动的行数，不改动数据")
        boolean dryRun;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                UnitMove.Moved moved = w.unitMove().move(from, to, dryRun);
                PrintWriter out = out();
                out.println((moved.dryRun() ? "试运行（未改动数据）：将把" : "已把") + "单位 " + moved.from() + " 的数据移到单位 "
                        + moved.to() + "：");
                Table t = new Table("表", "内容", "行数");
                moved.rows().forEach((table, n) -> t.row(table, TABLES.getOrDefault(table, table), String.valueOf(n)));
                t.print(out);
                out.println("共 " + moved.total() + " 行");
                return ExitCodes.OK;
            }
        }
    }
}
