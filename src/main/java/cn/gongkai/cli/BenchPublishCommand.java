package cn.gongkai.cli;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.RunReport;
import cn.gongkai.simulator.SimulatorRecord;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai bench publish [--items N] [--poll]}: publishes N approved items (one picture each, also the
 * cover) through the whole service — publisher, WxJava gateway over HTTP, in-process simulator, H2 file database,
 * and the callback route of the web server, which is how WeChat reports results when a callback is configured —
 * and prints the wall time, the WeChat calls per article and the fewest possible (one body-image upload and one
 * cover upload per article, one draft/add and one freepublish/submit per eight). {@code --poll} runs without a
 * callback, so results are polled; the simulator finishes a job on its first poll.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"发布全过程基准：N 篇各带一张图片的稿件经发布器、WxJava、HTTP 发到内置模拟器（H2 文件库，回调得到结果），",
                "输出用时、每篇文章的微信接口调用次数，以及最少可能的调用次数（正文图片 + 封面 + 草稿 + 提交 + 核实结果）。"})
final class BenchPublishCommand extends CliCommand {
    private static final String ACCOUNT = "hongqi";
    private static final int PER_DRAFT = WeChatLimits.ARTICLES_PER_DRAFT;
    private static final List<String> PUBLISHING_ENDPOINTS = List.of("media/uploadimg", "material/add_material",
            "draft/add", "freepublish/submit");

    @Option(names = "--items", paramLabel = "N", defaultValue = "200", description = "稿件篇数（默认 ${DEFAULT-VALUE}）")
    int items;

    @Option(names = "--poll", description = "不配置回调，用 freepublish/get 查询结果（模拟器第一次查询即完成）")
    boolean poll;

    @Override
    public Integer call() throws Exception {
        if (items < 1 || items > 100_000) {
            throw new UserError("--items 应在 1–100000 之间");
        }
        Context ctx = Cli.contextOf(spec);
        PrintWriter out = out();
        try (ScratchDir scratch = ScratchDir.create("gongkai-bench-");
             Wiring w = ctx.wire(benchConfig(ctx, scratch.path()), poll ? new PollPolicy(3, Duration.ofMillis(20))
                     : new PollPolicy(0, Duration.ZERO))) {
            Path dir = scratch.path();
            AccountConfig account = w.config().account(ACCOUNT).orElseThrow();
            liftSimulatorQuotas(w);
            try (Serve web = w.webServerWithoutConsole()) {
                if (!poll) {
                    w.simulator().setCallback(account.appId(), web.callbackUrl(ACCOUNT),
                            account.callbackToken().reveal());
                }
                out.println("准备 " + items + " 篇稿件（临时目录 " + dir + "，结束后删除）……");
                seed(w);
                out.flush();
                double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                publishEverything(w);
                long nanos = System.nanoTime() - started;
                long cpu = processCpuNanos() - cpuBefore;
                report(out, w, account, nanos);
                printCpu(out, cpu, loadBefore);
            }
        }
        return ExitCodes.OK;
    }

    /** A sandbox in a temporary directory, with a callback unless --poll and daily limits that do not get in the way. */
    private GongkaiConfig benchConfig(Context ctx, Path dir) {
        Map<String, String> env = new HashMap<>(Map.of("GONGKAI_DATA_DIR", dir.toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gongkai"),
                "GONGKAI_SANDBOX", "on", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0",
                "GONGKAI_ACCOUNTS_0_CALLBACK_TOKEN", poll ? "" : UUID.randomUUID().toString(),
                "GONGKAI_ACCOUNTS_0_MAX_ARTICLES_PER_DRAFT", String.valueOf(PER_DRAFT)));
        for (String api : List.of("draft/add", "freepublish/submit", "freepublish/get")) {
            env.put("GONGKAI_WECHAT_DAILY_LIMITS_" + api.replace('/', '_').toUpperCase(Locale.ROOT), "1000000");
        }
        if (!Files.isDirectory(ctx.config(Cli.configOf(spec)).templatesDir())) {
            env.put("GONGKAI_TEMPLATES_DIR", dir.resolve("templates").toString());
        }
        return ctx.config(Cli.configOf(spec), env);
    }

    private static void liftSimulatorQuotas(Wiring w) {
        for (String api : List.of("draft/add", "freepublish/submit", "freepublish/get", "media/uploadimg",
                "material/add_material")) {
            w.simulator().faults().quota(api, 1_000_000);
        }
        w.simulator().faults().publishPolls(0).publishDuration(Duration.ofMillis(50));
    }

