package cn.gongkai.intake;

import cn.gongkai.intake.FrontMatter.Field;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.review.checks.CheckLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an item file — Markdown with a YAML front matter (design.md §4) — and checks every field and image. A file
 * with any problem yields problems and no item. The parts: {@link FrontMatter} splits the file, {@link ItemFields}
 * checks the fields, {@link ItemBody} the body and {@link ItemImages} the images.
 */
final class ItemFileParser {
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** The field name of problems and notes about a file's text encoding. */
    static final String ENCODING = "编码";

    private final ItemFields checks;

    /**
     * @param limits the configured limits of the pre-publish checks (at most WeChat's, {@link WeChatLimits}), so a
     *               file is refused here exactly where the checks would refuse it
     */
    ItemFileParser(List<String> categories, List<String> accounts, Set<String> glossaryKeys, ZoneId zone,
                   CheckLimits limits) {
        this.checks = new ItemFields(categories, accounts, glossaryKeys, zone, limits);
    }

    /**
     * The result: an item, or the problems that stop it; {@code notes} tell staff how the file was read (e.g. its
     * encoding when it was not plain UTF-8) and are shown with the result's warnings.
     */
    record Result(ParsedItem item, List<ImportProblem> problems, List<ImportProblem> notes) {
        Result {
            notes = List.copyOf(notes);
        }

        Result(ParsedItem item, List<ImportProblem> problems) {
            this(item, problems, List.of());
        }

        Result withNotes(List<ImportProblem> more) {
            List<ImportProblem> all = new ArrayList<>(notes);
            all.addAll(more);
            return new Result(item, problems, all);
        }

        boolean ok() {
            return problems.isEmpty();
        }

        static Result refused(FileProblems p) {
            return new Result(null, p.list());
        }
    }

    Result parse(Path file) {
        FileProblems p = new FileProblems(file);
        if (!Files.isRegularFile(file)) {
            p.add(0, "", "文件不存在或不是普通文件");
            return Result.refused(p);
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                p.add(0, "", "文件 " + Files.size(file) / 1024 + " KB，超过稿件文件上限 " + MAX_FILE_BYTES / 1024
                        + " KB（图片请作为单独文件引用）");
                return Result.refused(p);
            }
            return parseText(file, Files.readAllBytes(file), ImageSource.besideFile(file));
        } catch (IOException e) {
            p.add(0, "", "无法读取文件：" + e.getMessage());
            return Result.refused(p);
        }
    }

    /**
     * Reads an item from the bytes of an item file (Markdown with front matter), with its images from
     * {@code images}; {@code file} names it in problems.
     */
    Result parseText(Path file, byte[] raw, ImageSource images) {
        FileProblems p = new FileProblems(file);
        TextDecoding.Decoded decoded;
        try {
            decoded = TextDecoding.decode(raw);
        } catch (TextDecoding.UndecodableException e) {
            p.add(e.line(), ENCODING, e.getMessage());
            return Result.refused(p);
        }
        String text = decoded.text().replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<ImportProblem> notes = decoded.plain() ? List.of()
                : List.of(new ImportProblem(file, 0, ENCODING, decoded.note()));
        FrontMatter.Split split = FrontMatter.split(text, p);
        if (split == null) {
            return Result.refused(p).withNotes(notes);
        }
        return build(file, text, split, p, images).withNotes(notes);
    }

    /**
     * Reads an item given as fields (as in a JSON request: the front matter names, each a JSON value) and a
     * Markdown body, with its images from {@code images}; {@code label} names it in problems, which carry line 0.
     */
    Result parseFields(Path label, Map<String, JsonNode> given, String body, ImageSource images) {
        FileProblems p = new FileProblems(label);
        Map<String, Field> fields = FrontMatter.given(given, p);
        String text = body == null ? "" : body.replace("\r\n", "\n").strip();
        String key = given.toString() + "\n" + text;
        return build(label, key, new FrontMatter.Split(fields, text, 0), p, images);
    }

    /** Checks the fields, the body and the images in this order; {@code text} identifies the item's content. */
    private Result build(Path file, String text, FrontMatter.Split split, FileProblems p, ImageSource source) {
        Map<String, Field> fields = split.fields();
        ItemFields.Header h = checks.read(fields, p);
        ItemBody.check(split.body(), split.bodyLine(), checks.limits(), p);
        ItemImages images = new ItemImages(source, p);
        List<ItemImage> bodyImages = images.body(ItemBody.imageRefs(split.body(), split.bodyLine()));
        String coverName = ItemFields.string(fields, "cover", p, false);
        ItemImage cover = coverName == null ? null : images.cover(coverName, fields.get("cover").line());
        if (!p.none()) {
            return Result.refused(p);
        }
        ItemContent content = new ItemContent(h.account().strip(), h.category().strip(), h.title().strip(),
                h.author(), h.department(), split.body(), h.notes(), h.glossary(), bodyImages, cover, h.docNo(),
                h.sourceUrl(), h.publishAt(), h.digest(), h.headingNumbers(), h.important(), h.signature(),
                h.signedAt());
        String key = ContentHash.sha256((h.account().strip() + "\n" + text).getBytes(StandardCharsets.UTF_8));
        Map<String, Integer> lines = new LinkedHashMap<>();
        fields.forEach((name, f) -> lines.put(name, f.line()));
        return new Result(new ParsedItem(file, content, images.bytes(), key, split.bodyLine(), lines), p.list());
    }
}
