package cn.gongkai.cli;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongkai simulator [--port N]}: the WeChat API simulator on its own, for rehearsals and tests. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = {"单独启动微信接口模拟器（用于演练和测试）。",
                "配置中的每个公众号都会注册到模拟器；AppSecret 取配置值，未配置时使用 --secret。"})
final class SimulatorCommand extends CliCommand {
    @Option(names = "--port", defaultValue = "8081", description = "端口（默认 ${DEFAULT-VALUE}；0 为任选空闲端口）")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "监听地址（默认 ${DEFAULT-VALUE}）")
    String host;

    @Option(names = "--secret", defaultValue = "sandbox-secret",
            description = "未配置 AppSecret 的公众号在模拟器中使用的 AppSecret（默认 ${DEFAULT-VALUE}）")
    String secret;

    @Option(names = "--faults", paramLabel = "FILE", description = "启动时加载的故障注入规则（JSON 或 YAML）")
    Path faults;

    @Option(names = "--unverified", description = "把公众号注册为未认证（发布接口返回 48001）")
    boolean unverified;

    @Override
    public Integer call() throws InterruptedException {
        GongkaiConfig config = Cli.contextOf(spec).config(Cli.configOf(spec));
        PrintWriter out = out();
        try (WeChatSimulator sim = WeChatSimulator.start(host, port, Cli.contextOf(spec).clock())) {
            for (AccountConfig a : config.accounts()) {
                String s = a.secret().isEmpty() ? secret : a.secret().reveal();
                sim.registerAccount(a.appId(), s, AccountType.SERVICE, !unverified);
                out.println("已注册公众号 " + a.name() + "：appid " + a.appId()
                        + (a.secret().isEmpty() ? "，AppSecret " + secret : "，AppSecret 取自配置"));
            }
            if (faults != null) {
                sim.loadFaults(faults);
                out.println("已加载故障注入规则：" + faults);
            }
            out.println("微信模拟器已启动：" + sim.baseUrl() + "（记录：" + sim.baseUrl() + "/sim/record）");
            out.println("把公众号的 api-base-url 设为该地址即可对它发布。按 Ctrl+C 停止。");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "simulator-shutdown"));
            stop.await();
        }
        return ExitCodes.OK;
    }
}
