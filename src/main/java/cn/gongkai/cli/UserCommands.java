package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.review.ApiToken;
import cn.gongkai.review.PasswordPolicy;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai user add|list|token|passwd|disable|enable}: staff accounts and API tokens. */
@Command(name = "user", description = "用户：添加、列表、接口令牌、修改密码、停用与启用", mixinStandardHelpOptions = true,
        subcommands = {UserCommands.Add.class, UserCommands.ListUsers.class, UserCommands.Token.class,
                UserCommands.Passwd.class, UserCommands.Disable.class, UserCommands.Enable.class})
final class UserCommands extends CommandGroup {
    /**
     * Reads a password: twice from the terminal without echo when there is one, else one line of standard input
     * (so {@code echo 密码 | gongkai user add …} works in scripts).
     */
    static char[] readPassword(CommandLine.Model.CommandSpec spec) {
        Context ctx = Cli.contextOf(spec);
        Console console = System.console();
        if (console != null && ctx.stdin() == System.in) {
            char[] first = console.readPassword("密码（" + PasswordPolicy.summary() + "）：");
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
                            + "office-leader 办公室分管领导、principal-leader 主要领导、admin 管理员；"
                            + "区政府办：district-admin 区政府办管理员、district-inspector 区政府办巡查员（不属于任何单位）",
                    "配置了多个单位时须用 --unit 指明用户所属的单位；只有一个单位时可以不写。"})
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "用户名（审核记录中显示的名字，可用中文）")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "角色")
        String role;

        @Option(names = "--unit", paramLabel = "UNIT", description = "所属单位的编号（配置中 units 的 id）")
        String unit;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (Wiring w = wire()) {
                String unitId = UserUnits.unitFor(w.units(), r, unit);
                char[] password = readPassword(spec);
                try {
                    User u = w.users().add(name, r, unitId, password);
                    String where = w.config().severalUnits() || r.district() ? "，" + UserUnits.label(w.units(), u) : "";
                    out().println("已添加用户 " + u.name() + "（" + r.label() + "，" + r.id() + where + "）");
                    return ExitCodes.OK;
                } finally {
                    Arrays.fill(password, ' ');
                }
            }
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"重设用户密码（管理员在服务器上操作）；新密码从标准输入读取。",
                    "该用户已登录的控制台会话和全部接口令牌随即失效。"})
    static final class Passwd extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "用户名")
        String name;

        @Override
        public Integer call() {
            char[] password = readPassword(spec);
            try (Wiring w = wire()) {
                w.users().changePassword(name, password);
                out().println("已修改用户 " + name + " 的密码；其已登录的控制台会话和全部接口令牌已失效");
                return ExitCodes.OK;
            } finally {
                Arrays.fill(password, ' ');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出用户")
    static final class ListUsers extends CliCommand {
        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                List<User> users = w.users().list();
                java.util.function.Function<User, String> unitOf = UserUnits.labels(w.units(), users);
                // a single bureau never sees the word 单位 (unless someone of the district office is there)
                boolean units = w.config().severalUnits() || users.stream().anyMatch(u -> u.role().district());
                Table t = units ? new Table("用户", "单位", "角色", "角色代码", "创建时间", "状态")
                        : new Table("用户", "角色", "角色代码", "创建时间", "状态");
                for (User u : users) {
                    List<String> cells = new java.util.ArrayList<>(List.of(u.name(), u.role().label(), u.role().id(),
                            MINUTE.format(u.createdAt().atZone(w.config().timezone())), u.disabled() ? "已停用" : "正常"));
                    if (units) {
                        cells.add(1, unitOf.apply(u));
                    }
                    t.row(cells.toArray(String[]::new));
                }
                t.print(out());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"为用户创建接口令牌（REST API 用 Authorization: Bearer 令牌）。",
                    "令牌只显示这一次，请妥善保存；数据库中只保存其摘要。",
                    "--list 列出该用户的令牌（编号、创建时间、最近使用）；--revoke 作废该用户的全部令牌，"
                            + "--revoke 编号 只作废一个。"})
    static final class Token extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "用户名")
        String name;

        @Option(names = "--revoke", arity = "0..1", fallbackValue = "", paramLabel = "ID",
                description = "作废令牌：不带编号为该用户的全部令牌，带编号（至少前 6 位）为那一个")
        String revoke;

        @Option(names = "--list", description = "列出该用户的令牌，不创建新令牌")
        boolean list;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                PrintWriter out = out();
                if (revoke != null && list) {
                    throw new UserError("--revoke 和 --list 不能同时使用");
                }
                if (list) {
                    Table t = new Table("编号", "创建时间", "最近使用");
                    for (ApiToken token : w.users().tokens(name)) {
                        t.row(token.id(), time(w, token.createdAt()),
                                token.lastUsed() == null ? "从未使用" : time(w, token.lastUsed()));
                    }
                    t.print(out);
                    return ExitCodes.OK;
                }
                if (revoke != null && revoke.isBlank()) {
                    int n = w.users().revokeTokens(name);
                    out.println("已作废用户 " + name + " 的全部接口令牌（" + n + " 个）");
                    return ExitCodes.OK;
                }
                if (revoke != null) {
                    ApiToken t = w.users().revokeToken(name, revoke);
                    out.println("已作废用户 " + name + " 的接口令牌 " + t.id());
                    return ExitCodes.OK;
                }
                String token = w.users().createToken(name);
                out.println(token);
                err().println("以上是用户 " + name + " 的接口令牌（编号 " + Users.tokenId(token)
                        + "），只显示这一次。作废：gongkai user token " + name + " --revoke " + Users.tokenId(token));
                return ExitCodes.OK;
            }
        }

        private static String time(Wiring w, java.time.Instant at) {
            return MINUTE.format(at.atZone(w.config().timezone()));
        }
    }

    /** Disable and enable: the same switch, with its own wording each way. */
    abstract static class Switch extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "用户名")
        String name;

        abstract boolean disable();

        abstract String changed();

        abstract String unchanged();

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                out().println(w.users().setDisabled(name, disable()) ? changed() : unchanged());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "停用用户：不能再登录，已登录的控制台会话和全部接口令牌立即失效，也不能再审核；用 user enable 恢复")
    static final class Disable extends Switch {
        @Override
        boolean disable() {
            return true;
        }

        @Override
        String changed() {
            return "已停用用户 " + name + "：不能再登录，已登录的会话和接口令牌已失效";
        }

        @Override
        String unchanged() {
            return "用户 " + name + " 本来就已停用";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "启用已停用的用户：可以重新登录；接口令牌在停用时已作废，需要时重新创建")
    static final class Enable extends Switch {
        @Override
        boolean disable() {
            return false;
        }

        @Override
        String changed() {
            return "已启用用户 " + name + "，可以重新登录";
        }

        @Override
        String unchanged() {
            return "用户 " + name + " 本来就处于启用状态";
        }
    }
}
