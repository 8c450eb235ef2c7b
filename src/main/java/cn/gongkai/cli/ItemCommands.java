package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.intake.ImportProblem;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.review.ReviewService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai item import|list|show|update|submit|reschedule|delete|requeue|withdraw|correct}. */
@Command(name = "item", description = "稿件：导入、列表、详情与审核记录、修改、提交审核、调整发布时间、删除、重新排队",
        mixinStandardHelpOptions = true,
        subcommands = {ItemCommands.Import.class, ItemCommands.ListItems.class, ItemShow.class, ItemCommands.Update.class,
                ItemCommands.Submit.class, ItemUpkeepCommands.Reschedule.class, ItemUpkeepCommands.Delete.class,
                ItemRequeueCommand.class,
                ItemCorrectionCommands.Withdraw.class, ItemCorrectionCommands.Correct.class})
final class ItemCommands extends CommandGroup {
    static final PollPolicy NO_POLLING = new PollPolicy(0, Duration.ZERO);

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"导入 Markdown 稿件（带 YAML 头部），每行输出一个新稿件编号。",
                    "任一文件有问题时全部不导入，并逐条列出问题。"})
    static final class Import extends CliCommand {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "稿件文件（.md）")
        List<Path> files;

        @Option(names = "--as", paramLabel = "USER", defaultValue = "${sys:user.name}",
                description = "提交人（默认当前系统用户）")
        String actor;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                ImportResult r = UnitImport.importer(w, unit).importFiles(files, actor, "命令行");
                PrintWriter out = out();
                PrintWriter err = err();
                if (!r.ok()) {
                    UnitImport.problems(w, unit, r).forEach(err::println);
                    err.println("共 " + r.problems().size() + " 个问题，未导入任何稿件。");
                    return ExitCodes.USER;
                }
                printWarnings(r, err);
                r.newIds().forEach(out::println);
                return ExitCodes.OK;
            }
        }
    }

    /** "审核中，等待…审核" — the item's status and, while in review, whose turn it is. */
    static String statusAndNextStep(Wiring w, DisclosureItem item) {
        return item.status().label() + w.review().waitingFor(item)
                .map(role -> "，等待" + ReviewService.roleLabel(role) + "审核").orElse("");
    }

    /** A command on one item by one user: {@code ID --as USER}. */
    abstract static class ItemAction extends CliCommand {
        @Parameters(paramLabel = "ID", description = "稿件编号")
        long id;

        @Option(names = "--as", paramLabel = "USER", required = true, description = "操作人")
        String actor;

        @Mixin
        UnitOption unit;

        /**
         * Runs one action on the item of the unit (another unit's item is not found, nothing changes) and prints
         * "稿件 ID《title》{done}：status".
         */
        int act(Function<Wiring, DisclosureItem> action, String done) {
            try (Wiring w = wire()) {
                unit.item(w, id);
                DisclosureItem item = action.apply(w);
                out().println("稿件 " + item.id() + "《" + item.title() + "》" + done + "：" + item.status().label());
                return ExitCodes.OK;
            }
        }
    }

    static void printWarnings(ImportResult r, PrintWriter err) {
        for (ImportProblem p : r.warnings()) {
            err.println("提醒：" + p);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"用稿件文件（.md 或 .docx）替换稿件内容。",
                    "已在审核中、已退回或已审定的稿件修改后重新从第一步审核（此前的审核不再有效）；草稿仍为草稿。"})
    static final class Update extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
        long id;

        @Parameters(index = "1", paramLabel = "FILE", description = "新的稿件文件")
        Path file;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "修改人（须为已添加的用户）")
        String actor;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                unit.item(w, id);
                ImportResult r = UnitImport.importer(w, unit).updateFromFile(id, file, actor, "命令行");
                PrintWriter err = err();
                if (!r.ok()) {
                    UnitImport.problems(w, unit, r).forEach(err::println);
                    err.println("共 " + r.problems().size() + " 个问题，稿件 " + id + " 未修改。");
                    return ExitCodes.USER;
                }
                printWarnings(r, err);
                DisclosureItem item = unit.item(w, id);
                out().println("稿件 " + id + " 已修改，当前状态：" + statusAndNextStep(w, item));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "把草稿或已退回的稿件提交审核（先运行发布前检查，有错误时不提交）")
    static final class Submit extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
        long id;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "提交人（须为已添加的用户）")
        String actor;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                unit.item(w, id);
                DisclosureItem item = w.review().submit(id, actor);
                out().println("稿件 " + id + " 已提交，当前状态：" + statusAndNextStep(w, item));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出稿件")
    static final class ListItems extends CliCommand {
        @Option(names = "--status", paramLabel = "S",
                description = "只列出该状态：DRAFT IN_REVIEW REJECTED APPROVED PUBLISHING PUBLISHED FAILED WITHDRAWN CORRECTED")
        String status;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            ItemStatus filter = status == null ? null : ItemStatus.parse(status);
            try (Wiring w = wire()) {
                // first: the review part (due dates) reads the holiday table while the database is still opening
                ReviewService review = w.review();
                Table t = new Table("编号", "状态", "分类", "计划发布", "公开时限", "标题");
                for (DisclosureItem i : w.items().list(filter, unit.scope(w))) {
                    String at = i.content().publishAt() == null ? "下一时段"
                            : MINUTE.format(i.content().publishAt().atZone(w.config().timezone()));
                    String due = review.dueDate(i) + (review.overdue(i) ? " 已超期" : "");
                    t.row(i.id(), i.status().label() + (i.content().important() ? "（重要）" : ""),
                            i.content().category(), at, due, i.title());
                }
                t.print(out());
                return ExitCodes.OK;
            }
        }
    }
}
