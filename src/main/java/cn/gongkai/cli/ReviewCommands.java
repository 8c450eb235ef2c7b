package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.review.ReviewService;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gongkai review approve ID --as USER --hash HASH [--comment TEXT]} and
 * {@code gongkai review reject ID --as USER --comment TEXT [--hash HASH]}.
 */
@Command(name = "review", description = "审核：通过或退回当前审核步骤", mixinStandardHelpOptions = true,
        subcommands = {ReviewCommands.Approve.class, ReviewCommands.Reject.class})
final class ReviewCommands extends CommandGroup {
    abstract static class Decide extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
        long id;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "审核人")
        String actor;

        @Option(names = "--comment", paramLabel = "TEXT", description = "审核意见（退回时必填）")
        String comment;

        @Mixin
        UnitOption unit;

        abstract ReviewService.Decision decide(ReviewService review);

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                unit.item(w, id);
                ReviewService.Decision decision = decide(w.review());
                PrintWriter out = out();
                if (decision.repeated()) {
                    out.println("稿件 " + id + "：" + decision.message());
                    return ExitCodes.OK;
                }
                DisclosureItem item = decision.item();
                Optional<String> next = w.review().waitingFor(item);
                if (next.isPresent()) {
                    out.println("稿件 " + id + " 已通过本步，等待" + ReviewService.roleLabel(next.get()) + "审核");
                } else {
                    out.println("稿件 " + id + " 当前状态：" + item.status().label());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"通过当前审核步骤。",
                    "--hash 必填：先运行 gongkai item show ID 查看稿件，再填它显示的“内容指纹”（至少前 8 位）；"
                            + "稿件在此之后被修改过时不予通过。"})
    static final class Approve extends Decide {
        @Option(names = "--hash", paramLabel = "HASH",
                description = "审核时看到的内容指纹（gongkai item show ID 显示的，至少前 8 位十六进制）")
        String hash;

        @Override
        ReviewService.Decision decide(ReviewService review) {
            if (hash == null || hash.isBlank()) {
                throw new UserError("请用 --hash 注明您审核的内容指纹：先运行 gongkai item show " + id
                        + " 查看稿件，再把其中“内容指纹”的至少前 " + ReviewService.MIN_HASH_PREFIX + " 位写在 --hash 后");
            }
            return review.approval(id, actor, hash, comment == null ? "" : comment);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "退回给起草人（须写明原因）")
    static final class Reject extends Decide {
        @Option(names = "--hash", paramLabel = "HASH",
                description = "可选：审核时看到的内容指纹；稿件已被修改时不予退回")
        String hash;

        @Override
        ReviewService.Decision decide(ReviewService review) {
            return review.rejection(id, actor, hash, comment);
        }
    }
}
