package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.Scope;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.report.HistoryImport;
import cn.gongkai.report.HistoryTemplate;
import cn.gongkai.report.LedgerExport;
import cn.gongkai.report.Reconciler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai ledger import|import-template|export|list|categorise|reconcile|rebuild-summary}: the publication ledger behind the yearly counts. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "发布台账：导入历史发布记录（可先生成 .xlsx 模板）、导出年度台账（佐证材料）、列出、归类、与微信已发布列表核对、重建统计汇总",
        subcommands = {LedgerCommands.Import.class, LedgerCommands.ImportTemplate.class, LedgerCommands.Export.class, LedgerCommands.ListRows.class,
                LedgerCommands.Categorise.class, LedgerCommands.Reconcile.class, LedgerCommands.RebuildSummary.class})
final class LedgerCommands extends CommandGroup {
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"导入使用本系统之前发布的文章（.csv 或 .xlsx）。",
                    "表头：发布时间,标题,分类,链接,部门,公众号（也可写英文 published_at,title,category,url,department,account，",
                    "顺序不限）；发布时间写作 YYYY-MM-DD HH:MM（北京时间）；模板见 gongkai ledger import-template；",
                    "只有一个公众号时公众号列可省略或留空。任一行有问题时整个文件不导入；重复导入同一文件不会重复计数；",
                    "台账中已有的文章（链接相同，或同一公众号同一天标题相同）跳过并逐条列出。"})
    static final class Import extends CliCommand {
        @Parameters(paramLabel = "FILE", description = "历史发布记录（.csv 为 UTF-8 编码，或 .xlsx）")
        Path file;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                HistoryImport.Result r = w.historyImport(unit.accountIds(w, null)).importFile(file);
                if (!r.ok()) {
                    r.problems().forEach(err()::println);
                    return ExitCodes.USER;
                }
                r.lines().forEach(out()::println);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import-template", mixinStandardHelpOptions = true,
            description = "生成历史发布记录的 .xlsx 模板：中文表头、一行示例（导入前删除）和“填写说明”工作表")
    static final class ImportTemplate extends CliCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件，须以 .xlsx 结尾")
        Path file;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() throws IOException {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new UserError("--out 须以 .xlsx 结尾：" + file);
            }
            try (Wiring w = wire()) {
                List<String> categories = unit.named(w).map(UnitConfig::categories).filter(c -> !c.isEmpty())
                        .orElse(w.config().categories());
                byte[] bytes = new HistoryTemplate(categories, unit.accountIds(w, null)).xlsx();
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(file, bytes);
                out().println("已生成历史发布记录模板 " + file + "：删除第 2 行的示例后逐行填写，再用 gongkai ledger import " + file
                        + " 导入");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"导出某年的发布台账（发布时间、标题、分类、部门、链接、审核人），作为年度报告的佐证材料。",
                    ".xlsx 另有“报区政府办”工作表（报送、状态、采用链接）；.csv 一次一个渠道，用 --channel portal 导出报区政府办。"})
    static final class Export extends CliCommand {
        @Option(names = "--channel", defaultValue = "wechat", paramLabel = "C",
                description = "只对 .csv：wechat（公众号发布台账，默认）| portal（报区政府办）")
        String channel;

        @Option(names = "--year", required = true, paramLabel = "Y", description = "年份（按北京时间的发布时间计）")
        int year;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件：.xlsx 或 .csv")
        Path file;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() throws IOException {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
                throw new UserError("--out 须以 .xlsx 或 .csv 结尾：" + file);
            }
            boolean portal = channel.toLowerCase(Locale.ROOT).equals("portal");
            if (!portal && !channel.equalsIgnoreCase("wechat")) {
                throw new UserError("--channel 只能是 wechat 或 portal：" + channel);
            }
            if (portal && name.endsWith(".xlsx")) {
                throw new UserError("--channel 只用于 .csv：.xlsx 已同时包含发布台账和“报区政府办”工作表");
            }
            try (Wiring w = wire()) {
                Scope scope = unit.scope(w);
                LedgerExport export = w.ledgerExport();
                byte[] bytes = name.endsWith(".xlsx") ? export.xlsx(year, scope)
                        : portal ? export.portalCsv(year, scope) : export.csv(year, scope);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(file, bytes);
                out().println("已导出 " + year + " 年" + (portal ? "报区政府办台账" : "发布台账") + "到 " + file);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出某年的台账记录（含编号，供归类使用）")
    static final class ListRows extends CliCommand {
        @Option(names = "--year", required = true, paramLabel = "Y", description = "年份")
        int year;

        @Option(names = "--source", paramLabel = "S", description = "只列出：gongkai（本系统发布）、import（历史导入）、external（外部发布）")
        String source;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            LedgerSource only = source == null ? null : LedgerSource.ofCode(source.strip().toLowerCase(Locale.ROOT));
            try (Wiring w = wire()) {
                Table t = new Table("编号", "发布时间", "来源", "分类", "备注", "标题");
                Instant from = w.counter().startOf(year);
                Instant to = w.counter().startOf(year + 1);
                List<LedgerEntry> rows = w.ledger().between(from, to, unit.scope(w)).stream()
                        .filter(e -> only == null || e.source() == only).toList();
                for (LedgerEntry e : rows) {
                    String note = (e.correction() ? "更正" : "") + (e.deleted() ? "已删除" : "");
                    t.row(e.id(), MINUTE.format(e.publishedAt().atZone(w.config().timezone())), e.source().label(),
                            e.category() == null ? "" : e.category(), note, e.title());
                }
                t.print(out());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "categorise", aliases = "categorize", mixinStandardHelpOptions = true,
            description = "给外部发布或历史导入的记录设定分类（本系统发布的文章分类随稿件）")
    static final class Categorise extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "台账记录编号（见 ledger list）")
        long id;

        @Parameters(index = "1", paramLabel = "CATEGORY", description = "配置中的分类")
        String category;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                if (!w.config().categories().contains(category)) {
                    throw new UserError("分类“" + category + "”不在配置中（" + String.join("、", w.config().categories()) + "）");
                }
                LedgerEntry e = w.ledger().find(id, unit.scope(w))
                        .orElseThrow(() -> new UserError("没有编号为 " + id + " 的台账记录"));
                if (e.source() == LedgerSource.GONGKAI) {
                    throw new UserError("台账记录 " + id + " 是本系统发布的稿件 " + e.itemId() + "，分类随稿件，不能在此修改");
                }
                w.ledger().categorise(id, category);
                PrintWriter out = out();
                out.println("台账记录 " + id + "（" + e.title() + "）已归入“" + category + "”。");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = {"把某年的台账与微信“已发布”列表（freepublish/batchget）核对，对不上的逐条列出。",
                    "在微信后台直接发布的文章作为“外部发布”记入台账，待归类（ledger categorise）；",
                    "微信中已删除的文章在台账中标记（仍计入）。群发消息不在该列表中，不参与核对。",
                    "沙箱模式下请在控制台“统计”页核对（本命令的内置模拟器中没有已发布文章）。"})
    static final class Reconcile extends CliCommand {
        @Option(names = "--year", required = true, paramLabel = "Y", description = "年份")
        int year;

        @Option(names = "--max-pages", defaultValue = "20", paramLabel = "N",
                description = "每个公众号最多读取的页数，每页 20 条（该接口每天限 100 次；默认 ${DEFAULT-VALUE}）")
        int maxPages;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                List<AccountConfig> freepublish = unit.accounts(w).stream().filter(AccountConfig::freepublishes)
                        .toList();
                List<String> accounts = freepublish.stream().map(AccountConfig::id).toList();
                List<String> sandboxed = freepublish.stream().filter(AccountConfig::sandbox).map(AccountConfig::id)
                        .toList();
                if (!sandboxed.isEmpty() && w.simulator() != null) {
                    // The simulator this command started has published nothing: every row would look missing.
                    throw new UserError("公众号 " + String.join("、", sandboxed) + " 处于沙箱模式：本命令启动的内置模拟器中没有"
                            + "任何已发布文章，核对会把台账中的每一篇都列为“微信中没有”，因此不做核对。"
                            + "请在控制台“统计”页核对（serve 的模拟器保存着它发布的文章），"
                            + "或先单独启动模拟器再核对（见 README“沙箱提示”）。");
                }
                Reconciler.Result r = w.reconciler(maxPages).reconcile(year, accounts);
                r.lines(year, w.config().timezone(), "请用 ledger list --source external 查看编号，ledger categorise 编号 分类 归类",
                        "可加大 --max-pages（现为 " + maxPages + " 页）后再核对").forEach(out()::println);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rebuild-summary", mixinStandardHelpOptions = true,
            description = {"统计读取按天的台账汇总（随每次写台账同时更新）。本命令在一个事务中按台账重新计算汇总；",
                    "加 --check 时只核对汇总与台账是否一致，不修改（不一致时退出码非 0）。"})
    static final class RebuildSummary extends CliCommand {
        private static final int SHOWN = 20;

        @Option(names = "--check", description = "只核对，不重建")
        boolean check;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                if (check) {
                    List<String> differences = w.ledgerSummary().differences(SHOWN);
                    if (differences.isEmpty()) {
                        out().println("统计汇总与台账一致。");
                        return ExitCodes.OK;
                    }
                    out().println("统计汇总与台账不一致（请运行 gongkai ledger rebuild-summary 重建）：");
                    differences.forEach(out()::println);
                    return ExitCodes.USER;
                }
                long rows = w.ledgerSummary().rebuild();
                out().println("已按台账重建统计汇总（" + rows + " 行台账）。");
                return ExitCodes.OK;
            }
        }
    }
}
