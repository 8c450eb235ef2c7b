package cn.gongkai.cli;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.report.CountBy;
import cn.gongkai.review.Role;
import cn.gongkai.simulator.SimulatorRecord;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai bench district [--units 30] [--accounts-per-unit 3] [--items-per-unit 150] [--threads 4]}: one
 * instance for a district, against the built-in simulator with WeChat's daily limits as they are — every unit's
 * items approved and due in the same publishing slot on every account (the collision of 10:00), run as the scheduler
 * runs a slot: one job per account on a few worker threads. Prints the slot's completion time, the WeChat calls per
 * article against the fewest possible, each unit's and the district's counts (which must add up), and the response
 * times of the office's 全区 page over HTTP with a logged-in district inspector.
 */
@Command(name = "district", mixinStandardHelpOptions = true,
        description = {"全区规模基准：N 个单位、每单位若干公众号和稿件，全部在同一个发布时段到期（内置模拟器，微信每日限额照常），",
                "输出该时段全部发完的用时、每篇文章的微信接口调用次数与最少可能之比、各单位和全区的统计，以及“全区”页的响应时间。"})
final class BenchDistrictCommand extends CliCommand {
    private static final int PER_DRAFT = WeChatLimits.ARTICLES_PER_DRAFT;

    @Option(names = "--units", paramLabel = "N", defaultValue = "30", description = "单位数（默认 ${DEFAULT-VALUE}）")
    int units;

    @Option(names = "--accounts-per-unit", paramLabel = "N", defaultValue = "3",
            description = "每个单位的公众号数（默认 ${DEFAULT-VALUE}）")
    int accountsPerUnit;

