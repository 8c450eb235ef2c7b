package cn.gongkai.item;

import java.time.Instant;

/**
 * What {@link ItemRepository#search} looks for; every filter is optional (null means any).
 *
 * @param status    only items in this status
 * @param category  only items of this category (exact)
 * @param account   only items of this account id (exact)
 * @param important only items whose 重要 flag is this
 * @param text      the id written out, or a piece of the title or body (ignoring ASCII case), the document number,
 *                  the department or the author
 * @param from      with {@code until}: only items whose month time — the planned time, else the last change — is
 *                  in [from, until)
 * @param until     the end (exclusive) of that window
 * @param newestFirst by last change, newest first (ties oldest created first, then id); otherwise oldest created
 *                  first, then id
 * @param limit     at most this many items; 0 for all
 * @param offset    skip this many items first
 */
public record ItemQuery(ItemStatus status, String category, String account, Boolean important, String text,
                        Instant from, Instant until, boolean newestFirst, int limit, int offset) {

    public ItemQuery {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
        }
        if ((from == null) != (until == null)) {
            throw new IllegalArgumentException("a time window needs both ends");
        }
    }

    /** Every item, oldest first. */
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null, null, null, null, false, 0, 0);
    }

    public ItemQuery status(ItemStatus value) {
        return new ItemQuery(value, category, account, important, text, from, until, newestFirst, limit, offset);
    }

    public ItemQuery category(String value) {
        return new ItemQuery(status, value, account, important, text, from, until, newestFirst, limit, offset);
    }

    public ItemQuery account(String value) {
        return new ItemQuery(status, category, value, important, text, from, until, newestFirst, limit, offset);
    }

    public ItemQuery important(Boolean value) {
        return new ItemQuery(status, category, account, value, text, from, until, newestFirst, limit, offset);
    }

    public ItemQuery text(String value) {
        return new ItemQuery(status, category, account, important, value, from, until, newestFirst, limit, offset);
    }

    /** Only items whose planned time, else last change, is in [start, end). */
    public ItemQuery within(Instant start, Instant end) {
        return new ItemQuery(status, category, account, important, text, start, end, newestFirst, limit, offset);
    }

    public ItemQuery byNewestChange() {
        return new ItemQuery(status, category, account, important, text, from, until, true, limit, offset);
    }

    public ItemQuery page(int newLimit, int newOffset) {
        return new ItemQuery(status, category, account, important, text, from, until, newestFirst, newLimit,
                newOffset);
    }
}
