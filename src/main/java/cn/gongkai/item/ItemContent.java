package cn.gongkai.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What staff write: the text and media of a disclosure item, without any workflow state.
 *
 * @param account    id of the WeChat account it goes to (from config)
 * @param category   topic from the configured taxonomy
 * @param body       Markdown; images referenced as {@code ![说明](file.jpg)} by their file name
 * @param images     body images in order of first appearance
 * @param cover      the cover image, or null (the first body image is used then)
 * @param glossary   keys into the shared glossary in {@code templates/notes/}
 * @param publishAt  planned publish time, or null for the next slot
 * @param digest     the digest staff wrote (front matter {@code digest:}), or empty: one is made from the body
 * @param headingNumbers 公文-style heading numbers (一、（一）1.（1）) on or off for this item, or null for the
 *                   configured default
 * @param important  marked 重要 by staff: the item needs the extra review steps for important items (主要领导签发)
 * @param signature  the 落款 unit printed right-aligned after the body, as in 公文 (front matter {@code signature}), or empty
 * @param signedAt   the 成文日期 printed under the 落款 unit (front matter {@code signed_at}), or null
 */
public record ItemContent(String account, String category, String title, String author, String department,
                          String body, List<Note> notes, List<String> glossary, List<ItemImage> images,
                          ItemImage cover, String docNo, String sourceUrl, Instant publishAt, String digest,
                          Boolean headingNumbers, boolean important, String signature, LocalDate signedAt) {

    /** Content without a 落款. */
    public ItemContent(String account, String category, String title, String author, String department,
                       String body, List<Note> notes, List<String> glossary, List<ItemImage> images,
                       ItemImage cover, String docNo, String sourceUrl, Instant publishAt, String digest,
                       Boolean headingNumbers, boolean important) {
        this(account, category, title, author, department, body, notes, glossary, images, cover, docNo, sourceUrl,
                publishAt, digest, headingNumbers, important, "", null);
    }

    /** Content of an ordinary (not 重要) item with the given digest and heading-number choice. */
    public ItemContent(String account, String category, String title, String author, String department,
                       String body, List<Note> notes, List<String> glossary, List<ItemImage> images,
                       ItemImage cover, String docNo, String sourceUrl, Instant publishAt, String digest,
                       Boolean headingNumbers) {
        this(account, category, title, author, department, body, notes, glossary, images, cover, docNo, sourceUrl,
                publishAt, digest, headingNumbers, false);
    }

    /** Content without its own digest that follows the configured heading-number default. */
    public ItemContent(String account, String category, String title, String author, String department,
                       String body, List<Note> notes, List<String> glossary, List<ItemImage> images,
                       ItemImage cover, String docNo, String sourceUrl, Instant publishAt, boolean important) {
        this(account, category, title, author, department, body, notes, glossary, images, cover, docNo, sourceUrl,
                publishAt, "", null, important);
    }

    public ItemContent {
        requireText(account, "account");
        requireText(category, "category");
        requireText(title, "title");
        requireText(body, "body");
        author = author == null ? "" : author.strip();
        department = department == null ? "" : department.strip();
        docNo = docNo == null ? "" : docNo.strip();
        sourceUrl = sourceUrl == null ? "" : sourceUrl.strip();
        digest = digest == null ? "" : digest.strip();
        signature = signature == null ? "" : signature.strip();
        title = title.strip();
        notes = List.copyOf(notes == null ? List.of() : notes);
        glossary = List.copyOf(glossary == null ? List.of() : glossary);
        images = List.copyOf(images == null ? List.of() : images);
    }

    /** An item without its own digest that follows the configured heading-number default. */
    public ItemContent(String account, String category, String title, String author, String department, String body,
                       List<Note> notes, List<String> glossary, List<ItemImage> images, ItemImage cover, String docNo,
                       String sourceUrl, Instant publishAt) {
        this(account, category, title, author, department, body, notes, glossary, images, cover, docNo, sourceUrl,
                publishAt, "", null, false);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** The cover to use: the declared one, else the first body image, else null. */
    public ItemImage effectiveCover() {
        if (cover != null) {
            return cover;
        }
        return images.isEmpty() ? null : images.get(0);
    }

    /** The same content with another 重要 mark. */
    public ItemContent withImportant(boolean flag) {
        return new ItemContent(account, category, title, author, department, body, notes, glossary, images, cover,
                docNo, sourceUrl, publishAt, digest, headingNumbers, flag, signature, signedAt);
    }

    /** The same content with another planned time (null: the next slot); the content hash does not cover it. */
    public ItemContent withPublishAt(Instant at) {
        return new ItemContent(account, category, title, author, department, body, notes, glossary, images, cover,
                docNo, sourceUrl, at, digest, headingNumbers, important, signature, signedAt);
    }

    /** Whether a 落款 (unit or date) is printed after the body. */
    public boolean signed() {
        return !signature.isEmpty() || signedAt != null;
    }

    /** A stable hash of everything that is published, and of the 重要 mark; approvals bind to it. */
    public String contentHash() {
        return ContentHash.of(this);
    }
}
