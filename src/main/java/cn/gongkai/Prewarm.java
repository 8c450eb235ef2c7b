package cn.gongkai;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.store.Database;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of a short command on two cores: while the main thread builds the command line (picocli reads every
 * command's annotations) and logging, a second thread loads and initialises what the command will need next — the
 * YAML configuration binding, the H2 engine and Jdbi, and for imports the image codecs — on throw-away inputs
 * (built-in defaults, an in-memory database, a 16×16 picture), touching no file. The command waits for it before it reads its configuration, so the two threads never
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
        boolean pictures = words.contains("import") || words.contains("inbox");
        Thread thread = new Thread(() -> run(pictures), "gongkai-prewarm");
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /** Imports read pictures: registers the image readers and writers and codes a small JPEG once each way. */
    private static void pictures() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
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

    private static void run(boolean pictures) {
        try {
            ConfigLoader.warmUp();
            Database.warmUp();
            if (pictures) {
                pictures();
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only time is lost: the command does the same work itself and reports any real problem.
            LOG.debug("Start-up warm-up failed; the command goes on without it", e);
        }
    }
}
