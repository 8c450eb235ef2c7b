package cn.gongkai.intake;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.checks.CheckReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports items: Markdown files with YAML front matter, Word (.docx) files, and items given as fields (the REST
 * API). Every item is parsed ({@link ItemSources}) and put through the pre-publish checks first; if any has a
 * problem or a check error, nothing is stored. Otherwise all items, their images and their audit rows are stored in
 * one transaction. Check warnings are returned with the result.
 */
public final class ItemImporter {
    private final ItemSources sources;
    private final ItemRepository items;
    private final ImageStore images;
    private final Transactions tx;
    private final ReviewService review;
    private final Clock clock;
    private final ZoneId zone;

    public ItemImporter(List<String> categories, List<String> accounts, Set<String> glossaryKeys, ZoneId zone,
                        ItemRepository items, ImageStore images, Transactions tx, ReviewService review, Clock clock) {
        this.sources = new ItemSources(new ItemFileParser(categories, accounts, glossaryKeys, zone,
                review.checks().limits()), items, images);
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

    /** The files parsed and checked: the items with their check results, or the problems that stop the import. */
    private record Checked(List<ParsedItem> parsed, List<CheckReport> reports, List<ImportProblem> problems,
                           List<ImportProblem> warnings) {
        Checked() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private ImportResult importFiles(List<Path> files, String actor, String channel,
                                     Map<String, String> docxDefaults) {
        Checked checked = check(files, docxDefaults);
        if (!checked.problems().isEmpty()) {
            return new ImportResult(List.of(), checked.problems(), checked.warnings());
        }
        int[] at = {0};
        try {
            List<Long> ids = tx.inTransaction(() -> {
                List<Long> out = new ArrayList<>();
                for (at[0] = 0; at[0] < checked.parsed().size(); at[0]++) {
                    ParsedItem p = checked.parsed().get(at[0]);
                    p.imageBytes().forEach(images::put);
                    DisclosureItem stored = items.insert(p.content(),
                            review.initialStatusOn(p.content().account()), p.sourceKey(),
                            clock.instant());
                    review.recordQueued(stored, actor, channel, checked.reports().get(at[0]));
                    out.add(stored.id());
                }
                return out;
            });
            return new ImportResult(ids, List.of(), checked.warnings());
        } catch (ReviewException e) {
            // the review chain cannot take one of the items (e.g. an important item while nobody holds 主要领导):
            // the whole batch is rolled back and the file named, as for any other problem
            ParsedItem p = checked.parsed().get(at[0]);
            String field = p.content().important() ? "important" : "";
            return new ImportResult(List.of(), List.of(new ImportProblem(p.file(),
                    p.fieldLines().getOrDefault(field, 0), field, e.reason())), checked.warnings());
        }
    }

    /** Parses and checks every file; a file seen twice in the batch or imported before is a problem. */
    private Checked check(List<Path> files, Map<String, String> docxDefaults) {
        Checked checked = new Checked();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            ItemFileParser.Result r = sources.file(file, docxDefaults);
            checked.warnings().addAll(r.notes());
            if (!r.ok()) {
                checked.problems().addAll(r.problems());
                continue;
            }
            ParsedItem item = r.item();
            Path earlier = seen.putIfAbsent(item.sourceKey(), file);
            if (earlier != null) {
                checked.problems().add(new ImportProblem(file, 0, "", "与本次导入的 " + earlier + " 内容完全相同，重复导入"));
                continue;
            }
            items.findBySourceKey(item.sourceKey()).ifPresent(id -> checked.problems().add(new ImportProblem(file, 0,
                    "", "该文件已导入过（稿件编号 " + id + "），不会重复导入。如需修改，请用 gongkai item update " + id + " 文件")));
            CheckReport report = review.queueChecks(item.content(), today());
            checked.problems().addAll(CheckProblems.of(item, report.errors()));
            checked.warnings().addAll(CheckProblems.of(item, report.warnings()));
            checked.parsed().add(item);
            checked.reports().add(report);
        }
        return checked;
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
        ItemFileParser.Result r = sources.fields(Path.of(channel), fields, body, ImageSource.inMemory(imgs));
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
        ItemFileParser.Result r = sources.upload(fileName, bytes, imgs, ImageSource.inMemory(imgs));
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems(), r.notes());
        }
        return noted(r.notes(), createParsed(r.item().withSourceKey(null), actor, channel, submit));
    }

    /** Replaces the content of item {@code id} with an uploaded item file; see {@link #update}. */
    public ImportResult updateFromUpload(long id, String fileName, byte[] bytes, Map<String, byte[]> imgs,
                                         String actor, String channel) {
        ItemFileParser.Result r = sources.upload(fileName, bytes, imgs, sources.withStored(id, imgs));
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems(), r.notes());
        }
        return noted(r.notes(), store(id, r.item(), actor, channel));
    }

    private ImportResult createParsed(ParsedItem item, String actor, String channel, boolean submit) {
        CheckReport report = review.queueChecks(item.content(), today());
        List<ImportProblem> warnings = CheckProblems.of(item, submit ? report.warnings() : report.findings());
        if (submit && report.hasErrors()) {
            return new ImportResult(List.of(), CheckProblems.of(item, report.errors()), warnings);
        }
        long id;
        try {
            id = tx.inTransaction(() -> {
                item.imageBytes().forEach(images::put);
                ItemStatus status = submit ? review.initialStatusOn(item.content().account()) : ItemStatus.DRAFT;
                DisclosureItem stored = items.insert(item.content(), status, null, clock.instant());
                if (submit) {
                    review.recordQueued(stored, actor, channel, report);
                } else {
                    review.recordCreated(stored, actor, channel);
                }
                return stored.id();
            });
        } catch (ReviewException e) {
            // e.g. an important item while nobody holds 主要领导: nothing is stored and the form keeps its text
            String field = item.content().important() ? "important" : "";
            return new ImportResult(List.of(), List.of(new ImportProblem(item.file(),
                    item.fieldLines().getOrDefault(field, 0), field, e.reason())), warnings);
        }
        return new ImportResult(List.of(id), List.of(), warnings);
    }

    /**
     * Parses fields and a body as {@link #create} and {@link #update} do and runs the queue checks, storing nothing:
     * the console's live preview. {@code id} is the item being edited (its stored images count), or 0 for a new one.
     */
    public ImportPreview preview(long id, Map<String, JsonNode> fields, String body, Map<String, byte[]> imgs) {
        ItemFileParser.Result r = sources.fields(Path.of("预览"), fields, body,
                id > 0 ? sources.withStored(id, imgs) : ImageSource.inMemory(imgs));
        if (!r.ok()) {
            return new ImportPreview(null, r.problems(), null);
        }
        return new ImportPreview(r.item().content(), List.of(), review.queueChecks(r.item().content(), today()));
    }

    /** Replaces the content of item {@code id} with the item file (.md or .docx) {@code file}; see {@link #update}. */
    public ImportResult updateFromFile(long id, Path file, String actor, String channel) {
        ItemFileParser.Result r = sources.file(file, Map.of());
        if (!r.ok()) {
            return new ImportResult(List.of(), r.problems(), r.notes());
        }
        return noted(r.notes(), store(id, r.item(), actor, channel));
    }

    /** The result with how the file was read (its encoding, a Word file's mapping) ahead of its warnings. */
    private static ImportResult noted(List<ImportProblem> notes, ImportResult r) {
        List<ImportProblem> warnings = new ArrayList<>(notes);
        warnings.addAll(r.warnings());
        return new ImportResult(r.newIds(), r.problems(), warnings);
    }

    /**
     * Replaces the content of item {@code id} with the fields and body given (the REST API). The item goes back to
     * the start of review unless it is a draft; check errors block unless it is a draft.
     */
    public ImportResult update(long id, Map<String, JsonNode> fields, String body, Map<String, byte[]> imgs,
                               String actor, String channel) {
        ItemFileParser.Result r = sources.fields(Path.of(channel), fields, body, sources.withStored(id, imgs));
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
            return new ImportResult(List.of(id), List.of(), CheckProblems.of(item, report.findings()));
        } catch (ChecksFailedException e) {
            return new ImportResult(List.of(), CheckProblems.of(item, e.report().errors()),
                    CheckProblems.of(item, e.report().warnings()));
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
