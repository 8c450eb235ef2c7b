package cn.gongkai.item;

import java.time.Instant;
import java.util.Set;

/**
 * What {@link ItemRepository#search}, {@link ItemRepository#heads} and {@link ItemRepository#count} look for; every
 * filter is optional (null means any).
 *
 * @param statuses  only items in one of these statuses
 * @param category  only items of this category (exact)
 * @param account   only items of this account id (exact)
 * @param important only items whose 重要 flag is this
 * @param text      the id written out, or a piece of the title or body (ignoring ASCII case), the document number,
 *                  the department or the author
 * @param from      with {@code until}: only items whose month time — the planned time, else the last change — is
 *                  in [from, until)
 * @param until     the end (exclusive) of that window
 * @param authored  only items with an audit row of this actor and one of these decisions
 * @param newestFirst by last change, newest first (ties oldest created first, then id); otherwise oldest created
 *                  first, then id
 * @param limit     at most this many items; 0 for all
 * @param offset    skip this many items first
 * @param scope     only items of this scope's unit (the district: every unit's)
 */
public record ItemQuery(Set<ItemStatus> statuses, String category, String account, Boolean important, String text,
                        Instant from, Instant until, Authored authored, boolean newestFirst, int limit, int offset,
                        Scope scope) {

    /** Items whose audit trail has a row of {@code actor} with one of {@code decisions} (e.g. the authoring ones). */
    public record Authored(String actor, Set<String> decisions) {
        public Authored {
            if (actor == null || decisions == null || decisions.isEmpty()) {
                throw new IllegalArgumentException("an author filter needs an actor and at least one decision");
            }
            decisions = Set.copyOf(decisions);
        }
    }

    public ItemQuery {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
        }
        if ((from == null) != (until == null)) {
            throw new IllegalArgumentException("a time window needs both ends");
        }
        statuses = statuses == null ? null : Set.copyOf(statuses);
        scope = scope == null ? Scope.district() : scope;
    }

    /** A query of the district (every unit), as before units existed. */
    public ItemQuery(Set<ItemStatus> statuses, String category, String account, Boolean important, String text,
                     Instant from, Instant until, Authored authored, boolean newestFirst, int limit, int offset) {
        this(statuses, category, account, important, text, from, until, authored, newestFirst, limit, offset,
                Scope.district());
    }

    /** Only items this scope sees. */
    public ItemQuery scope(Scope value) {
        return new ItemQuery(statuses, category, account, important, text, from, until, authored, newestFirst, limit,
                offset, value);
    }

    /** Every item, oldest first. */
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null, null, null, null, null, false, 0, 0);
    }

    /** Only items in this status (null: any). */
    public ItemQuery status(ItemStatus value) {
        return statuses(value == null ? null : Set.of(value));
    }

    /** Only items in one of these statuses (null: any; empty: none). */
    public ItemQuery statuses(Set<ItemStatus> value) {
        return new ItemQuery(value, category, account, important, text, from, until, authored, newestFirst, limit,
                offset, scope);
    }

    public ItemQuery category(String value) {
        return new ItemQuery(statuses, value, account, important, text, from, until, authored, newestFirst, limit,
                offset, scope);
    }

    public ItemQuery account(String value) {
        return new ItemQuery(statuses, category, value, important, text, from, until, authored, newestFirst, limit,
                offset, scope);
    }

    public ItemQuery important(Boolean value) {
        return new ItemQuery(statuses, category, account, value, text, from, until, authored, newestFirst, limit,
                offset, scope);
    }

    public ItemQuery text(String value) {
        return new ItemQuery(statuses, category, account, important, value, from, until, authored, newestFirst, limit,
                offset, scope);
    }

    /** Only items whose planned time, else last change, is in [start, end). */
    public ItemQuery within(Instant start, Instant end) {
        return new ItemQuery(statuses, category, account, important, text, start, end, authored, newestFirst, limit,
                offset, scope);
    }

    /** Only items {@code actor} wrote one of these audit decisions for (see {@link Authored}). */
    public ItemQuery authoredBy(String actor, Set<String> decisions) {
        return new ItemQuery(statuses, category, account, important, text, from, until,
                new Authored(actor, decisions), newestFirst, limit, offset, scope);
    }

    public ItemQuery byNewestChange() {
        return new ItemQuery(statuses, category, account, important, text, from, until, authored, true, limit,
                offset, scope);
    }

    public ItemQuery page(int newLimit, int newOffset) {
        return new ItemQuery(statuses, category, account, important, text, from, until, authored, newestFirst,
                newLimit, newOffset, scope);
    }
}
