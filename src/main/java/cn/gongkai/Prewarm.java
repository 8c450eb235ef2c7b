package cn.gongkai;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.store.Database;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of a short command on two cores: while the main thread builds the command line (picocli reads every
 * command's annotations) and logging, a second thread loads and initialises what the command will need next — the
 * YAML configuration binding, the H2 engine and Jdbi — on throw-away inputs (built-in defaults, an in-memory
 * database), touching no file. The command waits for it before it reads its configuration, so the two threads never
 * initialise the same library at once. Not started for --help, --version, and the long-running commands.
 */
public final class Prewarm {
    private static final Logger LOG = LoggerFactory.getLogger(Prewarm.class);
    private static final Set<String> NOT_FOR = Set.of("serve", "simulator", "demo", "bench", "help", "-h", "--help",
            "-V", "--version");
    private static volatile Thread running;

    private Prewarm() {
    }

    /** Starts the warm-up for a short command; does nothing for help, version and long-running commands. */
    static void start(String[] args) {
        List<String> words = List.of(args);
        if (words.isEmpty() || words.stream().anyMatch(NOT_FOR::contains)) {
            return;
        }
        Thread thread = new Thread(Prewarm::run, "gongkai-prewarm");
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /** Waits until the warm-up (if one was started) has finished; returns at once afterwards. */
    public static void await() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
            running = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            ConfigLoader.warmUp();
            Database.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // Only time is lost: the command does the same work itself and reports any real problem.
            LOG.debug("Start-up warm-up failed; the command goes on without it", e);
        }
    }
}
