package cn.gongkai.cli;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code gongkai serve}: web server, scheduler, and the WeChat simulator in sandbox mode. Runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "启动服务：网页与接口（含 /healthz）、定时发布；未配置微信密钥时使用内置模拟器（沙箱模式）")
final class ServeCommand extends CliCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() throws InterruptedException {
        Context ctx = Cli.contextOf(spec);
        Wiring w = ctx.wire(ctx.config(Cli.configOf(spec)), Wiring.servicePolling());
        Serve serve = start(w);
        announce(w, serve, out(), selfCommand(Cli.configOf(spec)));
        awaitShutdown(w, serve);
        return ExitCodes.OK;
    }

    /** Everything serve runs, built by the wiring; the annual report facts files sit in report/ beside the config. */
    private Serve start(Wiring w) {
        try {
            return w.serve(ReportCommand.defaultFacts(Cli.configOf(spec), 0).getParent());
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private static void announce(Wiring w, Serve serve, PrintWriter out, String self) {
        banner(w, serve.port(), out);
        if (serve.noUsers()) {
            firstAdminHint(out, self);
        }
    }

    /** Blocks until the process is told to stop (Ctrl+C, SIGTERM), then stops the scheduler, the web and the rest. */
    private static void awaitShutdown(Wiring w, Serve serve) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping gongkai");
            serve.close();
            w.close();
            stopped.countDown();
        }, "gongkai-shutdown"));
        stopped.await();
    }

    /** No staff account exists yet: say how to make the first administrator, who then adds the others. */
    private static void firstAdminHint(PrintWriter out, String self) {
        out.println(" 还没有任何用户，控制台无法登录。请另开一个终端，在同一目录下创建第一个管理员：");
        out.println("     " + self + " user add 管理员 --role admin");
        out.println(" （按提示输入两次密码，至少 10 个字符，不能是常见密码）。然后用浏览器打开上面的控制台地址登录，");
        out.println(" 在“系统”页添加起草人和各级审核人（业务部门分管领导、办公室主任、办公室分管领导）。");
        out.println("================================================================");
        out.flush();
    }

    /**
     * How this program was started, for commands staff should type next: the launcher beside the jar when there is
     * one (target/gongkai), else {@code java -jar} with the jar as this process runs it (relative to the working
     * directory when it lies below it), and the {@code --config} given.
     */
    static String selfCommand(java.nio.file.Path config) {
        String program = "java -jar target/gongkai.jar";
        try {
            java.nio.file.Path running = java.nio.file.Path.of(ServeCommand.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toAbsolutePath();
            if (running.toString().endsWith(".jar")) {
                java.nio.file.Path launcher = running.resolveSibling("gongkai");
                boolean viaLauncher = java.nio.file.Files.isExecutable(launcher) && !isWindows();
                java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
                java.nio.file.Path shown = viaLauncher ? launcher : running;
                String path = shown.startsWith(here) ? here.relativize(shown).toString() : shown.toString();
                program = viaLauncher ? quoted(path.contains("/") ? path : "./" + path) : "java -jar " + quoted(path);
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            LOG.debug("Cannot tell where the jar is; the hint names target/gongkai.jar", e);
        }
        return program + (config == null ? "" : " --config " + quoted(config.toString()));
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static String quoted(String word) {
        return word.matches("[\\w./:@=+,-]+") ? word : "\"" + word.replace("\"", "\\\"") + "\"";
    }

    private static void banner(Wiring w, int port, PrintWriter out) {
        String host = w.config().web().host().equals("0.0.0.0") ? "127.0.0.1" : w.config().web().host();
        out.println("================================================================");
        out.println(" 政务公开发布助手 gongkai 已启动");
        out.println(" 控制台：http://" + host + ":" + port + "/    健康检查：http://" + host + ":" + port + "/healthz");
        out.println(" 配置：" + w.config().source() + "    数据库：" + w.config().database().safeUrl());
        for (AccountConfig a : w.config().accounts()) {
            out.println(" 公众号 " + a.name() + "（" + a.id() + "）：发布时间表 " + a.cron() + "（" + w.config().timezone()
                    + "），" + PublishCommands.modeLabel(a) + (a.sandbox() ? " —— 沙箱" : ""));
            if (a.callbackConfigured()) {
                out.println("   发布结果回调地址：http://" + host + ":" + port + "/wechat/callback/" + a.id()
                        + "（在公众号后台 设置与开发 → 基本配置 → 服务器配置 中填写对外地址）");
            }
        }
        out.println(" 收件箱：" + w.config().intake().inboxDir().toAbsolutePath().normalize() + "（每 "
                + w.config().intake().inboxInterval().toSeconds() + " 秒扫描；.md 或 .docx，处理后移到 done/ 或 failed/）");
        out.println(" 接口：http://" + host + ":" + port + "/api/items（Authorization: Bearer 令牌，令牌用 gongkai user token 创建）");
        if (w.simulator() != null) {
            out.println(" 沙箱模式：未配置微信 AppSecret 的公众号发布到内置微信模拟器 " + w.simulator().baseUrl());
            out.println("          不会真正发到公众号。设置 GONGKAI_ACCOUNTS_0_SECRET 等后重启即可正式发布。");
        }
        out.println(" 按 Ctrl+C 停止。");
        out.println("================================================================");
        out.flush();
    }
}
