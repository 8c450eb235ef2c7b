package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.LedgerStatistics;
import cn.gongkai.report.YearCounts;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai bench counts [--rows N]}: fills the configured database's ledger with N generated rows (20 accounts,
 * five years, several articles per push) and times one year's counts. Refuses a ledger that holds anything but its
 * own rows, so it is run on a database of its own; rows already there from an earlier run are reused.
 */
@Command(name = "counts", mixinStandardHelpOptions = true,
        description = {"在配置的数据库中生成 N 行发布台账（20 个公众号、5 年），测量统计一年所需时间。",
                "请使用单独的数据库，例如 GONGKAI_DATA_DIR=/tmp/gongkai-bench；台账中已有真实记录时拒绝运行。"})
final class BenchCountsCommand extends CliCommand {
    static final String ACCOUNT_PREFIX = "bench-";
    private static final int ACCOUNTS = 20;
    private static final int CHUNK = 20_000;
    private static final int REPEATS = 7;
    private static final List<String> DEPARTMENTS = List.of("办公室", "投资促进股", "外贸股", "商贸流通股", "市场运行股",
            "电子商务股", "综合股", "执法大队");

    @Option(names = "--rows", defaultValue = "100000", paramLabel = "N", description = "台账行数（默认 ${DEFAULT-VALUE}）")
    int rows;

    @Option(names = "--year", paramLabel = "Y", description = "计时统计的年份（默认去年；数据覆盖该年及之前四年）")
    Integer year;

    @Option(names = "--compact-seconds", defaultValue = "600", paramLabel = "S",
            description = "H2：写入新行后整理数据库文件最多用 S 秒（默认 ${DEFAULT-VALUE}；0 为不整理；没有写入时不整理）")
    int compactSeconds;

