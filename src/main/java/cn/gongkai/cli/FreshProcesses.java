package cn.gongkai.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code gongkai counts} as a user runs it: a new JVM on the same class path, configuration and
 * environment, from start to exit. A year without rows is timed too, so that the cost of starting the
 * JVM and wiring the service can be told apart from the cost of counting.
 */
final class FreshProcesses {
    private static final long TIMEOUT_SECONDS = 300;

    private FreshProcesses() {
    }

    /** Runs {@code runs} pairs of child processes and prints the medians; {@code expected} is the year's article count. */
    static void time(Map<String, String> env, Path config, int year, long expected, int runs, PrintWriter out) {
        // The bench's rows cover the year and the four before it; counting stops at the year 2000.
        int emptyYear = year - 5 >= 2000 ? year - 5 : year + 1;
        long[] counted = new long[runs];
        long[] empty = new long[runs];
        for (int i = 0; i < runs; i++) {
            empty[i] = runOnce(env, config, emptyYear, 0);
            counted[i] = runOnce(env, config, year, expected);
        }
        Arrays.sort(counted);
        Arrays.sort(empty);
        long c = counted[runs / 2];
        long e = empty[runs / 2];
        out.printf("新进程中的 gongkai counts（从启动 JVM 到进程结束，%d 次中位数）：%d 年 %d ms；无数据的 %d 年 %d ms"
                + "（即启动与连接数据库的开销）；差值（新进程中统计一年的开销）%d ms%n", runs, year, c, emptyYear, e, c - e);
    }

    /** Wall time of one {@code counts --format json} child in milliseconds; fails unless it printed the expected total. */
    private static long runOnce(Map<String, String> env, Path config, int year, long expected) {
        // The class path of this process: the jar when run as java -jar gongkai.jar.
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "cn.gongkai.App", "counts",
                "--year", String.valueOf(year), "--format", "json"));
        if (config != null) {
            command.add("--config");
            command.add(config.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("GONGKAI_"));
        pb.environment().putAll(env);
        try {
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String stdout = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("gongkai counts --year " + year + " in a new process did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String marker = "\"articles\":" + expected + ",";
            if (p.exitValue() != 0 || !stdout.contains(marker)) {
                throw new IllegalStateException("gongkai counts --year " + year + " in a new process exited with "
                        + p.exitValue() + " and printed " + stdout.strip() + " (expected " + marker + "); its errors: "
                        + tail(stderr.join()));
            }
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing gongkai counts in a new process", e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a child process's output", e);
        }
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 2_000 ? t : "…" + t.substring(t.length() - 2_000);
    }
}
