package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.RunReport;
import cn.gongkai.publish.Watchdog;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gongkai publish run|status}. */
@Command(name = "publish", description = "发布：立即发布到期稿件、查看发布批次", mixinStandardHelpOptions = true,
        subcommands = {PublishCommands.Run.class, PublishCommands.Status.class})
final class PublishCommands extends CommandGroup {
    /** How the account publishes, for staff. */
    static String modeLabel(AccountConfig a) {
        String mode = switch (a.mode()) {
            case AccountConfig.MASS -> "群发给全部粉丝";
            case AccountConfig.FREEPUBLISH_AND_MASS -> "发布并群发通知粉丝";
            default -> "发布（不推送给粉丝）";
        };
        return mode + (a.dryRun() ? "，演练模式（只建草稿不发布）" : "");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "发布现在到期的已审定稿件（与定时任务同一流程；重复运行不会重复发布）")
    static final class Run extends CliCommand {
        @Option(names = "--account", paramLabel = "A", description = "只发布该公众号（默认本单位的全部公众号）")
        String account;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            PollPolicy poll = new PollPolicy(10, Duration.ofSeconds(1));
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), poll)) {
                List<String> ids = unit.accountIds(w, account);
                PrintWriter out = out();
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

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "各公众号的发布方式、下一个发布时段、今日用量和告警，以及最近的发布批次及其状态")
    static final class Status extends CliCommand {
        @Option(names = "--limit", defaultValue = "20", description = "最多列出多少个批次（默认 ${DEFAULT-VALUE}）")
        int limit;

        @Option(names = "--account", paramLabel = "A", description = "只看该公众号（默认本单位的全部公众号）")
        String account;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                PrintWriter out = out();
                ZoneId zone = w.config().timezone();
                Instant now = w.clock().instant();
                LocalDate today = LocalDate.ofInstant(now, zone);
                Instant startOfDay = today.atStartOfDay(zone).toInstant();
                List<String> ids = unit.accountIds(w, account);
                for (String id : ids) {
                    AccountConfig a = w.config().account(id).orElseThrow();
                    Instant next = Wiring.nextPublishSlot(a.cron(), zone, now);
                    int claimed = w.batches().itemsClaimedSince(id, startOfDay);
                    out.println("公众号 " + a.name() + "（" + id + "）：" + modeLabel(a));
                    out.println("  发布时段 " + a.cron() + "，下一个 "
                            + (next == null ? "（无）" : MINUTE.format(next.atZone(zone)))
                            + "；今日已排发 " + claimed + " 篇（上限 "
                            + (a.dailyCap() == 0 ? "不限" : a.dailyCap() + " 篇") + "）");
                    long polls = w.callBudget().usage(id).stream().filter(u -> u.api().equals("freepublish/get"))
                            .mapToLong(cn.gongkai.publish.CallBudget.Usage::used).sum();
                    out.println("  发布结果：" + (a.callbackConfigured() ? "由微信回调推送（/wechat/callback/" + id + "）"
                            : "查询 freepublish/get，今日已查询 " + polls + " 次（额度见 gongkai quota）")
                            + "；上次发布 " + w.batches().lastPublishedAt(id)
                            .map(t -> MINUTE.format(t.atZone(zone))).orElse("（尚无）"));
                }
                for (Watchdog.Warning warning : w.watchdog().check()) {
                    if (ids.contains(warning.account())) {
                        out.println("告警：" + warning.message());
                    }
                }
                Table t = new Table("批次", "公众号", "方式", "状态", "稿件", "publish_id/msg_id", "article_id", "更新时间",
                        "说明");
                for (PublishBatch b : w.batches().recent(limit, unit.scope(w))) {
                    if (!ids.contains(b.account())) {
                        continue;
                    }
                    t.row(b.id(), b.account(), b.mass() ? "群发" : "发布", b.state().label(), b.itemIds(),
                            b.publishId(), b.articleId(), MINUTE.format(b.updatedAt().atZone(zone)),
                            b.error());
                }
                t.print(out);
                return ExitCodes.OK;
            }
        }
    }
}
