package cn.gongkai.intake;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports items: Markdown files with YAML front matter, Word (.docx) files, and items given as fields (the REST
 * API). Every item is parsed and put through the pre-publish checks first; if any has a problem or a check error,
 * nothing is stored. Otherwise all items, their images and their audit rows are stored in one transaction.
 * Check warnings are returned with the result.
 */
public final class ItemImporter {
    private final ItemFileParser parser;
    private final ItemRepository items;
    private final ImageStore images;
    private final Transactions tx;
    private final ReviewService review;
    private final Clock clock;
    private final ZoneId zone;

    public ItemImporter(List<String> categories, List<String> accounts, Set<String> glossaryKeys, ZoneId zone,
                        ItemRepository items, ImageStore images, Transactions tx, ReviewService review, Clock clock) {
        this.parser = new ItemFileParser(categories, accounts, glossaryKeys, zone,
                review.checks().limits());
        this.items = items;
        this.images = images;
        this.tx = tx;
        this.review = review;
        this.clock = clock;
        this.zone = zone;
    }

    /** Imports the files (.md or .docx) as {@code actor}; {@code channel} names the way they came in (命令行, 收件箱, …). */
    public ImportResult importFiles(List<Path> files, String actor, String channel) {
        return importFiles(files, actor, channel, Map.of());
    }

    /**
     * Imports one file; a Word file without its own value for a field gets it from {@code docxDefaults} (the inbox
     * passes the category of its sub-folder).
     */
    public ImportResult importFile(Path file, String actor, String channel, Map<String, String> docxDefaults) {
        return importFiles(List.of(file), actor, channel, docxDefaults);
    }

