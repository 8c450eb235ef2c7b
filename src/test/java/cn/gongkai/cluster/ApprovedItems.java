package cn.gongkai.cluster;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.time.Instant;
import java.util.List;

/** Approved items for the two-node tests, each with one picture of its own (in the body and as the cover). */
final class ApprovedItems {
    private ApprovedItems() {
    }

    /** An approved item of the account, in the account's unit, due at {@code publishAt} (null: now); its id. */
    static long insert(Database db, String account, String title, Instant publishAt) {
        return db.items().insert(content(db, account, title, publishAt), ItemStatus.APPROVED, null, Instant.now())
                .id();
    }

    /**
     * An approved item stored in {@code unit}, written by {@code author}, due at {@code publishAt}, with its picture
     * ({@link #picture}, stored beforehand); its id.
     */
    static long insert(Database db, String unit, String account, String author, String title, ItemImage picture,
                       Instant publishAt) {
        ItemContent c = Fixtures.content(title, "商贸流通", List.of(picture));
        return db.items().insert(unit, new ItemContent(account, c.category(), c.title(), author, c.department(),
                c.body(), c.notes(), c.glossary(), c.images(), null, "", "", publishAt), ItemStatus.APPROVED, null,
                Instant.now()).id();
    }

    /** Stores a picture of its own for the item titled {@code title}. */
    static ItemImage picture(Database db, String title) {
        int n = Math.abs(title.hashCode());
        return Fixtures.storeImage(db, "c" + n + ".png", Fixtures.png(60 + n % 90, 40 + n % 70,
                0x102030 + n % 0xEFCFDF), 60 + n % 90, 40 + n % 70);
    }

    private static ItemContent content(Database db, String account, String title, Instant publishAt) {
        ItemContent c = Fixtures.content(title, "商贸流通", List.of(picture(db, title)));
        return new ItemContent(account, c.category(), c.title(), c.author(), c.department(), c.body(), c.notes(),
                c.glossary(), c.images(), null, "", "", publishAt);
    }
}
