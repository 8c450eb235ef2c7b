package cn.gongkai.cli;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai bench console}: the console under a district's load. Fills the configured database (items with
 * their audit rows, ledger rows; reused on the next run), starts the web server as serve does but without the
 * scheduler, logs in N simulated staff over HTTP and has each request 待办, 稿件 (filters and a search), an item,
 * 统计 and 排期 in turn for a fixed time, pausing after each page as a person reads it ({@code --think}, 0 for
 * none: the saturation throughput), then prints p50/p95/p99 per page. Any answer but 200 is an error.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"控制台压力测试：N 名模拟工作人员登录后轮流打开待办、稿件（筛选和搜索）、稿件页、统计、排期，"
                + "持续 S 秒，输出每个页面的 p50/p95/p99 和错误数（非 200 即为错误）。",
                "请使用单独的数据库，例如 GONGKAI_DATA_DIR=/tmp/gongkai-bench-console；已有真实稿件或台账时拒绝运行。"})
final class BenchConsoleCommand extends CliCommand {
    static final List<String> PAGES = List.of("待办", "稿件", "搜索", "稿件页", "统计", "排期");

    @Option(names = "--items", defaultValue = "10000", paramLabel = "N", description = "稿件数（默认 ${DEFAULT-VALUE}）")
    int items;

    @Option(names = "--ledger-rows", defaultValue = "100000", paramLabel = "N",
            description = "台账行数（默认 ${DEFAULT-VALUE}）")
    long ledgerRows;

