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
     * An item file: Markdown with front matter, or a Word file whose values missing from the file come from
     * {@code docxDefaults}. A Word item's source key is its account and the hash of the file.
     */
    ItemFileParser.Result file(Path file, Map<String, String> docxDefaults) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".docx")) {
            return parser.parse(file);
        }
        DocxConverter.Converted docx;
        try {
            if (!Files.isRegularFile(file)) {
                return refused(file, "文件不存在或不是普通文件");
            }
            docx = DocxConverter.convert(Files.readAllBytes(file), file, docxDefaults);
        } catch (IOException | DocxConverter.DocxException e) {
            return refused(file, "无法读取 Word 文件：" + e.getMessage() + "（请确认是 .docx 格式，而不是 .doc 或已加密的文件）");
        }
        ItemFileParser.Result r = parser.parseText(file, docx.markdown().getBytes(StandardCharsets.UTF_8),
                ImageSource.inMemory(docx.images()));
        if (!r.ok()) {
            return r;
        }
        String key = ContentHash.sha256(docx.source());
        return new ItemFileParser.Result(r.item().withSourceKey(r.item().content().account() + ":docx:" + key),
                List.of());
    }

    /** An uploaded item file — Markdown with front matter, or .docx by its name — with images from {@code source}. */
    ItemFileParser.Result upload(String fileName, byte[] bytes, Map<String, byte[]> imgs, ImageSource source) {
        Path label = Path.of(fileName == null || fileName.isBlank() ? "item.md" : Path.of(fileName).getFileName()
                .toString());
        if (label.toString().toLowerCase(Locale.ROOT).endsWith(".docx")) {
            try {
                DocxConverter.Converted docx = DocxConverter.convert(bytes, label, Map.of());
                Map<String, byte[]> all = new HashMap<>(imgs);
                all.putAll(docx.images());
                return parser.parseText(label, docx.markdown().getBytes(StandardCharsets.UTF_8),
                        ImageSource.inMemory(all));
            } catch (DocxConverter.DocxException e) {
                return refused(label, "无法读取 Word 文件：" + e.getMessage());
            }
        }
        if (bytes.length > ItemFileParser.MAX_FILE_BYTES) {
            return refused(label, "文件 " + bytes.length / 1024 + " KB，超过稿件文件上限 "
                    + ItemFileParser.MAX_FILE_BYTES / 1024 + " KB");
        }
        return parser.parseText(label, bytes, source);
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
