package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.intake.OaImporter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code gongkai oa pull}: read approved items from the OA database once (serve does it every {@code oa.interval}). */
@Command(name = "oa", description = "OA 数据源：从单位 OA 数据库读取已审批的稿件（需配置 oa.url 和 oa.query）",
        mixinStandardHelpOptions = true, subcommands = {OaCommands.Pull.class})
final class OaCommands extends CommandGroup {
    @Command(name = "pull", mixinStandardHelpOptions = true, description = "立即读取一次；已读过的（source_key 相同）跳过")
    static final class Pull extends CliCommand {
        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                OaImporter oa = w.oaSource().orElseThrow(() -> new UserError(
                        "未配置 OA 数据源：请在配置文件中设置 oa.url 和 oa.query（见 config/gongkai.example.yml）"));
                OaImporter.Pull pull = oa.pull();
                PrintWriter out = out();
                out.println("OA：新导入 " + pull.imported().size() + " 篇 " + pull.imported() + "，已导入过 "
                        + pull.alreadyKnown() + " 篇，未导入 " + pull.refused().size() + " 篇");
                pull.refused().forEach(r -> out.println("  未导入 " + r));
                return pull.refused().isEmpty() ? ExitCodes.OK : ExitCodes.USER;
            }
        }
    }
}
