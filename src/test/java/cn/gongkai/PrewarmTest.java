package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.store.Database;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
        Prewarm.start(new String[] {"item", "list"});
        assertThat(warmUpThreads()).isNotEmpty();
        Prewarm.await();
        assertThat(warmUpThreads()).isEmpty();
        Prewarm.await();
    }

    @Test
    void notStartedForHelpVersionOrLongRunningCommands() {
        for (String[] args : new String[][] {{}, {"--version"}, {"-V"}, {"--help"}, {"item", "list", "--help"},
                {"help", "item"}, {"serve"}, {"demo"}, {"simulator"}, {"bench", "console"}}) {
            Prewarm.start(args);
            assertThat(warmUpThreads()).as(String.join(" ", args)).isEmpty();
        }
    }

    private static Set<Thread> warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("gongkai-prewarm") && t.isAlive())
                .collect(java.util.stream.Collectors.toSet());
    }
}
