package cn.gongkai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import cn.gongkai.wechat.LogEscaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an installed templates folder up to the jar's templates without losing what staff edited. A file is
 * recognised as unedited when its SHA-256 is one the product has shipped for it ({@code templates/shipped.txt}, kept
 * complete by {@code ShippedTemplatesTest}) or the jar's own: such a file is replaced by the jar's version. An edited
 * file is kept, and the jar's version is written beside it as {@code NAME.new} once per version (the versions offered
 * are remembered in {@value #OFFERED}, so a {@code .new} that staff deleted is not written again); while a
 * {@code .new} waits beside an edited file every start warns. Line ends are read as LF for the hashes, so a copy whose
 * line ends were changed still counts as unedited.
 */
public final class TemplateUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateUpgrade.class);
    /** The file in the installed folder naming, per template, the version last written beside it as .new. */
    static final String OFFERED = ".offered-versions.txt";
    static final String NEW = ".new";
    /** The bundled list of every version shipped: per line a file and the SHA-256 of one version of it. */
    static final String SHIPPED = "shipped.txt";

    /** What a bundled file needs in an installed folder. */
    public enum Kind {
        /** The installed file is the jar's version. */
        CURRENT,
        /** The file is missing: the jar's version is written. */
        MISSING,
        /** The file is an unedited older version: it is replaced by the jar's version. */
        OUTDATED,
        /** The file was edited and the jar's version was not offered yet: it is written beside it as NAME.new. */
        EDITED,
        /** The file was edited and NAME.new, the jar's version, still waits beside it. */
        WAITING,
        /** The file was edited and staff removed the NAME.new offered for this version: nothing to do. */
        SETTLED
    }

    /** A bundled file (its path inside the folder, with forward slashes) and what it needs. */
    public record Step(String file, Kind kind) {
        /** Whether staff should look at this file: an edited file whose new version waits beside it. */
        public boolean needsStaff() {
            return kind == Kind.EDITED || kind == Kind.WAITING;
        }
    }

    private final Map<String, byte[]> current;
    private final Map<String, Set<String>> shipped;

    /** {@code current}: the jar's files by path; {@code shipped}: every hash each has shipped with. */
    TemplateUpgrade(Map<String, byte[]> current, Map<String, Set<String>> shipped) {
        for (String file : current.keySet()) {
            // every name stays inside the templates folder it is written into
            if (file.isEmpty() || file.startsWith("/") || file.contains("\\") || file.contains(":")
                    || java.util.Arrays.asList(file.split("/")).contains("..")) {
                throw new IllegalArgumentException("a bundled template name must be a relative path inside the "
                        + "folder: " + file);
            }
        }
        this.current = new LinkedHashMap<>(current);
        this.shipped = Map.copyOf(shipped);
    }

    /** The templates this jar carries, with the versions it has shipped. */
    public static TemplateUpgrade bundled() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : Bundled.index("templates")) {
            files.put(file, Bundled.bytes("templates", file));
        }
        return new TemplateUpgrade(files, versions(new String(Bundled.bytes("templates", SHIPPED), StandardCharsets.UTF_8)));
    }

    /** What each bundled file needs in {@code dir}; nothing is written. */
    public List<Step> plan(Path dir) {
        Map<String, String> offered = offered(dir);
        List<Step> steps = new ArrayList<>();
        current.forEach((file, bytes) -> steps.add(new Step(file, kind(dir, file, hash(bytes), offered))));
        return steps;
    }

    /** Writes what {@link #plan} found missing, outdated or newly edited; logs each step; returns the plan. */
    List<Step> apply(Path dir) {
        List<Step> steps = plan(dir);
        Map<String, String> offered = offered(dir);
        for (Step s : steps) {
            switch (s.kind()) {
                case MISSING, OUTDATED -> write(dir.resolve(s.file()), current.get(s.file()));
                case EDITED -> {
                    write(dir.resolve(s.file() + NEW), current.get(s.file()));
                    offered.put(s.file(), hash(current.get(s.file())));
                }
                default -> {
                }
            }
            log(dir, s);
        }
        if (steps.stream().anyMatch(s -> s.kind() == Kind.EDITED)) {
            writeOffered(dir, offered);
        }
        return steps;
    }

    private Kind kind(Path dir, String file, String now, Map<String, String> offered) {
        Path installed = dir.resolve(file);
        if (!Files.isRegularFile(installed)) {
            return Kind.MISSING;
        }
        String hash = hash(read(installed));
        if (hash.equals(now)) {
            return Kind.CURRENT;
        }
        if (shipped.getOrDefault(file, Set.of()).contains(hash)) {
            return Kind.OUTDATED;
        }
        if (!now.equals(offered.get(file))) {
            return Kind.EDITED;
        }
        return Files.exists(dir.resolve(file + NEW)) ? Kind.WAITING : Kind.SETTLED;
    }

    /** The warning for a file staff should look at, naming both files; the same words in the log and in doctor. */
    public static String warning(Path dir, Step s) {
        Path kept = dir.resolve(s.file()).toAbsolutePath().normalize();
        String text = "模板 " + kept + " 已被修改过，保留不动；本版本自带的新版本在 " + kept + NEW
                + "。请对照新版本把修改合并进去（或直接用新版本替换），之后删除 " + kept.getFileName() + NEW;
        if (s.file().startsWith("console/")) {
            text += "。注意：这是控制台页面模板，页面所用的数据随程序升级而变化，不合并时控制台页面可能出错或缺少内容";
        }
        return text;
    }

    private static void log(Path dir, Step s) {
        switch (s.kind()) {
            case MISSING -> LOG.info("模板 {} 缺失，已写入本版本自带的", dir.resolve(s.file()));
            case OUTDATED -> LOG.info("模板 {} 是旧版本自带的、未被修改过，已更新为本版本自带的", dir.resolve(s.file()));
            case EDITED, WAITING -> LOG.warn("{}", warning(dir, s));
            default -> {
            }
        }
    }

    /** SHA-256 in hex of the file's bytes with CR LF read as LF. */
    static String hash(byte[] bytes) {
        byte[] lf = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Lines of "file sha256" (blank lines and # comments skipped) as the hashes of each file. */
    static Map<String, Set<String>> versions(String text) {
        Map<String, Set<String>> versions = new TreeMap<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("not \"file sha256\": " + line);
            }
            versions.computeIfAbsent(parts[0], f -> new LinkedHashSet<>()).add(parts[1]);
        });
        return versions;
    }

    private static Map<String, String> offered(Path dir) {
        Map<String, String> offered = new TreeMap<>();
        Path file = dir.resolve(OFFERED);
        if (!Files.isRegularFile(file)) {
            return offered;
        }
        // the program's own bookkeeping, but in a folder staff edit: a damaged line is skipped (its .new may be
        // offered once more), never a reason not to start
        new String(read(file), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                    String[] parts = line.split("\\s+");
                    if (parts.length == 2 && parts[1].matches("[0-9a-f]{64}")) {
                        offered.put(parts[0], parts[1]);
                    } else {
                        LOG.warn("模板目录中的 {} 有一行无法识别，已跳过：{}", OFFERED, LogEscaper.escape(line));
                    }
                });
        return offered;
    }

    private static void writeOffered(Path dir, Map<String, String> offered) {
        StringBuilder text = new StringBuilder("# gongkai 升级时写在旁边（NAME.new）的模板版本，每行：文件 SHA-256。请勿修改。\n");
        offered.forEach((file, hash) -> text.append(file).append(' ').append(hash).append('\n'));
        write(dir.resolve(OFFERED), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            // temp file then move: a running server never reads half a template
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".upgrade-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write template " + file, e);
        }
    }
}
