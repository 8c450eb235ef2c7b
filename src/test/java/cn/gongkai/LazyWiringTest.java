package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.report.CountBy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command pays only for what it uses: the wiring builds each part when first asked for, so reading items and counts
 * opens the database and nothing else — no simulator, WeChat client, templates or Flyway, nor the flight recorder's
 * set-up that Jdbi asks for on its first statement, nor the PostgreSQL driver beside an H2 file (checked in a fresh
 * JVM by the classes it loads).
 */
class LazyWiringTest {
    private static final PollPolicy NO_POLLING = new PollPolicy(0, Duration.ZERO);
    /** Loaded when the flight recorder sets up its event metadata (Jdbi registers its statement event). */
    private static final String FLIGHT_RECORDER_SET_UP = "jdk.jfr.internal.MetadataRepository ";
    private static final List<String> NEVER_FOR_A_READ = List.of("simulator", "sandbox routing", "WeChat client",
            "article templates", "publisher", "review", "importer", "callback confirmations");

    @TempDir
    Path dir;
    private Path configFile;

    @BeforeEach
    void writeConfig() throws IOException {
        configFile = dir.resolve("gongkai.yml");
        Files.writeString(configFile, """
                data-dir: %s
                templates-dir: %s
                review:
                  chain: []
                """.formatted(dir.resolve("data"), dir.resolve("templates")), StandardCharsets.UTF_8);
    }

    private GongkaiConfig config() {
        GongkaiConfig cfg = new ConfigLoader(Map.of()).load(configFile);
        assertThat(cfg.anySandbox()).as("the default accounts are sandboxes, so wiring everything starts the"
                + " simulator").isTrue();
        return cfg;
    }

    @Test
    void wiringBuildsNothingUntilAskedAndClosingItOpensNothing() {
        new Wiring(config(), Clock.systemUTC(), NO_POLLING).close();

        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("templates")).doesNotExist();
    }

    @Test
    void readingItemsAndCountsOpensTheDatabaseAndNothingElse() {
        try (Wiring w = new Wiring(config(), Clock.systemUTC(), NO_POLLING)) {
            assertThat(w.items().list(ItemStatus.DRAFT)).isEmpty();
            assertThat(w.counter().count(2026, CountBy.CATEGORY).articles()).isZero();
            w.batches();
            w.callBudget();

            assertThat(w.builtParts()).contains("database", "counter", "call budget")
                    .doesNotContainAnyElementsOf(NEVER_FOR_A_READ);
            assertThat(w.simulator()).isNotNull();
            assertThat(w.builtParts()).contains("simulator").doesNotContain("WeChat client");
        }
        assertThat(dir.resolve("templates")).as("no template was written, upgraded or compiled").doesNotExist();
    }

    @Test
    void importingAnItemReadsTheGlossaryWithoutCompilingTemplatesOrStartingWeChat() throws IOException {
        Bundled.extract("templates", dir.resolve("templates"));
        Path sample = dir.resolve("samples");
        Bundled.extract("samples", sample);
        try (Wiring w = new Wiring(config(), Clock.systemUTC(), NO_POLLING)) {
            var result = w.importer().importFiles(List.of(sample.resolve("01-zhaoshang-tuijinhui.md")), "test",
                    "cli");

            assertThat(result.problems()).isEmpty();
            assertThat(result.newIds()).hasSize(1);
            assertThat(w.builtParts()).contains("database", "glossary", "review", "importer")
                    .doesNotContain("simulator", "WeChat client", "article templates", "publisher");
        }
    }

    @Test
    void aReadCommandInAFreshJvmLoadsNoSimulatorWeChatTemplateSchedulerFlywayOrFlightRecorderClass()
            throws Exception {
        // creates and migrates the database; the operator's -Djfr.unsupported.vm=false keeps the recorder available
        Path withRecorder = dir.resolve("classes-with-recorder.txt");
        run("-Xlog:class+load:file=" + withRecorder, "-Djfr.unsupported.vm=false", "item", "list");
        assertThat(Files.readAllLines(withRecorder)).as("Jdbi set the flight recorder up on its first statement")
                .anyMatch(l -> l.contains(" " + FLIGHT_RECORDER_SET_UP));
        Path loaded = dir.resolve("classes.txt");

        run("-Xlog:class+load:file=" + loaded, "item", "list");

        List<String> classes = Files.readAllLines(loaded);
        assertThat(classes.stream().filter(l -> l.contains(" cn.gongkai.store.Database ")).count()).isOne();
        List<String> never = List.of("org.flywaydb.", "freemarker.", "org.quartz.", "cn.gongkai.simulator.",
                "me.chanjar.weixin.", "okhttp3.", "io.javalin.", "cn.gongkai.TemplateUpgrade ",
                FLIGHT_RECORDER_SET_UP, "org.postgresql.");
        assertThat(classes.stream().filter(l -> never.stream().anyMatch(n -> l.contains(" " + n))).toList())
                .as("classes a read command must not load").isEmpty();
    }

    @Test
    void onlyTheLongRunningCommandsKeepTheFlightRecorderUnlessTheOperatorSaidOtherwise() {
        for (String[] args : new String[][] {{"item", "list"}, {"--config", "g.yml", "counts", "--year", "2026"},
                {"review", "approve", "1"}, {"doctor"}, {"--version"}}) {
            assertThat(App.flightRecorderOff(args, null)).as(String.join(" ", args)).isTrue();
        }
        for (String[] args : new String[][] {{"serve"}, {"--config", "g.yml", "serve"}, {"simulator"}, {"demo"},
                {"bench", "console"}}) {
            assertThat(App.flightRecorderOff(args, null)).as(String.join(" ", args)).isFalse();
        }
        assertThat(App.flightRecorderOff(new String[] {"item", "list"}, "false")).isFalse();
        assertThat(App.flightRecorderOff(new String[] {"serve"}, "true")).as("already off").isFalse();
    }

    /** Runs gongkai in a new JVM on this test's class path; JVM options first, then the command. */
    private void run(String... words) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        int i = 0;
        while (words[i].startsWith("-X") || words[i].startsWith("-D")) {
            command.add(words[i++]);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.gongkai.App", "--config",
                configFile.toString()));
        command.addAll(List.of(words).subList(i, words.length));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
    }
}
