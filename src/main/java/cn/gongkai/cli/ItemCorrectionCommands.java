package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.item.DisclosureItem;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai item withdraw|correct}: take a published article down, or publish its 更正说明. */
final class ItemCorrectionCommands {
    private ItemCorrectionCommands() {
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = {"从公众号撤回（删除）已发布的文章（freepublish/delete，不可恢复，每天限 10 次）。",
                    "台账保留该条记录并标注“已删除”：年报仍计为已公开。群发的文章须在公众号后台删除。"})
    static final class Withdraw extends ItemCommands.ItemAction {
        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "撤回原因")
        String reason;

        @Override
        public Integer call() {
            return act(w -> w.publishActions().withdraw(id, actor, reason), "已从公众号撤回");
        }
    }

    @Command(name = "correct", mixinStandardHelpOptions = true,
            description = {"为已发布的文章起草“更正说明”：新稿件标题为“更正说明：原标题”，正文为更正内容并链接原文，",
                    "经审核后优先发布；发布后台账把它记为原文的更正，年报不重复计数，原稿件状态变为“已更正”。"})
    static final class Correct extends CliCommand {
        @Parameters(paramLabel = "ID", description = "原稿件编号")
        long id;

        @Option(names = "--as", paramLabel = "USER", required = true, description = "操作人")
        String actor;

        @Option(names = "--text", paramLabel = "TEXT", required = true,
                description = "更正内容，例如：原文第二段“2023年”应为“2024年”。")
        String text;

        @Option(names = "--withdraw", description = "同时从公众号撤回原文")
        boolean withdraw;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                unit.item(w, id);
                DisclosureItem notice = w.publishActions().correct(id, actor, text, withdraw);
                PrintWriter out = out();
                out.println(notice.id());
                out.println("已起草更正说明：稿件 " + notice.id() + "《" + notice.title() + "》，" + notice.status().label()
                        + (notice.status() == cn.gongkai.item.ItemStatus.APPROVED ? "；将在下一个发布时段优先发布"
                        : "；审核通过后在下一个发布时段优先发布"));
                return ExitCodes.OK;
            }
        }
    }
}