    @Option(names = "--items-per-unit", paramLabel = "N", defaultValue = "150",
            description = "每个单位在这个时段到期的稿件数（默认 ${DEFAULT-VALUE}，约一年的量）")
    int itemsPerUnit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "同时运行的发布任务数，相当于定时任务的工作线程（默认 ${DEFAULT-VALUE}）")
    int threads;

    @Option(names = "--page-requests", paramLabel = "N", defaultValue = "30",
            description = "“全区”页请求次数（默认 ${DEFAULT-VALUE}）")
    int pageRequests;

    @Override
    public Integer call() throws Exception {
        check(units, 1, 200, "--units");
        check(accountsPerUnit, 1, 20, "--accounts-per-unit");
        check(itemsPerUnit, 1, 10_000, "--items-per-unit");
        check(threads, 1, 64, "--threads");
        check(pageRequests, 1, 10_000, "--page-requests");
        Context ctx = Cli.contextOf(spec);
        PrintWriter out = out();
        try (ScratchDir scratch = ScratchDir.create("gongkai-bench-district-");
             Wiring w = ctx.wire(config(ctx, scratch.path()), new PollPolicy(3, Duration.ofMillis(20)))) {
            Path dir = scratch.path();
            w.simulator().faults().publishPolls(0).publishDuration(Duration.ofMillis(50));
            out.printf(Locale.ROOT, "准备 %d 个单位、%d 个公众号、%d 篇稿件（临时目录 %s，结束后删除）……%n", units,
                    units * accountsPerUnit, units * itemsPerUnit, dir);
            out.flush();
            seed(w);
            long started = System.nanoTime();
            List<String> failures = runSlot(w);
            long nanos = System.nanoTime() - started;
            reportSlot(out, w, nanos, failures);
            reportCounts(out, w);
            reportPage(out, w, dir);
        }
        return ExitCodes.OK;
    }

    private static void check(int value, int min, int max, String option) {
        if (value < min || value > max) {
            throw new UserError(option + " 应在 " + min + "–" + max + " 之间：" + value);
        }
    }

    /** The district's configuration file: units u01…, accounts u01a…, every account publishing in the same slot. */
    private GongkaiConfig config(Context ctx, Path dir) throws java.io.IOException {
        StringBuilder yaml = new StringBuilder("accounts:\n");
        StringBuilder unitList = new StringBuilder("units:\n");
        for (int u = 1; u <= units; u++) {
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < accountsPerUnit; a++) {
                String id = accountId(u, a);
                ids.add(id);
                yaml.append(String.format(Locale.ROOT, "  - {id: %s, name: 单位%d公众号%d, app-id: wx%016x,"
                        + " max-articles-per-draft: %d}%n", id, u, a + 1, (long) u * 100 + a, PER_DRAFT));
            }
            unitList.append(String.format(Locale.ROOT, "  - {id: %s, name: 红旗区第%d局, accounts: [%s]}%n", unitId(u),
                    u, String.join(", ", ids)));
        }
        yaml.append("portals: []\n").append(unitList);
        Path file = dir.resolve("gongkai.yml");
        Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(Map.of("GONGKAI_DATA_DIR", dir.toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gongkai"),
                "GONGKAI_SANDBOX", "on", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0",
                "GONGKAI_TEMPLATES_DIR", dir.resolve("templates").toString()));
        return ctx.config(file, env);
    }

    private static String unitId(int u) {
        return String.format(Locale.ROOT, "u%02d", u);
    }

    private static String accountId(int u, int a) {
        return unitId(u) + (char) ('a' + a);
    }

    /** Every unit's items, approved and due now, spread over its accounts, each with its own picture as the cover. */
    private void seed(Wiring w) throws java.io.IOException {
        int n = 0;
        for (UnitConfig unit : w.config().units()) {
            for (int i = 0; i < itemsPerUnit; i++) {
                String account = unit.accounts().get(i % unit.accounts().size());
                byte[] png = BenchPublishCommand.picture(n++);
                String sha = ContentHash.sha256(png);
                w.images().put(sha, png);
                ItemImage image = new ItemImage(sha, "photo.png", "image/png", 160, 90, png.length, "现场照片", "现场照片");
                String body = unit.name() + "第" + (i + 1) + "条信息：召开工作推进会，部署下一阶段重点任务。\n\n"
                        + "![现场照片](photo.png \"现场照片\")\n\n会议要求各股室按时报送进展。";
                ItemContent content = new ItemContent(account, "其他", unit.name() + "工作推进会第" + (i + 1) + "次",
                        unit.name(), "办公室", body, List.of(), List.of(), List.of(image), null, "", "", null, false);
                w.items().insert(unit.id(), content, ItemStatus.APPROVED, null, w.clock().instant());
            }
        }
    }

    /** The slot: one publishing job per account on {@code threads} workers, each until its account is done. */
    private List<String> runSlot(Wiring w) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (AccountConfig a : w.config().accounts()) {
            jobs.add(pool.submit(() -> {
                for (int run = 0; run < itemsPerUnit + 1; run++) {
                    if (w.publisher().run(a.id()).batches() == 0) {
                        break;
                    }
                }
                for (int polls = 0; !w.batches().unfinished(a.id()).isEmpty() && polls < 1000; polls++) {
                    w.publisher().resume(a.id());
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        pool.shutdown();
        return failures;
    }

    private void reportSlot(PrintWriter out, Wiring w, long nanos, List<String> failures) {
        SimulatorRecord record = w.simulator().record();
        int total = 0;
        int published = 0;
        int drafts = 0;
        for (AccountConfig a : w.config().accounts()) {
            total += record.calls().getOrDefault(a.appId(), Map.of()).values().stream().mapToInt(Integer::intValue)
                    .sum();
            published += record.published(a.appId()).size();
            int items = itemsOf(a);
            drafts += (items + PER_DRAFT - 1) / PER_DRAFT;
        }
        int items = units * itemsPerUnit;
        int minimum = items + items + 3 * drafts;   // body picture + cover each; draft, submit, confirmation per draft
        long left = w.items().countByStatus().getOrDefault(ItemStatus.APPROVED, 0)
                + w.items().countByStatus().getOrDefault(ItemStatus.PUBLISHING, 0);
        out.printf(Locale.ROOT, "同一发布时段：%d 个公众号、%d 篇稿件，%d 个并行任务；全部发完用时 %.1f 秒；"
                + "模拟器记录已发布 %d 篇，仍待发布 %d 篇%n", w.config().accounts().size(), items, threads, nanos / 1e9,
                published, left);
        out.printf(Locale.ROOT, "微信接口调用 %d 次，每篇 %.3f 次；最少可能 %d 次（每篇正文图片和封面各 1 次，每个草稿 draft/add、"
                + "freepublish/submit、核实结果各 1 次），之比 %.3f（含各公众号的 access_token）%n", total,
                (double) total / items, minimum, (double) total / minimum);
        failures.forEach(f -> out.println("任务失败：" + f));
    }

    private int itemsOf(AccountConfig a) {
        int perUnit = itemsPerUnit / accountsPerUnit;
        int index = a.id().charAt(a.id().length() - 1) - 'a';
        return perUnit + (index < itemsPerUnit % accountsPerUnit ? 1 : 0);
    }

    private void reportCounts(PrintWriter out, Wiring w) {
        int year = w.clock().instant().atZone(w.config().timezone()).getYear();
        long started = System.nanoTime();
        int sum = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (UnitConfig u : w.config().units()) {
            int n = w.counter(u.id()).count(year, CountBy.CATEGORY).articles();
            sum += n;
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        long perUnit = (System.nanoTime() - started) / w.config().units().size();
        int district = w.counter().count(year, CountBy.CATEGORY).articles();
        out.printf(Locale.ROOT, "统计：各单位 %d–%d 篇，合计 %d 篇；全区 %d 篇%s；每个单位的统计用时 %.1f 毫秒%n", min, max, sum,
                district, sum == district ? "（一致）" : "（不一致！）", perUnit / 1e6);
    }

    /** The 全区 page over HTTP as a logged-in district inspector, one request after another. */
    private void reportPage(PrintWriter out, Wiring w, Path dir) throws Exception {
        // a throwaway login for this run's temporary database only, made fresh each time
        String login = java.util.UUID.randomUUID().toString();
        w.users().add("全区巡查员", Role.DISTRICT_INSPECTOR, null, login.toCharArray());
        w.inspector().run(java.util.Optional.empty());
        try (Serve web = w.webServer(dir.resolve("report"))) {
            BenchConsoleStaff staff = new BenchConsoleStaff("http://127.0.0.1:" + web.port(), "全区巡查员");
            staff.login(login);
            BenchLatencies record = new BenchLatencies(List.of("全区"));
            staff.request("/district");   // warm-up, not counted
            long from = System.nanoTime();
            for (int i = 0; i < pageRequests; i++) {
                long start = System.nanoTime();
                String failed = staff.request("/district");
                if (failed == null) {
                    record.ok("全区", System.nanoTime() - start);
                } else {
                    record.error("全区", failed);
                }
            }
            out.println("“全区”页（" + units + " 个单位、" + w.config().accounts().size() + " 个公众号，逐个请求）：");
            record.print(out, (System.nanoTime() - from) / 1e9);
        }
    }
}
