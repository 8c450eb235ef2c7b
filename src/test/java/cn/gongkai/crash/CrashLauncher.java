package cn.gongkai.crash;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.publish.Boundary;
import cn.gongkai.publish.BoundaryListener;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.RunReport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A publisher process for the crash tests, and the only way to stop one at a state boundary: it exists in the test
 * sources only. Arguments: {@code CONFIG ACCOUNT [BOUNDARY N]}. It runs the account once, exactly as
 * {@code gongkai publish run --account ACCOUNT} does; when the N-th {@link Boundary} of that kind is reached it
 * prints {@code CRASH-POINT} and stops there, waiting to be killed with {@code kill -9} by the test.
 *
 * <p>Meanwhile it plays an attacker who holds the callback token (issue 14): around each submit it sends forged
 * PUBLISHJOBFINISH events — failures and successes with an attacker's link, for the batch's publish_id and the next
 * ones — through the same guard the callback route uses, some with a stale timestamp and some with a nonce used
 * before (also by an earlier, killed launch). Whatever passes is handed to the publisher as the route would.
 */
public final class CrashLauncher {
    static final String CRASH_POINT = "CRASH-POINT";
    static final String RUN_DONE = "RUN-DONE";

    private CrashLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        GongkaiConfig config = new ConfigLoader(System.getenv()).load(Path.of(args[0]));
        String account = args[1];
        Boundary target = args.length > 3 ? Boundary.valueOf(args[2]) : null;
        int nth = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        AtomicInteger seen = new AtomicInteger();
        Wiring[] wired = new Wiring[1];
        BoundaryListener stopThere = (boundary, batchId) -> {
            if (boundary == target && seen.incrementAndGet() == nth) {
                out.println(CRASH_POINT + " " + boundary + " batch " + batchId);
                waitForKill();
            }
            if (wired[0] != null) {
                Forger.around(wired[0], account, boundary, batchId);
            }
        };
        try (Wiring w = new Wiring(config, Clock.systemUTC(), new PollPolicy(4, Duration.ofMillis(250)),
                stopThere)) {
            wired[0] = w;
            waitUntilNotBefore();
            RunReport r = w.publisher().run(account);
            out.println(RUN_DONE + " batches=" + r.batches() + " published=" + r.published() + " failed="
                    + r.failed() + " pending=" + r.pending());
        }
        System.exit(0);
    }

    /** The system property with the epoch millisecond before which a launch must not start its run. */
    static final String NOT_BEFORE = "gongkai.test.notBefore";

    /**
     * Waits, once the process is wired, until the instant the test set in {@link #NOT_BEFORE} (none: at once): the
     * test wants the run to start some time after the previous launch ended (a retry window), and waiting here
     * instead of before the launch lets the JVM start and wire meanwhile.
     */
    static void waitUntilNotBefore() throws InterruptedException {
        long wait = Long.getLong(NOT_BEFORE, 0L) - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static void waitForKill() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
