package cn.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.SimulatorRecord;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two publisher processes on one embedded PostgreSQL, each with its own Quartz scheduler firing the same cron every
 * two seconds, so that both run the same slot at the same moment and race for the same 200 items: the claim is a
 * compare-and-set on the item status, and the simulator's record shows every item published exactly once.
 */
class TwoProcessPublishingTest {
    private static final String APP_ID = "wx7a0b1c2d3e4f5061";
    private static final String SECRET = "two-process-secret";

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @TempDir
    Path dir;

    @Test
    void twoProcessesWhoseSchedulersFireTogetherPublishEachOfTwoHundredItemsExactlyOnce() throws Exception {
        try (WeChatSimulator sim = WeChatSimulator.start("127.0.0.1", 0, Clock.systemUTC())) {
            String url = POSTGRES.url();
            sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
            sim.faults().publishPolls(0);
            List<String> titles = new ArrayList<>();
            try (Database db = Database.open(url, "postgres", "")) {
                for (int i = 0; i < 200; i++) {
                    ItemImage image = Fixtures.storeImage(db, "p" + i + ".png",
                            Fixtures.png(80 + i % 50, 60 + i / 50, 0x204060 + i * 97), 80 + i % 50, 60 + i / 50);
                    var content = Fixtures.content("双进程稿件第" + (i + 1) + "篇", "商贸流通", List.of(image));
                    titles.add(db.items().insert(new cn.gongkai.item.ItemContent("pair", content.category(),
                            content.title(), content.author(), content.department(), content.body(), content.notes(),
                            content.glossary(), content.images(), null, "", "", null, false), ItemStatus.APPROVED,
                            null, Instant.now()).title());
                }
            }
            Path config = config(url, sim.baseUrl());
            List<String> output = new CopyOnWriteArrayList<>();
            List<Process> processes = List.of(start(config, "first", output), start(config, "second", output));
            try {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(allPublished(url)).as("all published within 5 minutes; output: " + output).isTrue());
            } finally {
                for (Process p : processes) {
                    p.destroy();
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }

            Map<String, Integer> published = new HashMap<>();
            for (SimulatorRecord.PublishedArticle a : sim.record().published(APP_ID)) {
                published.merge(a.title(), 1, Integer::sum);
            }
            assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(titles);
            assertThat(published.values()).allMatch(n -> n == 1);
            assertThat(output).anyMatch(l -> l.startsWith("SLOT first")).anyMatch(l -> l.startsWith("SLOT second"));
            System.out.println("two-process run: " + output.stream().filter(l -> l.startsWith("SLOT")).count()
                    + " slots fired, " + output.stream().filter(l -> l.contains("SLOT first") && !l.contains("published=0"))
                    .count() + " with publications in the first process, " + output.stream().filter(l ->
                    l.contains("SLOT second") && !l.contains("published=0")).count() + " in the second, "
                    + output.stream().filter(l -> l.contains("claimed by another publisher")
                    || l.contains("moved on concurrently")).count() + " lost races");
            try (Database db = Database.open(url, "postgres", "")) {
                assertThat(db.ledger().between(Instant.EPOCH, Instant.now().plusSeconds(60))).hasSize(200);
                Set<Long> seen = new HashSet<>();
                for (PublishBatch b : db.batches().recent(1000)) {
                    for (long id : b.itemIds()) {
                        assertThat(seen.add(id)).as("item " + id + " in two batches").isTrue();
                    }
                }
            }
        }
    }

    private static boolean allPublished(String url) {
        try (Database db = Database.open(url, "postgres", "")) {
            return db.items().list(ItemStatus.PUBLISHED).size() == 200 && db.batches().unfinished(null).isEmpty();
        }
    }

    private Path config(String url, String simulator) throws Exception {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, String.join("\n",
                "data-dir: " + dir.toAbsolutePath(),
                "templates-dir: " + Path.of("templates").toAbsolutePath(),
                "database:",
                "  url: " + url,
                "  user: postgres",
                "  password: ''",
                "sandbox: off",
                "accounts:",
                "  - id: pair",
                "    name: 双进程测试",
                "    app-id: " + APP_ID,
                "    secret: " + SECRET,
                "    api-base-url: " + simulator,
                "    mode: freepublish",
                "    cron: \"0/2 * * * * ?\"",
                "    max-articles-per-draft: 8",
                "wechat:",
                "  daily-limits:",
                "    freepublish/get: 100000",
                "    freepublish/submit: 100000",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private static Process start(Path config, String name, List<String> output) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile="
                + Path.of("src/test/resources/logback-test.xml").toAbsolutePath(), "-cp", cp,
                SchedulerLauncher.class.getName(), config.toString(), name).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("SLOT") || line.startsWith("STARTED") || line.contains("ERROR")
                            || line.contains("claimed by another publisher") || line.contains("moved on concurrently")) {
                        output.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }, "output-" + name);
        reader.setDaemon(true);
        reader.start();
        return p;
    }
}
