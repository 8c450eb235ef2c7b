package cn.gongkai.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder: item files dropped into it — Markdown with front matter ({@code .md}) or Word ({@code .docx},
 * {@code .doc}) — are imported one by one, each all or nothing; WPS files and PDF are refused with what to do. An imported file moves to {@code done/}; a refused one to
 * {@code failed/}, with {@code NAME.errors.txt} beside it naming each problem. A Word file in a sub-folder named
 * after a category (e.g. {@code inbox/促消费/}) gets that category unless its own front matter says otherwise.
 * Files changed less than {@code settle} ago are left for the next scan (they may still be being copied); a zero
 * {@code settle} takes every file.
 */
public final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    static final String DONE = "done";
    static final String FAILED = "failed";
    /** The actor and channel written in the audit trail for inbox items. */
    public static final String ACTOR = "收件箱";

    private final Path dir;
    private final ItemImporter importer;
    private final List<String> categories;
    private final Clock clock;
    private final Duration settle;

    public Inbox(Path dir, ItemImporter importer, List<String> categories, Clock clock, Duration settle) {
        this.dir = dir;
        this.importer = importer;
        this.categories = List.copyOf(categories);
        this.clock = clock;
        this.settle = settle;
    }

    /** What one scan did: the files imported (with their new item ids) and the files refused. */
    public record Scan(List<String> imported, List<String> failed) {
        public Scan {
            imported = List.copyOf(imported);
            failed = List.copyOf(failed);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Scans the inbox once. Creates the folder (and done/, failed/) when missing. */
    public Scan scanOnce() {
        List<String> imported = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve(DONE));
            Files.createDirectories(dir.resolve(FAILED));
            for (Path file : candidates()) {
                String category = file.getParent().equals(dir) ? null : file.getParent().getFileName().toString();
                Map<String, String> defaults = category == null ? Map.of() : Map.of("category", category);
                ImportResult r = importer.importFile(file, ACTOR, ACTOR, defaults);
                String name = dir.relativize(file).toString();
                if (r.ok()) {
                    move(file, dir.resolve(DONE));
                    imported.add(name + " → " + r.newIds());
                    LOG.info("Inbox: imported {} as item(s) {}", name, r.newIds());
                } else {
                    Path moved = move(file, dir.resolve(FAILED));
                    writeErrors(moved, file, r);
                    failed.add(name);
                    LOG.warn("Inbox: refused {} with {} problem(s); see {}", name, r.problems().size(),
                            moved.getFileName() + ".errors.txt");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("inbox " + dir + " cannot be scanned", e);
        }
        return new Scan(imported, failed);
    }

    private List<Path> candidates() throws IOException {
        List<Path> out = new ArrayList<>();
        Instant cutoff = settle.isZero() ? Instant.MAX : clock.instant().minus(settle);
        try (Stream<Path> top = Files.list(dir)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && categories.contains(name)) {
                    try (Stream<Path> sub = Files.list(p)) {
                        sub.sorted().filter(f -> isItemFile(f, cutoff)).forEach(out::add);
                    }
                } else if (isItemFile(p, cutoff)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static boolean isItemFile(Path p, Instant cutoff) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(p) || name.startsWith(".") || name.startsWith("~$")
                || !(lower.endsWith(".md") || lower.endsWith(".docx") || lower.endsWith(".doc")
                || OtherFormats.isRefused(name))) {
            return false;
        }
        try {
            return !Files.getLastModifiedTime(p).toInstant().isAfter(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private Path move(Path file, Path folder) throws IOException {
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stamp = "-" + clock.instant().toEpochMilli();
            target = folder.resolve(dot < 0 ? name + stamp : name.substring(0, dot) + stamp + name.substring(dot));
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeErrors(Path moved, Path original, ImportResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(original.getFileName()).append(" 未导入，共 ").append(r.problems().size())
                .append(" 个问题。改正后放回收件箱即可重新导入。\n\n");
        for (ImportProblem p : r.problems()) {
            sb.append(new ImportProblem(original.getFileName(), p.line(), p.field(), p.message())).append('\n');
        }
        for (ImportProblem p : r.warnings()) {
            sb.append("提醒：").append(new ImportProblem(original.getFileName(), p.line(), p.field(), p.message()))
                    .append('\n');
        }
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".errors.txt"), sb.toString(),
                StandardCharsets.UTF_8);
    }
}
