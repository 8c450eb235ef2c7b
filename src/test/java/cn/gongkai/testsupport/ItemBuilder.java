package cn.gongkai.testsupport;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.time.Instant;
import java.util.List;

/**
 * The content of a disclosure item with sensible defaults (account {@value Fixtures#ACCOUNT}, category 促消费, title
 * 标题, body 正文, nothing else); set only what a test is about. {@link #from(ItemContent)} starts from an existing
 * item, for an edit.
 */
public final class ItemBuilder {
    private String account = Fixtures.ACCOUNT;
    private String category = "促消费";
    private String title = "标题";
    private String author = "";
    private String department = "";
    private String body = "正文";
    private List<Note> notes = List.of();
    private List<String> glossary = List.of();
    private List<ItemImage> images = List.of();
    private ItemImage cover;
    private String docNo = "";
    private String sourceUrl = "";
    private Instant publishAt;
    private String digest = "";
    private String signature = "";
    private java.time.LocalDate signedAt;
    private Boolean headingNumbers;
    private boolean important;

    private ItemBuilder() {
    }

    /** The default item. */
    public static ItemBuilder anItem() {
        return new ItemBuilder();
    }

    /** Every field as in the given content. */
    public static ItemBuilder from(ItemContent c) {
        ItemBuilder b = new ItemBuilder();
        b.account = c.account();
        b.category = c.category();
        b.title = c.title();
        b.author = c.author();
        b.department = c.department();
        b.body = c.body();
        b.notes = c.notes();
        b.glossary = c.glossary();
        b.images = c.images();
        b.cover = c.cover();
        b.docNo = c.docNo();
        b.sourceUrl = c.sourceUrl();
        b.publishAt = c.publishAt();
        b.digest = c.digest();
        b.signature = c.signature();
        b.signedAt = c.signedAt();
        b.headingNumbers = c.headingNumbers();
        b.important = c.important();
        return b;
    }

    public ItemBuilder account(String value) {
        account = value;
        return this;
    }

    public ItemBuilder category(String value) {
        category = value;
        return this;
    }

    public ItemBuilder title(String value) {
        title = value;
        return this;
    }

    public ItemBuilder author(String value) {
        author = value;
        return this;
    }

    public ItemBuilder department(String value) {
        department = value;
        return this;
    }

    public ItemBuilder body(String value) {
        body = value;
        return this;
    }

    public ItemBuilder notes(List<Note> value) {
        notes = value;
        return this;
    }

    public ItemBuilder glossary(List<String> value) {
        glossary = value;
        return this;
    }

    public ItemBuilder images(List<ItemImage> value) {
        images = value;
        return this;
    }

    public ItemBuilder cover(ItemImage value) {
        cover = value;
        return this;
    }

    public ItemBuilder docNo(String value) {
        docNo = value;
        return this;
    }

    public ItemBuilder sourceUrl(String value) {
        sourceUrl = value;
        return this;
    }

    /** The planned publishing time; null for none. */
    public ItemBuilder publishAt(Instant value) {
        publishAt = value;
        return this;
    }

    /** The 落款: unit and 成文日期 (null: none). */
    public ItemBuilder signed(String unit, java.time.LocalDate date) {
        signature = unit;
        signedAt = date;
        return this;
    }

    public ItemBuilder digest(String value) {
        digest = value;
        return this;
    }

    /** Whether headings are numbered; null follows the configured default. */
    public ItemBuilder headingNumbers(Boolean value) {
        headingNumbers = value;
        return this;
    }

    /** A 重要 item (published before others of the same priority). */
    public ItemBuilder important(boolean value) {
        important = value;
        return this;
    }

    public ItemContent build() {
        return new ItemContent(account, category, title, author, department, body, notes, glossary, images, cover,
                docNo, sourceUrl, publishAt, digest, headingNumbers, important, signature, signedAt);
    }
}
