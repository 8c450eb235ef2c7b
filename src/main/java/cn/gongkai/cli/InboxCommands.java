package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.intake.Inbox;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code gongkai inbox run}: scan the inbox folder once (serve scans it every {@code inbox.interval}). */
@Command(name = "inbox", description = "收件箱：立即导入收件箱目录中的 .md 和 .docx 文件", mixinStandardHelpOptions = true,
        subcommands = {InboxCommands.Run.class})
final class InboxCommands extends CommandGroup {
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "扫描一次收件箱：成功的文件移到 done/，失败的移到 failed/ 并写出 .errors.txt")
    static final class Run extends CliCommand {
        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                Inbox inbox = w.inbox(Duration.ZERO);
                Inbox.Scan scan = inbox.scanOnce();
                PrintWriter out = out();
                out.println("收件箱 " + inbox.dir().toAbsolutePath().normalize() + "：导入 " + scan.imported().size() + " 个文件，失败 "
                        + scan.failed().size() + " 个");
                scan.imported().forEach(f -> out.println("  已导入 " + f));
                scan.failed().forEach(f -> out.println("  未导入 " + f + "（原因见 failed/" + f + ".errors.txt）"));
                return scan.failed().isEmpty() ? ExitCodes.OK : ExitCodes.USER;
            }
        }
    }
}