    @Option(names = "--staff", defaultValue = "50", paramLabel = "N", description = "同时在线的模拟工作人员（默认 ${DEFAULT-VALUE}）")
    int staff;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S", description = "计时的秒数（默认 ${DEFAULT-VALUE}）")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "S",
            description = "计时前不计入结果的预热秒数（默认 ${DEFAULT-VALUE}）")
    int warmup;

    @Option(names = "--think", defaultValue = "2000", paramLabel = "MS",
            description = {"每名工作人员打开一个页面后停顿的平均毫秒数，在其一半到一倍半之间随机（默认 ${DEFAULT-VALUE}，"
                    + "即每人每 1–3 秒点开一个页面，比真实办公繁忙得多）；0 表示不停顿，连续请求，用于测出最大吞吐量"})
    int think;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter out = out();
        Context context = Cli.contextOf(spec);
        // The configured database, with the web server on a free local port (serve's own port may be in use).
        var config = context.config(Cli.configOf(spec), Map.of("GONGKAI_WEB_HOST", "127.0.0.1",
                "GONGKAI_WEB_PORT", "0"));
        if (config.accounts().isEmpty()) {
            throw new UserError("配置中没有公众号，无法生成稿件；请在配置中至少写一个公众号（accounts）");
        }
        try (Wiring w = context.wire(config, ItemCommands.NO_POLLING)) {
            out.println("数据库：" + w.describeDatabase());
            BenchConsoleSeed seed = new BenchConsoleSeed(w, out);
            int year = ZonedDateTime.now(w.clock().withZone(config.timezone())).getYear();
            int total = seed.items(items);
            seed.ledger(ledgerRows, year - 1);
            String password = seed.staff(staff);
            List<Long> ids = sampleIds(seed, total);
            try (Serve web = w.webServer(ReportCommand.defaultFacts(Cli.configOf(spec), 0).getParent())) {
                BenchLatencies latencies = load("http://127.0.0.1:" + web.port(), password, pages(ids, config),
                        out);
                out.printf("%d 名工作人员，%s，计时 %d 秒（预热 %d 秒不计）；系统负载（1 分钟平均）%.1f，%d 个处理器%n",
                        staff, think == 0 ? "不停顿连续请求" : "每个页面后平均停顿 " + think + " ms", seconds, warmup,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
                latencies.print(out, seconds);
                out.printf("合计 %d 个请求，每秒 %.1f 个%n", latencies.requests(), latencies.requests() / (double) seconds);
                out.printf("本进程 CPU 时间（服务端与模拟工作人员合计，计时期间）：平均每个请求 %.1f ms%n",
                        latencies.requests() == 0 ? 0.0 : timedCpuNanos / 1e6 / latencies.requests());
                out.println("错误合计：" + latencies.totalErrors());
                return latencies.totalErrors() == 0 ? ExitCodes.OK : 1;
            }
        }
    }

    private void checkOptions() {
        if (items < 1 || items > 1_000_000) {
            throw new UserError("--items 须在 1 到 1000000 之间：" + items);
        }
        if (ledgerRows < 0 || ledgerRows > 50_000_000) {
            throw new UserError("--ledger-rows 须在 0 到 50000000 之间：" + ledgerRows);
        }
        if (staff < 1 || staff > 500) {
            throw new UserError("--staff 须在 1 到 500 之间：" + staff);
        }
        if (seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
            throw new UserError("--seconds 须在 1 到 3600 之间，--warmup 须在 0 到 600 之间");
        }
        if (think < 0 || think > 600_000) {
            throw new UserError("--think 须在 0 到 600000 毫秒之间：" + think);
        }
    }

    /** Up to 200 item ids spread over all the generated items, for the item page. */
    private static List<Long> sampleIds(BenchConsoleSeed seed, int total) {
        List<Long> ids = new ArrayList<>();
        int step = Math.max(1, total / 200);
        for (int n = 0; n < total && ids.size() < 200; n += step) {
            seed.key(n).ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            throw new UserError("没有找到基准稿件，无法测试稿件页");
        }
        return ids;
    }

    /** The round each simulated member of staff requests, the n-th time round with the n-th variant of each. */
    private static List<BenchConsoleStaff.Page> pages(List<Long> ids, cn.gongkai.config.GongkaiConfig config) {
        List<String> cats = config.categories().stream()
                .map(c -> java.net.URLEncoder.encode(c, java.nio.charset.StandardCharsets.UTF_8)).toList();
        String[] statuses = {"", "PUBLISHED", "IN_REVIEW", "APPROVED", "DRAFT"};
        YearMonth now = YearMonth.now(config.timezone());
        return List.of(new BenchConsoleStaff.Page("待办", n -> "/"),
                new BenchConsoleStaff.Page("稿件", n -> "/items?status=" + statuses[n % statuses.length]
                        + "&category=" + (n % 2 == 0 ? "" : cats.get(n % cats.size()))
                        + "&month=" + (n % 3 == 0 ? now.minusMonths(n % 12) : "")),
                new BenchConsoleStaff.Page("搜索", n -> "/items?q=" + (n % 2 == 0 ? "%E7%AC%AC+" + (n % 97) : "%E9%80%9A%E7%9F%A5")),
                new BenchConsoleStaff.Page("稿件页", n -> "/items/" + ids.get(n % ids.size())),
                new BenchConsoleStaff.Page("统计", n -> "/stats?year=" + (now.getYear() - n % 2)),
                new BenchConsoleStaff.Page("排期", n -> "/schedule?month=" + now.plusMonths(n % 2 == 0 ? 0 : -1)));
    }

    /** The CPU time this process used from the end of the warm-up until the last timed request answered. */
    private long timedCpuNanos;

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Logs every member of staff in, then runs them all together for the warm-up and the timed seconds. */
    private BenchLatencies load(String base, String password, List<BenchConsoleStaff.Page> pages, PrintWriter out)
            throws IOException, InterruptedException {
        List<BenchConsoleStaff> people = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            BenchConsoleStaff s = new BenchConsoleStaff(base, BenchConsoleSeed.staffName(i));
            s.login(password);
            people.add(s);
        }
        out.println(staff + " 名模拟工作人员已登录：" + base);
        out.flush();
        BenchLatencies latencies = new BenchLatencies(PAGES);
        long countFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long until = countFrom + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(staff);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                BenchConsoleStaff s = people.get(i);
                int offset = i;
                running.add(pool.submit(() -> s.run(pages, offset, new BenchConsoleStaff.Pace(think, offset),
                        countFrom, until, latencies)));
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, countFrom - System.nanoTime()));
            long cpuFrom = processCpuNanos();
            for (Future<?> f : running) {
                f.get();
            }
            timedCpuNanos = processCpuNanos() - cpuFrom;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a simulated member of staff failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }
}
