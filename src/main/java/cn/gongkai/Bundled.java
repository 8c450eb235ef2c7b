package cn.gongkai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /**
     * Writes the bundled templates into {@code dir} when that folder does not exist yet, and otherwise brings it up to
     * this version ({@link TemplateUpgrade}: unedited old files replaced, edited ones kept with the new version
     * beside them as NAME.new). The source folder the jar is built from (it holds the index.txt) is left alone.
     */
    public static List<TemplateUpgrade.Step> ensureTemplates(Path dir) {
        if (!Files.isDirectory(dir)) {
            int n = extract("templates", dir);
            LOG.warn("模板目录 {} 不存在，已写入内置模板（{} 个文件），可直接修改", dir.toAbsolutePath(), n);
            return index("templates").stream().map(f -> new TemplateUpgrade.Step(f, TemplateUpgrade.Kind.MISSING))
                    .toList();
        }
        return Files.exists(dir.resolve("index.txt")) ? List.of() : TemplateUpgrade.bundled().apply(dir);
    }

    /** Writes the bundled folder {@code name} into {@code target}; returns the number of files. */
    public static int extract(String name, Path target) {
        List<String> files = index(name);
        try {
            for (String file : files) {
                Path out = target.resolve(file);
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.write(out, bytes(name, file), StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundled " + name + " into " + target, e);
        }
        return files.size();
    }

    /** The files of a bundled folder, as listed in its index.txt. */
    public static List<String> index(String name) {
        return new String(bytes(name, "index.txt"), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    /** The bytes of {@code file} in the bundled folder {@code name}. */
    static byte[] bytes(String name, String file) {
        try (InputStream in = Bundled.class.getResourceAsStream("/" + name + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled file missing from the jar: " + name + "/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
