package cn.gongkai.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryBoundary;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.FolderTestSender;
import cn.gongkai.testsupport.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code portal run} processes with {@code kill -9} at each delivery boundary in turn — after the PREPARED
 * commit, while the package is being handed over, after the receiver took it but before SENT is committed, and after
 * SENT — and runs again until every item is delivered. Then every item is SENT, the receiver holds exactly one package
 * per item, and every attempt for an item (across the killed processes) carried the one identity stored at PREPARE.
 */
class PortalCrashTest {
    private static final int ITEMS = 6;
    private static final int MAX_LAUNCHES = 12;
    private static final List<DeliveryBoundary> CRASHES = List.of(DeliveryBoundary.PREPARED,
            DeliveryBoundary.SENDING, DeliveryBoundary.SEND_ANSWERED, DeliveryBoundary.SENT);

    @TempDir
    Path dir;

    @Test
    void aKillAtEveryBoundaryLosesNoItemAndNeverSendsUnderANewIdentity() throws Exception {
        String dbUrl = "jdbc:h2:file:" + dir.resolve("gongkai").toAbsolutePath();
        Path out = dir.resolve("received");
        List<Long> items = seed(dbUrl);
        Path config = writeConfig(dbUrl, out);

        List<String> crashPoints = new ArrayList<>();
        int launches = 0;
        long notBefore = 0;
        while (!delivered(dbUrl, items) && launches < MAX_LAUNCHES) {
            DeliveryBoundary crash = crashPoints.size() < CRASHES.size() ? CRASHES.get(crashPoints.size()) : null;
            launches++;
            String point = launch(config, out, crash, notBefore, dir.resolve("launch-" + launches + ".log"));
            if (point != null) {
                crashPoints.add(point);
            }
            // the next run starts 1.2 s after this launch ended (retry-after is 1 s); its JVM starts meanwhile
            notBefore = System.currentTimeMillis() + 1_200;
        }

        assertThat(crashPoints).as("every boundary was reached and killed").hasSize(CRASHES.size());
        Map<Long, PortalDelivery> rows = rows(dbUrl, items);
        assertThat(rows.values()).as("after " + launches + " launches").allSatisfy(r ->
                assertThat(r.state()).isEqualTo(DeliveryState.SENT));
        Map<Long, Set<String>> keysPerItem = new HashMap<>();
        Map<Long, Integer> attemptsPerItem = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve(FolderTestSender.LOG), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            long item = Long.parseLong(f[0]);
            keysPerItem.computeIfAbsent(item, k -> new HashSet<>()).add(f[1] + " " + f[2]);
            attemptsPerItem.merge(item, 1, Integer::sum);
        }
        for (long item : items) {
            PortalDelivery row = rows.get(item);
            assertThat(keysPerItem.get(item)).as("identities sent for item " + item)
                    .containsExactly(row.identity().messageId() + " " + row.identity().idempotencyKey());
            Path pkg = out.resolve(row.identity().idempotencyKey());
            assertThat(Files.readString(pkg.resolve("message-id.txt"))).isEqualTo(row.identity().messageId());
            assertThat(row.reference()).isEqualTo(pkg.toString());
        }
        try (var received = Files.list(out)) {
            assertThat(received.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gongkai-")))
                    .as("one package per item").hasSize(ITEMS);
        }
        assertThat(attemptsPerItem.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("the first item was sent again after the kills while sending").isGreaterThanOrEqualTo(3);
    }

    private static List<Long> seed(String dbUrl) {
        List<Long> ids = new ArrayList<>();
        try (Database db = Database.open(dbUrl, "gongkai", "")) {
            for (int i = 1; i <= ITEMS; i++) {
                ids.add(Fixtures.approved(db, Fixtures.content("崩溃测试第" + i + "篇", "促消费", List.of()),
                        Instant.now()).id());
            }
        }
        return ids;
    }

    private Path writeConfig(String dbUrl, Path out) throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, String.join("\n",
                "data-dir: " + dir.toAbsolutePath(),
                "templates-dir: " + Path.of("templates").toAbsolutePath(),
                "database:",
                "  url: " + dbUrl,
                "  user: gongkai",
                "  password: ''",
                "portals:",
                "  - id: qzfb",
                "    name: 红旗区人民政府办公室",
                "    delivery: folder",
                "    folder:",
                "      dir: " + out.toAbsolutePath(),
                "portal-delivery:",
                "  retry-after: 1s",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private static boolean delivered(String dbUrl, List<Long> items) {
        return rows(dbUrl, items).size() == items.size() && rows(dbUrl, items).values().stream()
                .allMatch(r -> r.state() == DeliveryState.SENT);
    }

    private static Map<Long, PortalDelivery> rows(String dbUrl, List<Long> items) {
        Map<Long, PortalDelivery> rows = new HashMap<>();
        try (Database db = Database.open(dbUrl, "gongkai", "")) {
            assertThat(db.items().list(ItemStatus.APPROVED)).hasSize(items.size());
            for (long item : items) {
                db.portalDeliveries().find(item, "qzfb").ifPresent(r -> rows.put(item, r));
            }
        }
        return rows;
    }

    /** Runs one process; returns the crash point it was killed at, or null when it ran to its end. */
    private static String launch(Path config, Path out, DeliveryBoundary crash, long notBefore, Path log)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-D" + CrashLauncher.NOT_BEFORE + "=" + notBefore,
                "-Dlogback.configurationFile="
                        + Path.of("src/test/resources/logback-test.xml").toAbsolutePath(),
                "-cp", classpath(), PortalCrashLauncher.class.getName(), config.toString(), out.toString()));
        if (crash != null) {
            cmd.add(crash.name());
            cmd.add("1");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            String point = crashPoint(log);
            if (point != null) {
                CrashHarness.killDashNine(p);
                return point;
            }
            if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                assertThat(p.exitValue()).as("launch ended; see " + log).isZero();
                return crashPoint(log);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("a portal run did not end within 90 s; see " + log);
    }

    private static String crashPoint(Path log) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> l.startsWith(PortalCrashLauncher.CRASH_POINT)).findFirst().orElse(null);
        }
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
