package cn.gongkai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders the jar carries a copy of ({@code templates/}, {@code samples/}), each listed in its {@code index.txt}.
 * When the jar runs outside the repository, the copy is written out so staff can read and edit it.
 */
public final class Bundled {
    private static final Logger LOG = LoggerFactory.getLogger(Bundled.class);

    private Bundled() {
    }

    /** Writes the bundled templates into {@code dir} if that folder does not exist yet. */
    static void ensureTemplates(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        int n = extract("templates", dir);
        LOG.warn("模板目录 {} 不存在，已写入内置模板（{} 个文件），可直接修改", dir.toAbsolutePath(), n);
    }

    /** Writes the bundled folder {@code name} into {@code target}; returns the number of files. */
    public static int extract(String name, Path target) {
        List<String> files = index(name);
        try {
            for (String file : files) {
                try (InputStream in = Bundled.class.getResourceAsStream("/" + name + "/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("bundled file missing from the jar: " + name + "/" + file);
                    }
                    Path out = target.resolve(file);
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundled " + name + " into " + target, e);
        }
        return files.size();
    }

    /** The files of a bundled folder, as listed in its index.txt. */
    public static List<String> index(String name) {
        try (InputStream in = Bundled.class.getResourceAsStream("/" + name + "/index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + name + "/index.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