    private ImportResult importFiles(List<Path> files, String actor, String channel,
                                     Map<String, String> docxDefaults) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        List<ParsedItem> parsed = new ArrayList<>();
        List<CheckReport> reports = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            ItemFileParser.Result r = parseFile(file, docxDefaults);
            if (!r.ok()) {
                problems.addAll(r.problems());
                continue;
            }
            ParsedItem item = r.item();
            Path earlier = seen.putIfAbsent(item.sourceKey(), file);
            if (earlier != null) {
                problems.add(new ImportProblem(file, 0, "", "与本次导入的 " + earlier + " 内容完全相同，重复导入"));
                continue;
            }
            items.findBySourceKey(item.sourceKey()).ifPresent(id -> problems.add(new ImportProblem(file, 0, "",
                    "该文件已导入过（稿件编号 " + id + "），不会重复导入。如需修改，请用 gongkai item update " + id
                            + " 文件")));
            CheckReport report = review.queueChecks(item.content(), today());
            problems.addAll(asProblems(item, report.errors()));
            warnings.addAll(asProblems(item, report.warnings()));
            parsed.add(item);
            reports.add(report);
        }
        if (!problems.isEmpty()) {
            return new ImportResult(List.of(), problems, warnings);
        }
        List<Long> ids = tx.inTransaction(() -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                ParsedItem p = parsed.get(i);
                p.imageBytes().forEach(images::put);
                DisclosureItem stored = items.insert(p.content(), review.initialStatus(), p.sourceKey(),
                        clock.instant());
                review.recordQueued(stored, actor, channel, reports.get(i));
                out.add(stored.id());
            }
            return out;
        });
        return new ImportResult(ids, List.of(), warnings);
    }

    /**
     * Stores an item given as fields and a Markdown body (the REST API) as a draft, or queues it into review when
     * {@code submit} is set. Problems and check errors (only when queuing) store nothing.
     *
     * @param fields  front matter fields by name (title, category, …) as JSON values
     * @param imgs    images by the name the body and cover use
     */
    public ImportResult create(Map<String, JsonNode> fields, String body, Map<String, byte[]> imgs, String actor,
                               String channel, boolean submit) {
        ItemFileParser.Result r = parser.parseFields(Path.of(channel), fields, body, ImageSource.inMemory(imgs));
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems());
        }
        return createParsed(r.item().withSourceKey(null), actor, channel, submit);
    }

    /**
     * Stores an uploaded item file — Markdown with front matter, or .docx by its name — as a draft, or queues it
     * when {@code submit} is set; its images come from {@code imgs} (by the name the file uses).
     */
    public ImportResult createFromUpload(String fileName, byte[] bytes, Map<String, byte[]> imgs, String actor,
                                         String channel, boolean submit) {
        ItemFileParser.Result r = parseUpload(fileName, bytes, imgs, ImageSource.inMemory(imgs));
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems());
        }
        return createParsed(r.item().withSourceKey(null), actor, channel, submit);
    }

    /** Replaces the content of item {@code id} with an uploaded item file; see {@link #update}. */
    public ImportResult updateFromUpload(long id, String fileName, byte[] bytes, Map<String, byte[]> imgs,
                                         String actor, String channel) {
        ItemFileParser.Result r = parseUpload(fileName, bytes, imgs, withStored(id, imgs));
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems());
        }
        return store(id, r.item(), actor, channel);
    }

    private ItemFileParser.Result parseUpload(String fileName, byte[] bytes, Map<String, byte[]> imgs,
                                              ImageSource source) {
        Path label = Path.of(fileName == null || fileName.isBlank() ? "item.md" : Path.of(fileName).getFileName()
                .toString());
        if (label.toString().toLowerCase(Locale.ROOT).endsWith(".docx")) {
            try {
                DocxConverter.Converted docx = DocxConverter.convert(bytes, label, Map.of());
                Map<String, byte[]> all = new HashMap<>(imgs);
                all.putAll(docx.images());
                return parser.parseText(label, docx.markdown().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ImageSource.inMemory(all));
            } catch (DocxConverter.DocxException e) {
                return new ItemFileParser.Result(null, List.of(new ImportProblem(label, 0, "",
                        "无法读取 Word 文件：" + e.getMessage())));
            }
        }
        if (bytes.length > ItemFileParser.MAX_FILE_BYTES) {
            return new ItemFileParser.Result(null, List.of(new ImportProblem(label, 0, "",
                    "文件 " + bytes.length / 1024 + " KB，超过稿件文件上限 " + ItemFileParser.MAX_FILE_BYTES / 1024 + " KB")));
        }
        return parser.parseText(label, bytes, source);
    }

    private ImportResult createParsed(ParsedItem item, String actor, String channel, boolean submit) {
        CheckReport report = review.queueChecks(item.content(), today());
        List<ImportProblem> warnings = asProblems(item, submit ? report.warnings() : report.findings());
        if (submit && report.hasErrors()) {
            return new ImportResult(List.of(), asProblems(item, report.errors()), warnings);
        }
        long id = tx.inTransaction(() -> {
            item.imageBytes().forEach(images::put);
            ItemStatus status = submit ? review.initialStatus() : ItemStatus.DRAFT;
            DisclosureItem stored = items.insert(item.content(), status, null, clock.instant());
            if (submit) {
                review.recordQueued(stored, actor, channel, report);
            } else {
                review.recordCreated(stored, actor, channel);
            }
            return stored.id();
        });
        return new ImportResult(List.of(id), List.of(), warnings);
    }

    /**
     * Parses fields and a body as {@link #create} and {@link #update} do and runs the queue checks, storing nothing:
     * the console's live preview. {@code id} is the item being edited (its stored images count), or 0 for a new one.
     */
    public ImportPreview preview(long id, Map<String, JsonNode> fields, String body, Map<String, byte[]> imgs) {
        ItemFileParser.Result r = parser.parseFields(Path.of("预览"), fields, body,
                id > 0 ? withStored(id, imgs) : ImageSource.inMemory(imgs));
        if (!r.ok()) {
            return new ImportPreview(null, r.problems(), null);
        }
        return new ImportPreview(r.item().content(), List.of(), review.queueChecks(r.item().content(), today()));
    }

    /** Replaces the content of item {@code id} with the item file (.md or .docx) {@code file}; see {@link #update}. */
    public ImportResult updateFromFile(long id, Path file, String actor, String channel) {
        ItemFileParser.Result r = parseFile(file, Map.of());
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems());
        }
        return store(id, r.item(), actor, channel);
    }

    /**
     * Replaces the content of item {@code id} with the fields and body given (the REST API). The item goes back to
     * the start of review unless it is a draft; check errors block unless it is a draft.
     */
    public ImportResult update(long id, Map<String, JsonNode> fields, String body, Map<String, byte[]> imgs,
                               String actor, String channel) {
        ItemFileParser.Result r = parser.parseFields(Path.of(channel), fields, body, withStored(id, imgs));
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems());
        }
        return store(id, r.item(), actor, channel);
    }

    private ImportResult store(long id, ParsedItem item, String actor, String channel) {
        try {
            DisclosureItem updated = tx.inTransaction(() -> {
                item.imageBytes().forEach(images::put);
                return review.update(id, item.content(), actor, channel);
            });
            CheckReport report = review.queueChecks(updated.content(), today());
            return new ImportResult(List.of(id), List.of(), asProblems(item, report.findings()));
        } catch (ChecksFailedException e) {
            return new ImportResult(List.of(), asProblems(item, e.report().errors()),
                    asProblems(item, e.report().warnings()));
        }
    }

    /** The images of the request, plus those the stored item already has (so an edit need not resend them). */
    private ImageSource withStored(long id, Map<String, byte[]> given) {
        Map<String, byte[]> all = new HashMap<>();
        items.find(id).ifPresent(existing -> {
            List<ItemImage> stored = new ArrayList<>(existing.content().images());
            if (existing.content().cover() != null) {
                stored.add(existing.content().cover());
            }
            for (ItemImage i : stored) {
                images.get(i.sha256()).ifPresent(b -> all.put(i.fileName(), b));
            }
        });
        all.putAll(given);
        return ImageSource.inMemory(all);
    }

    private ItemFileParser.Result parseFile(Path file, Map<String, String> docxDefaults) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".docx")) {
            return parser.parse(file);
        }
        DocxConverter.Converted docx;
        try {
            if (!Files.isRegularFile(file)) {
                return new ItemFileParser.Result(null, List.of(new ImportProblem(file, 0, "", "文件不存在或不是普通文件")));
            }
            docx = DocxConverter.convert(Files.readAllBytes(file), file, docxDefaults);
        } catch (IOException | DocxConverter.DocxException e) {
            return new ItemFileParser.Result(null, List.of(new ImportProblem(file, 0, "",
                    "无法读取 Word 文件：" + e.getMessage() + "（请确认是 .docx 格式，而不是 .doc 或已加密的文件）")));
        }
        ItemFileParser.Result r = parser.parseText(file, docx.markdown().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ImageSource.inMemory(docx.images()));
        if (!r.ok()) {
            return r;
        }
        String key = ContentHash.sha256(docx.source());
        return new ItemFileParser.Result(r.item().withSourceKey(r.item().content().account() + ":docx:" + key),
                List.of());
    }

    /** Check findings as problems that name the line in the file and the field as the file writes it. */
    static List<ImportProblem> asProblems(ParsedItem item, List<Finding> findings) {
        List<ImportProblem> out = new ArrayList<>();
        for (Finding f : findings) {
            String field = f.field();
            int line = item.fieldLines().getOrDefault(field, 0);
            String label = field;
            if (field.equals("body")) {
                label = "正文";
                line = item.bodyLine() > 0 ? item.bodyLine() + Math.max(f.line(), 1) - 1 : 0;
            } else if (field.equals("images")) {
                label = "图片";
                line = imageLine(item, f.message());
            } else if (field.startsWith("notes.")) {
                label = "notes";
                line = item.fieldLines().getOrDefault("notes", 0);
            }
            String where = field.equals("body") && f.column() > 0 ? "第 " + f.column() + " 列：" : "";
            out.add(new ImportProblem(item.file(), line, label, where + f.message()));
        }
        return out;
    }

    private static int imageLine(ParsedItem item, String message) {
        if (item.bodyLine() <= 0) {
            return 0;
        }
        String[] lines = item.content().body().split("\n", -1);
        for (ItemImage i : item.content().images()) {
            if (!message.contains("“" + i.fileName() + "”")) {
                continue;
            }
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].contains(i.fileName() + ")") || lines[n].contains(i.fileName() + " ")) {
                    return item.bodyLine() + n;
                }
            }
        }
        return 0;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