    /** Runs the publisher until nothing approved is left, then waits for (or polls) every batch's result. */
    private void publishEverything(Wiring w) throws Exception {
        int runs = 0;
        while (!w.items().list(ItemStatus.APPROVED).isEmpty() && runs < items) {
            RunReport r = w.publisher().run(ACCOUNT);
            runs++;
            if (r.batches() == 0) {
                break;
            }
        }
        while (!w.batches().unfinished(ACCOUNT).isEmpty()) {
            if (poll) {
                w.publisher().resume(ACCOUNT);
            } else {
                Thread.sleep(10);
            }
        }
    }

    private void printCpu(PrintWriter out, long cpu, double loadBefore) {
        if (cpu > 0) {
            out.println(String.format(Locale.ROOT, "进程 CPU 时间 %.2f 秒（每篇 %.1f 毫秒，含同一进程内的模拟器和 H2）；"
                            + "系统 1 分钟负载 %.1f → %.1f（%d 核）", cpu / 1e9, cpu / 1e6 / items, loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors()));
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private void seed(Wiring w) throws IOException {
        for (int i = 0; i < items; i++) {
            byte[] png = picture(i);
            String sha = ContentHash.sha256(png);
            w.images().put(sha, png);
            ItemImage image = new ItemImage(sha, "photo" + i + ".png", "image/png", 160, 90, png.length, "现场照片",
                    "现场照片");
            String body = "红旗区商务局召开第" + (i + 1) + "次促消费工作推进会，部署以旧换新、夜间经济和县域商业体系建设。\n\n"
                    + "![现场照片](photo" + i + ".png \"现场照片\")\n\n会议要求各股室按时报送进展。";
            ItemContent content = new ItemContent(ACCOUNT, "促消费", "促消费工作推进会第" + (i + 1) + "次", "红旗区商务局",
                    "商贸流通股", body, List.of(), List.of(), List.of(image), null, "", "", null, false);
            w.items().insert(content, ItemStatus.APPROVED, null, w.clock().instant());
        }
    }

    /** A small PNG that differs for every item, so that every picture is uploaded once. */
    static byte[] picture(int i) throws IOException {
        BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x1f4e79));
        g.fillRect(0, 0, 160, 90);
        g.setColor(new Color((i * 2654435761L & 0xffffff) == 0 ? 0xffffff : (int) (i * 2654435761L & 0xffffff)));
        g.fillRect(10 + i % 50, 10 + i / 50 % 40, 60, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private void report(PrintWriter out, Wiring w, AccountConfig account, long nanos) {
        SimulatorRecord record = w.simulator().record();
        Map<String, Integer> calls = new TreeMap<>(record.calls().getOrDefault(account.appId(), Map.of()));
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        int published = record.published(account.appId()).size();
        List<PublishBatch> batches = w.batches().recent(Integer.MAX_VALUE);
        long done = batches.stream().filter(b -> b.state() == BatchState.PUBLISHED).count();
        int drafts = (items + PER_DRAFT - 1) / PER_DRAFT;
        int minimum = items + items + drafts + drafts + drafts; // every result is confirmed with freepublish/get
        int publishingCalls = PUBLISHING_ENDPOINTS.stream().mapToInt(e -> calls.getOrDefault(e, 0)).sum();
        out.println(String.format(Locale.ROOT, "结果获取方式：%s", poll ? "查询 freepublish/get（无回调）"
                : "PUBLISHJOBFINISH 回调（/wechat/callback/" + ACCOUNT + "）"));
        out.println(String.format(Locale.ROOT, "稿件 %d 篇，批次 %d 个（已发布 %d），模拟器记录已发布文章 %d 篇", items,
                batches.size(), done, published));
        out.println(String.format(Locale.ROOT, "用时 %.2f 秒（%.1f 篇/秒），每篇 %.1f 毫秒", nanos / 1e9,
                items / (nanos / 1e9), nanos / 1e6 / items));
        out.println("微信接口调用（模拟器记录）：" + calls);
        out.println(String.format(Locale.ROOT, "调用总数 %d，每篇 %.3f 次；最少可能 %d（正文图片 %d + 封面 %d + 草稿 %d + 提交 %d + 核实结果 %d），"
                + "每篇 %.3f 次", total, (double) total / items, minimum, items, items, drafts, drafts, drafts,
                (double) minimum / items));
        out.println(String.format(Locale.ROOT, "与最少调用之比：%.3f（不计 access_token：%.3f；发布类调用 %d 次）",
                (double) total / minimum, (double) (total - calls.getOrDefault("stable_token", 0)
                        - calls.getOrDefault("token", 0)) / minimum, publishingCalls));
        if (published != items) {
            out.println("注意：已发布文章数与稿件数不一致");
        }
    }
}
