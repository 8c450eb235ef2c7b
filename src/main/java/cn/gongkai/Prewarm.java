package cn.gongkai;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.store.Database;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import cn.gongkai.config.GongkaiConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of a short command on two cores: while the main thread builds the command line (picocli reads every
 * command's annotations) and logging, a second thread loads and initialises what the command will need next — the
 * YAML configuration binding, the H2 engine and Jdbi, and for imports the image codecs — on throw-away inputs
 * (built-in defaults, an in-memory database, a 16×16 picture), touching no file. A command that always opens the
 * database first ({@code item list}, {@code counts}, {@code publish status} …) instead has its real configuration
 * loaded and its database opened there, which the command then takes over (the same configuration file and
 * environment, checked) — or closes at exit if it did not. The command waits for the thread before it reads its
 * configuration; when the thread opens the database, the command waits only for the configuration and goes on
 * (serve writes out its templates and reads its word list meanwhile), and waits for the database when it needs it. Not started for --help, --version
 * and the long-running commands; a failure only costs the head start (the command does the work again and reports
 * any real problem itself).
 */
public final class Prewarm {
    private static final Set<String> NOT_FOR = Set.of("simulator", "demo", "bench", "help", "-h", "--help",
            "-V", "--version");
    /** Commands (first one or two words) that open the database before anything else. */
    private static final Set<List<String>> OPEN_DATABASE = Set.of(List.of("item", "list"), List.of("item", "show"),
            List.of("item", "import"), List.of("counts"), List.of("publish", "status"), List.of("quota"),
            List.of("ledger", "list"), List.of("portal", "status"), List.of("serve"));
    private static volatile Thread running;
    /** Counted down when the configuration of a command that opens the database ahead is loaded (or failed). */
    private static volatile CountDownLatch configLoaded;
    /** The configuration loaded ahead, until the process ends. */
    private static volatile Loaded loaded;
    /** The database opened ahead, until the command takes it (or the process ends). */
    private static volatile Database opened;

    /** A configuration loaded from {@code file} with the process's environment. */
    private record Loaded(Path file, Map<String, String> env, GongkaiConfig config) {
    }

    private Prewarm() {
    }

    /**
     * Starts the warm-up for a short command; does nothing for help, version and long-running commands. Called
     * before logging is initialised (which takes the main thread 50–150 ms), so that the configuration and the
     * database are loaded meanwhile; this class therefore asks for its logger only when it has something to log.
     */
    static void start(String[] args) {
        List<String> words = List.of(args);
        if (words.isEmpty() || words.stream().anyMatch(NOT_FOR::contains)) {
            return;
        }
        boolean pictures = words.contains("import") || words.contains("inbox");
        Optional<Path> config = opensDatabase(words);
        configLoaded = config.isPresent() ? new CountDownLatch(1) : null;
        Thread thread = new Thread(() -> run(pictures, config), "gongkai-prewarm");
        thread.setDaemon(true);
        running = thread;
        thread.start();
        if (config.isPresent() && firstWord(words).equals("serve")) {
            // serve: Jetty and Javalin start once on a free loopback port while the configuration and database load
            Thread web = new Thread(cn.gongkai.web.WebServer::warmUp, "gongkai-prewarm-web");
            web.setDaemon(true);
            web.start();
        }
    }

    private static void openAhead(Path file) {
        Map<String, String> env = System.getenv();
        GongkaiConfig config;
        try {
            config = new ConfigLoader(env).load(file.toString().isEmpty() ? null : file);
            loaded = new Loaded(file, env, config);
        } finally {
            configLoaded.countDown();
        }
        opened = Wiring.openDatabaseNow(config);
    }

    /** Imports read pictures: registers the image readers and writers and codes a small JPEG once each way. */
    private static void pictures() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
    }

    /**
     * Waits until the warm-up (if one was started) has finished — or, when it opens the database ahead, until the
     * configuration is loaded; returns at once afterwards.
     */
    public static void await() {
        CountDownLatch config = configLoaded;
        try {
            if (config != null) {
                config.await();
            } else {
                join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join() throws InterruptedException {
        Thread thread = running;
        if (thread != null && thread != Thread.currentThread()) {
            thread.join();
            running = null;
        }
    }

    /** The command's first word (not an option, nor the value of {@code --config}), or empty. */
    static String firstWord(List<String> args) {
        List<String> words = words(args);
        return words.isEmpty() ? "" : words.get(0);
    }

    /** The words of the command line that are neither options nor the value of {@code --config}. */
    private static List<String> words(List<String> args) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--config")) {
                i++;
            } else if (!a.startsWith("-")) {
                words.add(a);
            }
        }
        return words;
    }

    /**
     * For a command that opens the database first: its {@code --config} file (an empty path for none), read as
     * picocli reads it; empty for any other command.
     */
    static Optional<Path> opensDatabase(List<String> args) {
        List<String> words = words(args);
        Path config = Path.of("");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--config") && i + 1 < args.size()) {
                config = Path.of(args.get(++i));
            } else if (a.startsWith("--config=")) {
                config = Path.of(a.substring("--config=".length()));
            }
        }
        boolean opens = !words.isEmpty() && (OPEN_DATABASE.contains(words.subList(0, 1))
                || words.size() > 1 && OPEN_DATABASE.contains(words.subList(0, 2)));
        return opens ? Optional.of(config) : Optional.empty();
    }

    /**
     * The configuration loaded ahead, when it was loaded from {@code file} with {@code env}; the command's own
     * loading is then skipped. Call after {@link #await()}.
     */
    public static Optional<GongkaiConfig> config(Path file, Map<String, String> env) {
        Loaded o = loaded;
        Path asked = file == null ? Path.of("") : file;
        return o != null && o.file().equals(asked) && o.env().equals(env) ? Optional.of(o.config())
                : Optional.empty();
    }

    /**
     * The database opened ahead for exactly this configuration object (waiting for the opening to finish), handed
     * over once (the caller closes it); empty when it was opened for another configuration or could not be opened.
     */
    static Optional<Database> takeDatabase(GongkaiConfig config) {
        Loaded l = loaded;
        if (l == null || l.config() != config) {
            return Optional.empty();
        }
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        synchronized (Prewarm.class) {
            Database d = opened;
            opened = null;
            return Optional.ofNullable(d);
        }
    }

    /** Closes a database opened ahead that the command did not take (it failed early, or needed none). */
    static void closeUnclaimed() {
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Database d;
        synchronized (Prewarm.class) {
            d = opened;
            opened = null;
        }
        if (d != null) {
            d.close();
        }
    }

    private static void run(boolean pictures, Optional<Path> config) {
        try {
            if (config.isPresent()) {
                openAhead(config.get());
            } else {
                ConfigLoader.warmUp();
                Database.warmUp();
            }
            if (pictures) {
                pictures();
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only time is lost: the command does the same work itself and reports any real problem.
            // The logger is asked for only here: the thread must start before the main thread initialises logging.
            Logger log = LoggerFactory.getLogger(Prewarm.class);
            log.debug("Start-up warm-up failed; the command goes on without it", e);
        }
    }
}
