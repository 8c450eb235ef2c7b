package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import cn.gongkai.store.Database;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up warm-up of short commands: its two steps work (a failure would only be logged at debug level and
 * silently cost every command its head start), and it is started for short commands only.
 */
class PrewarmTest {

    @Test
    void bothStepsRunWithoutFailing() {
        assertThatCode(ConfigLoader::warmUp).doesNotThrowAnyException();
        assertThatCode(Database::warmUp).doesNotThrowAnyException();
    }

    @Test
    void startsForAShortCommandAndAwaitReturnsOnceItIsDone() {
        // user list is not one of the commands that open the database ahead: nothing is opened in the project folder
        Prewarm.start(new String[] {"user", "list"});
        assertThat(warmUpThreads()).isNotEmpty();
        Prewarm.await();
        assertThat(warmUpThreads()).isEmpty();
        Prewarm.await();
    }

    @Test
    void notStartedForHelpVersionOrLongRunningCommands() {
        for (String[] args : new String[][] {{}, {"--version"}, {"-V"}, {"--help"}, {"item", "list", "--help"},
                {"help", "item"}, {"serve", "--help"}, {"demo"}, {"simulator"}, {"bench", "console"}}) {
            Prewarm.start(args);
            assertThat(warmUpThreads()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aCommandThatOpensTheDatabaseFirstHasItsConfigurationAndDatabaseOpenedAhead(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("g.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\ntemplates-dir: " + dir.resolve("t") + "\n");

        Prewarm.start(new String[] {"item", "list", "--config", config.toString()});
        Prewarm.await();

        GongkaiConfig loaded = Prewarm.config(config, System.getenv()).orElseThrow();
        assertThat(Prewarm.config(dir.resolve("other.yml"), System.getenv())).isEmpty();
        assertThat(Prewarm.config(config, Map.of())).as("another environment").isEmpty();
        GongkaiConfig equalButNotTheSame = new ConfigLoader(System.getenv()).load(config);
        assertThat(Prewarm.takeDatabase(equalButNotTheSame)).isEmpty();
        Database db = Prewarm.takeDatabase(loaded).orElseThrow();
        try (db) {
            assertThat(db.items().list(null)).isEmpty();
            assertThat(Prewarm.takeDatabase(loaded)).as("handed over once").isEmpty();
        }
        Prewarm.closeUnclaimed();
    }

    @Test
    void onlyCommandsThatOpenTheDatabaseFirstAreOpenedAheadWithTheirConfigFile() {
        assertThat(Prewarm.opensDatabase(List.of("item", "list"))).contains(Path.of(""));
        assertThat(Prewarm.opensDatabase(List.of("--config", "a b.yml", "item", "show", "3")))
                .contains(Path.of("a b.yml"));
        assertThat(Prewarm.opensDatabase(List.of("counts", "--year", "2026", "--config=x.yml")))
                .contains(Path.of("x.yml"));
        assertThat(Prewarm.opensDatabase(List.of("publish", "status"))).isPresent();
        assertThat(Prewarm.opensDatabase(List.of("publish", "run"))).isEmpty();
        assertThat(Prewarm.opensDatabase(List.of("render", "1"))).isEmpty();
        assertThat(Prewarm.opensDatabase(List.of("doctor"))).isEmpty();
        assertThat(Prewarm.opensDatabase(List.of("serve", "--no-scheduler"))).as("serve too").isPresent();
        assertThat(Prewarm.firstWord(List.of("--config", "serve", "serve"))).isEqualTo("serve");
        assertThat(Prewarm.firstWord(List.of("--config=a.yml", "item", "list"))).isEqualTo("item");
        assertThat(Prewarm.firstWord(List.of("--help"))).isEmpty();
        assertThat(Prewarm.opensDatabase(List.of())).isEmpty();
    }

    private static Set<Thread> warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("gongkai-prewarm") && t.isAlive())
                .collect(java.util.stream.Collectors.toSet());
    }
}
