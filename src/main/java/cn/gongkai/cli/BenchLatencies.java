package cn.gongkai.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer times of {@code bench console}, per page: every request's time (nanoseconds) and how many failed
 * (anything but 200, or no answer). Shared by the staff threads; percentiles by nearest rank.
 */
final class BenchLatencies {
    private final Map<String, List<Long>> times = new LinkedHashMap<>();
    private final Map<String, Integer> errors = new LinkedHashMap<>();
    private final Map<String, String> firstError = new LinkedHashMap<>();

    BenchLatencies(List<String> pages) {
        for (String p : pages) {
            times.put(p, new ArrayList<>());
            errors.put(p, 0);
        }
    }

    synchronized void ok(String page, long nanos) {
        times.get(page).add(nanos);
    }

    /** A failed request: counted, and the first failure of each page kept to say what went wrong. */
    synchronized void error(String page, String what) {
        errors.merge(page, 1, Integer::sum);
        firstError.putIfAbsent(page, what);
    }

    /** The timed requests answered 200, of every page. */
    synchronized int requests() {
        return times.values().stream().mapToInt(List::size).sum();
    }

    synchronized int totalErrors() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The nearest-rank percentile {@code p} (0–100) of sorted times, in milliseconds; 0 when there are none. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** One line per page: count, errors, p50/p95/p99 and the slowest; then the first error of each failing page. */
    synchronized void print(PrintWriter out, double seconds) {
        out.printf(Locale.ROOT, "%-6s %8s %6s %9s %9s %9s %9s %8s%n", "页面", "请求数", "错误", "p50 ms", "p95 ms",
                "p99 ms", "最慢 ms", "每秒");
        for (Map.Entry<String, List<Long>> e : times.entrySet()) {
            long[] sorted = e.getValue().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%-6s %8d %6d %9.1f %9.1f %9.1f %9.1f %8.1f%n", e.getKey(), sorted.length,
                    errors.get(e.getKey()), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    percentile(sorted, 100), sorted.length / seconds);
        }
        firstError.forEach((page, what) -> out.println("首个错误（" + page + "）：" + what));
    }
}
