package cn.gongkai.intake;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where items come from, parsed: item files (.md, or .docx converted first), uploaded files, and fields with a
 * body; an edit may leave out the images the stored item already has.
 */
final class ItemSources {
    private final ItemFileParser parser;
    private final ItemRepository items;
    private final ImageStore images;

    ItemSources(ItemFileParser parser, ItemRepository items, ImageStore images) {
        this.parser = parser;
        this.items = items;
        this.images = images;
    }

    /**
     * An item file: Markdown with front matter, or a Word file (.docx or .doc) whose values missing from the file
     * come from {@code docxDefaults}. A Word item's source key is its account and the hash of the file. WPS files
     * and PDF are refused with what to do instead ({@link OtherFormats}).
     */
    ItemFileParser.Result file(Path file, Map<String, String> docxDefaults) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        Optional<String> other = OtherFormats.refusal(name);
        if (other.isPresent()) {
            return refused(file, other.get());
        }
        if (!isWord(name)) {
            return parser.parse(file);
        }
        DocxConverter.Converted word;
        try {
            if (!Files.isRegularFile(file)) {
                return refused(file, "文件不存在或不是普通文件");
            }
            word = convert(name, Files.readAllBytes(file), file, docxDefaults);
        } catch (IOException | DocxConverter.DocxException e) {
            return refused(file, wordRefusal(name, e));
        }
        ItemFileParser.Result r = parser.parseText(file, word.markdown().getBytes(StandardCharsets.UTF_8),
                ImageSource.inMemory(word.images()));
        List<ImportProblem> notes = notes(file, word);
        if (!r.ok()) {
            return r.withNotes(notes);
        }
        String key = ContentHash.sha256(word.source());
        String kind = name.toLowerCase(Locale.ROOT).endsWith(".doc") ? ":doc:" : ":docx:";
        return new ItemFileParser.Result(r.item().withSourceKey(r.item().content().account() + kind + key),
                List.of(), notes);
    }

    /** An uploaded item file — Markdown with front matter, or .docx/.doc by its name — with images from {@code source}. */
    ItemFileParser.Result upload(String fileName, byte[] bytes, Map<String, byte[]> imgs, ImageSource source) {
        Path label = Path.of(fileName == null || fileName.isBlank() ? "item.md" : Path.of(fileName).getFileName()
                .toString());
        String name = label.toString();
        Optional<String> other = OtherFormats.refusal(name);
        if (other.isPresent()) {
            return refused(label, other.get());
        }
        if (isWord(name)) {
            try {
                DocxConverter.Converted word = convert(name, bytes, label, Map.of());
                Map<String, byte[]> all = new HashMap<>(imgs);
                all.putAll(word.images());
                return parser.parseText(label, word.markdown().getBytes(StandardCharsets.UTF_8),
                        ImageSource.inMemory(all)).withNotes(notes(label, word));
            } catch (DocxConverter.DocxException e) {
                return refused(label, wordRefusal(name, e));
            }
        }
        if (bytes.length > ItemFileParser.MAX_FILE_BYTES) {
            return refused(label, "文件 " + bytes.length / 1024 + " KB，超过稿件文件上限 "
                    + ItemFileParser.MAX_FILE_BYTES / 1024 + " KB");
        }
        return parser.parseText(label, bytes, source);
    }

    private static boolean isWord(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".docx") || lower.endsWith(".doc");
    }

    private static DocxConverter.Converted convert(String name, byte[] bytes, Path label, Map<String, String> defaults) {
        return name.toLowerCase(Locale.ROOT).endsWith(".doc") ? DocConverter.convert(bytes, defaults)
                : DocxConverter.convert(bytes, label, defaults);
    }

    private static String wordRefusal(String name, Exception e) {
        boolean doc = name.toLowerCase(Locale.ROOT).endsWith(".doc");
        return "无法读取 Word 文件：" + e.getMessage() + (doc
                ? "（请确认是 Word 97–2003 的 .doc 文件且没有设置打开密码；更早的 Word 6/95 文件或其他格式改名的文件，"
                + "请在 Word 或 WPS 中打开后点 文件 → 另存为 → Word 文件(*.docx) 再导入）"
                : "（请确认是 .docx 格式且没有设置打开密码；若是改了扩展名的 .doc 或 .wps 文件，"
                + "请在 Word 或 WPS 中打开后点 文件 → 另存为 → Word 文件(*.docx) 再导入）");
    }

    private static List<ImportProblem> notes(Path file, DocxConverter.Converted word) {
        return word.notes().stream().map(n -> new ImportProblem(file, 0, "Word", n)).toList();
    }

    /** Front matter fields by name and a Markdown body, as the REST API and the console editor give them. */
    ItemFileParser.Result fields(Path label, Map<String, JsonNode> fields, String body, ImageSource source) {
        return parser.parseFields(label, fields, body, source);
    }

    /** The images of the request, plus those the stored item {@code id} already has (an edit need not resend them). */
    ImageSource withStored(long id, Map<String, byte[]> given) {
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

    private static ItemFileParser.Result refused(Path file, String message) {
        return new ItemFileParser.Result(null, List.of(new ImportProblem(file, 0, "", message)));
    }
}
