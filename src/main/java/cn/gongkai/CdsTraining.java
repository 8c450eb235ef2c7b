package cn.gongkai;

import cn.gongkai.cli.Cli;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The training run of the build's AppCDS archive ({@code target/gongkai.jsa}, see pom.xml and the launcher
 * {@code target/gongkai}): runs the short commands staff type most — import one sample item, then list, show, counts,
 * publish status, quota — in one JVM against a new H2 database in {@code args[0]}, then serves once
 * ({@link ServeTraining}), so that the JVM started with {@code -XX:ArchiveClassesAtExit} archives the classes they
 * load. Output is discarded; a failing command fails the run (the build then goes on without an archive and the
 * launcher runs the jar plainly).
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/cds-training").toAbsolutePath();
        boolean serve = args.length > 1 && args[1].equals("serve");
        Files.createDirectories(dir);
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\ntemplates-dir: " + dir.resolve("templates")
                + "\nweb:\n  host: 127.0.0.1\n  port: 0\nreview:\n  chain: []\n"
                // no 报区政府办 delivery while training: serve's portal job once left H2 closed by a thread interrupt
                // and Quartz's shutdown waiting for it (see the closing note of issue 18)
                + "portals: []\n");
        Path sample = dir.resolve("samples");
        if (!Files.isDirectory(sample)) {
            Bundled.extract("samples", sample);
        }
        String item = sample.resolve("01-zhaoshang-tuijinhui.md").toString();
        if (serve) {
            // serve's own archive: its console pages need an item to show
            run(config, List.of("item", "import", item));
            ServeTraining.run(config);
        } else {
            // as App runs a short command: without the flight recorder, whose classes would only weigh on the archive
            System.setProperty(App.FLIGHT_RECORDER_OFF, "true");
            // What a short command's warm-up thread loads (an in-memory H2, the binding of the built-in defaults).
            ConfigLoader.warmUp();
            Database.warmUp();
            for (List<String> command : List.of(List.of("--version"), List.of("item", "import", item),
                    List.of("item", "list"), List.of("item", "show", "1"), List.of("counts", "--year", "2026"),
                    List.of("publish", "status"), List.of("quota"), List.of("ledger", "list", "--year", "2026"))) {
                run(config, command);
            }
        }
        // serve leaves pool and client threads behind; the archive is written as the JVM exits
        System.exit(0);
    }

    private static void run(Path config, List<String> command) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--config", config.toString()),
                command.stream()).toArray(String[]::new);
        int code = Cli.run(args, Map.of(), Clock.systemUTC(), out, out);
        if (code != 0) {
            throw new UncheckedIOException(new IOException("training command " + command + " failed (" + code
                    + "): " + text));
        }
    }
}
