package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai user add|list|token|passwd}: staff accounts and API tokens. */
@Command(name = "user", description = "用户：添加、列表、接口令牌、修改密码", mixinStandardHelpOptions = true,
        subcommands = {UserCommands.Add.class, UserCommands.ListUsers.class, UserCommands.Token.class,
                UserCommands.Passwd.class})
final class UserCommands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Reads a password: twice from the terminal without echo when there is one, else one line of standard input
     * (so {@code echo 密码 | gongkai user add …} works in scripts).
     */
    static char[] readPassword(CommandLine.Model.CommandSpec spec) {
        Context ctx = Cli.contextOf(spec);
        Console console = System.console();
        if (console != null && ctx.stdin() == System.in) {
            char[] first = console.readPassword("密码（至少 8 个字符）：");
            char[] second = console.readPassword("再输入一次：");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new UserError("两次输入的密码不一致");
            }
            Arrays.fill(second, ' ');
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UserError("没有从标准输入读到密码（例如：echo '密码' | gongkai user add 张科长 --role dept-leader）");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UserError("无法读取标准输入：" + e.getMessage());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"添加用户；密码从标准输入读取（终端中输入两次，不回显）。",
                    "角色：drafter 起草人、dept-leader 业务部门分管领导、office-director 办公室主任、"
                            + "office-leader 办公室分管领导、principal-leader 主要领导、admin 管理员"})
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "用户名（审核记录中显示的名字，可用中文）")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "角色")
        String role;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            char[] password = readPassword(spec);
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), ItemCommands.NO_POLLING)) {
                User u = w.users().add(name, r, password);
                spec.commandLine().getOut().println("已添加用户 " + u.name() + "（" + r.label() + "，" + r.id() + "）");
                return ExitCodes.OK;
            } finally {
                Arrays.fill(password, ' ');
            }
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "修改用户密码；新密码从标准输入读取")
    static final class Passwd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "用户名")
        String name;

        @Override
        public Integer call() {
            char[] password = readPassword(spec);
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), ItemCommands.NO_POLLING)) {
                w.users().changePassword(name, password);
                spec.commandLine().getOut().println("已修改用户 " + name + " 的密码");
                return ExitCodes.OK;
            } finally {
                Arrays.fill(password, ' ');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出用户")
    static final class ListUsers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), ItemCommands.NO_POLLING)) {
                Table t = new Table("用户", "角色", "角色代码", "创建时间");
                for (User u : w.users().list()) {
                    t.row(u.name(), u.role().label(), u.role().id(),
                            ItemCommands.MINUTE.format(u.createdAt().atZone(w.config().timezone())));
                }
                t.print(spec.commandLine().getOut());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"为用户创建接口令牌（REST API 用 Authorization: Bearer 令牌）。",
                    "令牌只显示这一次，请妥善保存；数据库中只保存其摘要。"})
    static final class Token implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "用户名")
        String name;

        @Override
        public Integer call() {
            try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), ItemCommands.NO_POLLING)) {
                String token = w.users().createToken(name);
                PrintWriter out = spec.commandLine().getOut();
                out.println(token);
                spec.commandLine().getErr().println("以上是用户 " + name + " 的接口令牌，只显示这一次。");
                return ExitCodes.OK;
            }
        }
    }
}