    @Option(names = "--fresh-runs", defaultValue = "3", paramLabel = "K",
            description = "另起 K 个新进程运行 gongkai counts 计时，含 JVM 启动（默认 ${DEFAULT-VALUE}；0 为不测）")
    int freshRuns;

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter out = out();
        int y;
        long expected;
        try (Wiring w = wire()) {
            y = year != null ? year : ZonedDateTime.now(w.clock().withZone(w.config().timezone())).getYear() - 1;
            long existing = existingBenchRows(w);
            out.println("数据库：" + w.describeDatabase());
            fill(w, existing, y, out);
            // H2 only: written in many commits, the file is mostly dead chunks until compacted (see H2Compactor).
            // A ledger filled by an earlier run was compacted then: reused as it is.
            if (compactSeconds > 0 && existing < rows) {
                w.compactDatabase(Duration.ofSeconds(compactSeconds)).ifPresent(out::println);
            }
            w.databaseFileSpace().ifPresent(space -> out.println("数据库文件：" + space));
            out.printf("系统负载（1 分钟平均）：%.1f，%d 个处理器%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            for (CountBy by : CountBy.values()) {
                timeCounts(w, y, by, out);
            }
            timeLedgerGroupBy(w, y, out);
            expected = w.counter().count(y, CountBy.CATEGORY).articles();
        }
        // After the in-process database is closed: with H2's AUTO_SERVER a child would otherwise query through us.
        if (freshRuns > 0) {
            out.flush();
            FreshProcesses.time(Cli.contextOf(spec).env(), Cli.configOf(spec), y, expected, freshRuns, out);
        }
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (rows < 1 || rows > 50_000_000) {
            throw new UserError("--rows 须在 1 到 50000000 之间：" + rows);
        }
        if (compactSeconds < 0 || compactSeconds > 3600) {
            throw new UserError("--compact-seconds 须在 0 到 3600 之间：" + compactSeconds);
        }
        if (freshRuns < 0 || freshRuns > 50) {
            throw new UserError("--fresh-runs 须在 0 到 50 之间：" + freshRuns);
        }
    }

    /** The rows an earlier run left; refuses a ledger that holds any account that is not the benchmark's. */
    static long existingBenchRows(Wiring w) {
        Map<String, LedgerStatistics.Group> accounts = w.ledgerStatistics().byColumn(Instant.EPOCH,
                Instant.parse("2200-01-01T00:00:00Z"), CountBy.ACCOUNT).groups();
        List<String> foreign = accounts.keySet().stream().filter(a -> !a.startsWith(ACCOUNT_PREFIX)).toList();
        if (!foreign.isEmpty()) {
            throw new UserError("数据库 " + w.describeDatabase() + " 的台账中已有公众号 " + foreign
                    + " 的真实记录；基准测试会写入大量测试数据，请换一个单独的数据库（如 GONGKAI_DATA_DIR=/tmp/gongkai-bench）");
        }
        return accounts.values().stream().mapToLong(LedgerStatistics.Group::articles).sum();
    }

    private void fill(Wiring w, long existing, int y, PrintWriter out) {
        ZoneId zone = w.config().timezone();
        long fillStart = System.nanoTime();
        for (long from = existing; from < rows; from += CHUNK) {
            long to = Math.min(rows, from + CHUNK);
            List<LedgerEntry> chunk = new ArrayList<>();
            for (long n = from; n < to; n++) {
                chunk.add(row(n, y, zone, w.config().categories()));
            }
            w.ledger().recordAll(chunk);
        }
        long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;
        out.println(existing >= rows ? "台账已有 " + existing + " 行基准数据，直接计时。"
                : "写入 " + (rows - existing) + " 行，用时 " + fillMillis + " ms（台账共 " + Math.max(existing, rows)
                + " 行，" + (y - 4) + "–" + y + " 年，" + ACCOUNTS + " 个公众号）。");
    }

    /** Times one year's counts by one column REPEATS times; prints the first and the median of the rest. */
    private static void timeCounts(Wiring w, int y, CountBy by, PrintWriter out) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] times = new long[REPEATS];
        long[] cpus = new long[REPEATS];
        YearCounts c = null;
        for (int i = 0; i < REPEATS; i++) {
            // The same query for another year first, so that H2 cannot answer from its cached result.
            w.counter().count(y - 1 - i % 4, by);
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            c = w.counter().count(y, by);
            times[i] = System.nanoTime() - t0;
            cpus[i] = cpu.getCurrentThreadCpuTime() - c0;
        }
        long[] rest = Arrays.copyOfRange(times, 1, REPEATS);
        long[] restCpu = Arrays.copyOfRange(cpus, 1, REPEATS);
        Arrays.sort(rest);
        Arrays.sort(restCpu);
        out.printf("%d 年统计（按%s）：文章 %d 条、推送 %d 次；首次 %.0f ms；之后 %d 次中位数 %.0f ms（最慢 %.0f ms），"
                        + "本线程 CPU 中位数 %.0f ms%n", y, by.label(), c.articles(), c.pushes(), times[0] / 1e6,
                rest.length, rest[rest.length / 2] / 1e6, rest[rest.length - 1] / 1e6,
                restCpu[restCpu.length / 2] / 1e6);
    }

    /**
     * Times the same year by category over the ledger rows themselves (the counting before the per-day summary):
     * bounds one nanosecond before midnight, which the summary cannot answer, select the same rows.
     */
    private static void timeLedgerGroupBy(Wiring w, int y, PrintWriter out) {
        long[] times = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            // Another year first, as above, so that H2 cannot answer from its cached result.
            ledgerGroupBy(w, y - 1 - i % 4);
            long t0 = System.nanoTime();
            ledgerGroupBy(w, y);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        out.printf("对照：不用按天汇总、直接对台账 GROUP BY（按分类）%d 次中位数 %.0f ms%n", REPEATS,
                times[REPEATS / 2] / 1e6);
    }

    private static void ledgerGroupBy(Wiring w, int y) {
        w.ledgerStatistics().byColumn(w.counter().startOf(y).minusNanos(1), w.counter().startOf(y + 1).minusNanos(1),
                CountBy.CATEGORY);
    }

    /** The n-th generated row: deterministic, so a later run with more rows adds only the missing ones. */
    static LedgerEntry row(long n, int lastYear, ZoneId zone, List<String> categories) {
        int account = (int) (n % ACCOUNTS);
        long perAccount = n / ACCOUNTS;
        long push = perAccount / 4;
        int year = lastYear - 4 + (int) (push % 5);
        int dayOfYear = (int) ((push / 5) * 7 % 365);
        Instant at = LocalDate.ofYearDay(year, 1 + dayOfYear).atTime(10, (int) (push % 60)).atZone(zone).toInstant();
        String cat = categories.get((int) ((n * 7 + n / 3) % categories.size()));
        String mode = account % 5 == 0 ? "mass" : "freepublish";
        String accountId = ACCOUNT_PREFIX + String.format("%02d", account + 1);
        return new LedgerEntry(0, null, accountId, mode, accountId + "-p" + push, null, (int) (perAccount % 4) + 1,
                "https://mp.weixin.qq.com/s/bench" + n, "基准测试文章 " + n, cat, DEPARTMENTS.get((int) (n % 8)), at,
                LedgerSource.IMPORT, "bench:" + n, null, n % 97 == 0 ? at.plusSeconds(86_400) : null);
    }
}
