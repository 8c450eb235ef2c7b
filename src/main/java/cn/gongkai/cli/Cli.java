package cn.gongkai.cli;

import cn.gongkai.Wiring;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command tree of design.md §7. */
@Command(name = "gongkai", mixinStandardHelpOptions = true, version = "gongkai 0.1.0",
        description = "政务公开发布助手：稿件导入、审核、排版，定时发布到微信公众号，统计年度发布数量。",
        subcommands = {ServeCommand.class, DemoCommand.class, SimulatorCommand.class, ItemCommands.class,
                ReviewCommands.class, UserCommands.class, InboxCommands.class, OaCommands.class,
                RenderCommand.class, PublishCommands.class, PortalCommands.class, CountsCommand.class, QuotaCommand.class,
                DoctorCommand.class, CalendarCommands.class, ReportCommand.class, LedgerCommands.class,
                BenchCommands.class, InspectCommands.class, UnitCommands.class,
                CommandLine.HelpCommand.class},
        footer = {"", "退出码：0 成功，1 输入错误，2 配置错误，3 微信拒绝，4 内部错误。",
                "任何配置项都可用环境变量覆盖，如 GONGKAI_DATABASE_URL、GONGKAI_ACCOUNTS_0_SECRET。"})
public final class Cli extends CommandGroup {
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "配置文件（默认 config/gongkai.yml；不存在时使用内置默认配置）")
    Path config;

    final Context context;

    Cli(Context context) {
        this.context = context;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err) {
        return run(args, env, clock, System.in, out, err);
    }

    /** Runs the command line with the given standard input and returns the exit code. */
    public static int run(String[] args, Map<String, String> env, Clock clock, java.io.InputStream in,
                          PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Cli(new Context(env, clock, in)));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new ExitCodes());
        cmd.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("错误：" + ex.getMessage());
            ex.getCommandLine().getErr().println("用法见：" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help");
            return ExitCodes.USER;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The --config file, found on the root command from any subcommand. */
    static Path configOf(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.CommandSpec root = spec.root();
        return ((Cli) root.userObject()).config;
    }

    static Context contextOf(CommandLine.Model.CommandSpec spec) {
        return ((Cli) spec.root().userObject()).context;
    }

    /** The service for one short command: the configured database and accounts, no polling for results. */
    static Wiring wire(CommandLine.Model.CommandSpec spec) {
        return contextOf(spec).wire(configOf(spec), ItemCommands.NO_POLLING);
    }
}
