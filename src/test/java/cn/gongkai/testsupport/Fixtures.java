package cn.gongkai.testsupport;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.store.Database;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/** Builders for test data: an in-memory H2 store, accounts, items, images. */
public final class Fixtures {
    public static final String ACCOUNT = "hongqi";

    private Fixtures() {
    }

    /** A fresh in-memory H2 database with the real schema (a copy of one migrated once, {@link MigratedH2}). */
    public static Database memoryDatabase() {
        return MigratedH2.open("t");
    }

    public static AccountConfig account(String id, int maxPerDraft) {
        return AccountBuilder.anAccount().id(id).maxArticlesPerDraft(maxPerDraft).build();
    }

    /** PNG bytes of a plain picture of the given size and colour. */
    public static byte[] png(int width, int height, int rgb) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Stores the image bytes and returns the image record for them. */
    public static ItemImage storeImage(Database db, String fileName, byte[] png, int width, int height) {
        String sha = ContentHash.sha256(png);
        db.images().put(sha, png);
        return new ItemImage(sha, fileName, "image/png", width, height, png.length, "图片说明", "替代文字");
    }

    public static ItemContent content(String title, String category, List<ItemImage> images) {
        StringBuilder body = new StringBuilder("红旗区商务局发布" + title + "。以旧换新活动持续进行。\n\n");
        for (ItemImage i : images) {
            body.append("![").append(i.alt()).append("](").append(i.fileName()).append(" \"")
                    .append(i.caption()).append("\")\n\n");
        }
        return new ItemContent(ACCOUNT, category, title, "红旗区商务局", "商贸流通股", body.toString(),
                List.of(new Note("以旧换新", "交回旧商品、购买新商品时享受补贴的方式。")), List.of(), images, null, "", "",
                null);
    }

    /** Stores an item that has passed review. */
    public static DisclosureItem approved(Database db, ItemContent content, Instant now) {
        return db.items().insert(content, ItemStatus.APPROVED, null, now);
    }
}
