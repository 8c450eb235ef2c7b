package cn.gongkai.cli;

import cn.gongkai.Wiring;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai item reschedule ID (--at TIME | --now) --as USER --reason TEXT} and
 * {@code gongkai item delete ID --as USER [--reason TEXT]}: changes outside the review chain, by the drafter or an
 * office role.
 */
final class ItemUpkeepCommands {
    private ItemUpkeepCommands() {
    }

    @Command(name = "reschedule", mixinStandardHelpOptions = true,
            description = {"调整已审定待发布稿件的计划发布时间，或立即发布（下一次发布运行即发出）。",
                    "发布时间不是内容：审核意见保留，不重新审核；记录操作人和原因。只有起草人或办公室主任、办公室分管领导、管理员可以调整。"})
    static final class Reschedule extends ItemCommands.ItemAction {
        @ArgGroup(multiplicity = "1")
        When when;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "调整原因（写入审核记录）")
        String reason;

        static final class When {
            @Option(names = "--at", paramLabel = "TIME", description = "新的计划发布时间，如 2026-12-08 09:00")
            String at;

            @Option(names = "--now", description = "立即发布：计划发布时间改为现在")
            boolean now;
        }

        @Override
        public Integer call() {
            return act(w -> w.review().reschedule(id, time(w), actor, reason), "已调整发布时间");
        }

        private Instant time(Wiring w) {
            if (when.now) {
                return w.clock().instant();
            }
            return parse(when.at, w.config().timezone());
        }

        private static Instant parse(String text, ZoneId zone) {
            try {
                return LocalDateTime.parse(text.strip().replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new UserError("--at 的时间“" + text + "”格式不对，应为 yyyy-MM-dd HH:mm，如 2026-12-08 09:00");
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"删除从未审定的稿件（草稿、审核中、已退回），例如重复提交的稿件。",
                    "只有起草人或办公室主任、办公室分管领导、管理员可以删除；审核记录保留，稿件从列表和统计中消失。"})
    static final class Delete extends ItemCommands.ItemAction {
        @Option(names = "--reason", paramLabel = "TEXT", description = "删除原因（写入审核记录）")
        String reason;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                String title = "《" + unit.item(w, id).title() + "》";
                w.review().delete(id, actor, reason == null ? "" : reason);
                out().println("稿件 " + id + title + " 已删除");
                return ExitCodes.OK;
            }
        }
    }
}
