package cn.gongkai.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A temporary directory a benchmark fills (a database, templates, a mailbox), removed with everything in it when
 * closed: a district benchmark leaves hundreds of megabytes otherwise. Close it after whatever has files open in it.
 */
final class ScratchDir implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchDir.class);
    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    static ScratchDir create(String prefix) throws IOException {
        return new ScratchDir(Files.createTempDirectory(prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the benchmark's temporary directory {}: {}", path, e.toString());
        }
    }
}
