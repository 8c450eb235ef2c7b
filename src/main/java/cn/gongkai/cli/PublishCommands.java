package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.RunReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai publish run|status}. */
@Command(name = "publish", description = "发布：立即发布到期稿件、查看发布批次", mixinStandardHelpOptions = true,
        subcommands = {PublishCommands.Run.class, PublishCommands.Status.class})
final class PublishCommands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "发布现在到期的已审定稿件（与定时任务同一流程；重复运行不会重复发布）")
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--account", paramLabel = "A", description = "只发布该公众号（默认全部）")
        String account;

        @Override
        public Integer call() {
            PollPolicy poll = new PollPolicy(10, Duration.ofSeconds(1));
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), poll)) {
                List<String> ids = account == null
                        ? w.config().accounts().stream().map(AccountConfig::id).toList() : List.of(account);
                if (account != null && w.config().account(account).isEmpty()) {
                    throw new UserError("未配置的公众号：" + account);
                }
                PrintWriter out = spec.commandLine().getOut();
                int failed = 0;
                for (String id : ids) {
                    RunReport r = w.publisher().run(id);
                    out.println(id + "：处理批次 " + r.batches() + " 个，发布文章 " + r.published() + " 篇，失败 "
                            + r.failed() + " 篇，待续 " + r.pending() + " 个批次");
                    r.messages().forEach(m -> out.println("  " + m));
                    failed += r.failed();
                }
                return failed > 0 ? ExitCodes.WECHAT : ExitCodes.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "列出最近的发布批次及其状态")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", defaultValue = "20", description = "最多列出多少个批次（默认 ${DEFAULT-VALUE}）")
        int limit;

        @Override
        public Integer call() {
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), ItemCommands.NO_POLLING)) {
                Table t = new Table("批次", "公众号", "状态", "稿件", "publish_id", "article_id", "更新时间", "说明");
                for (PublishBatch b : w.database().batches().recent(limit)) {
                    t.row(b.id(), b.account(), b.state(), b.itemIds(), b.publishId(), b.articleId(),
                            ItemCommands.MINUTE.format(b.updatedAt().atZone(w.config().timezone())), b.error());
                }
                t.print(spec.commandLine().getOut());
                return ExitCodes.OK;
            }
        }
    }
}
