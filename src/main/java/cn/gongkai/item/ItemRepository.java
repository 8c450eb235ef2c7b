package cn.gongkai.item;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of disclosure items. Implementations are transactional per call unless inside {@link Transactions}. */
public interface ItemRepository {

    /**
     * Stores a new item in the given status and returns it with its id, in the unit its account belongs to (the one
     * unit of a single bureau's instance).
     */
    DisclosureItem insert(ItemContent content, ItemStatus status, String sourceKey, Instant now);

    /** Stores a new item of {@code unitId} in the given status and returns it with its id. */
    DisclosureItem insert(String unitId, ItemContent content, ItemStatus status, String sourceKey, Instant now);

    /** The item, whichever unit it belongs to: for the program's own jobs and the district. */
    Optional<DisclosureItem> find(long id);

    /** The item when {@code scope} sees it; an item of another unit is answered as one that does not exist. */
    Optional<DisclosureItem> find(long id, Scope scope);

    /** Items in the given status (all when null), oldest first. */
    default List<DisclosureItem> list(ItemStatus status) {
        return list(status, Scope.district());
    }

    /** The items of {@link #list(ItemStatus)} that {@code scope} sees. */
    List<DisclosureItem> list(ItemStatus status, Scope scope);

    /** Items matching every filter of the query, in its order and page (see {@link ItemQuery}). */
    List<DisclosureItem> search(ItemQuery query);

    /** What lists show of the items {@link #search} finds: the same rows, without body and children. */
    List<ItemHead> heads(ItemQuery query);

    /** How many items match every filter of the query (its order and page aside). */
    int count(ItemQuery query);

    /** The id of the item imported from the source with this key, if any. */
    Optional<Long> findBySourceKey(String sourceKey);

    /**
     * Approved items of the account whose planned time is null or not after {@code now}: higher priority first,
     * then items marked 重要, then by planned time (unplanned last), then id; at most {@code limit}.
     */
    List<DisclosureItem> dueForPublishing(String account, Instant now, int limit);

    /** Normal priority. */
    int NORMAL_PRIORITY = 0;

    /**
     * Sets the item's publishing priority: higher goes first among due items, before the 重要 flag is considered;
     * {@link #NORMAL_PRIORITY} is 0.
     */
    void setPriority(long id, int priority);

    /** The item's publishing priority. */
    int priority(long id);

    /** Records that item {@code id} is the 更正说明 (correction notice) of the published item {@code originalId}. */
    void setCorrects(long id, long originalId);

    /** The item that item {@code id} corrects, when it is a 更正说明. */
    Optional<Long> correctionOf(long id);

    /**
     * Moves the item from {@code from} to {@code to} only if it is still in {@code from} (compare and set).
     *
     * @return true if this call made the change
     */
    boolean transition(long id, ItemStatus from, ItemStatus to, Long batchId, String failure, Instant now);

    /**
     * Replaces what staff wrote — the item's fields, notes, glossary keys, images and content hash — and moves it
     * from {@code from} to {@code to}, only if it is still in {@code from} (compare and set). The failure text is
     * cleared; the source key, batch and creation time stay.
     *
     * @return the item after the change, or empty when it was not in {@code from} (or does not exist)
     */
    Optional<DisclosureItem> replaceContent(long id, ItemContent content, ItemStatus from, ItemStatus to, Instant now);

    /** Items in any of {@code statuses}, oldest created first (then by id). */
    List<DisclosureItem> inStatuses(Set<ItemStatus> statuses);

    /** How many items are in each status; a status without items is left out. */
    Map<ItemStatus, Integer> countByStatus();

    /** How many items of the scope are in each status; a status without items is left out. */
    Map<ItemStatus, Integer> countByStatus(Scope scope);

    /**
     * The calendar of {@code account} (null: every account) for [from, until): published and corrected items by
     * their last change (when they went out), every other item by its planned time; withdrawn and rejected items
     * are left out. Ordered by that time, then oldest created first, then id.
     */
    default List<ItemHead> calendar(String account, Instant from, Instant until) {
        return calendar(account, from, until, Scope.district());
    }

    /** The calendar of {@link #calendar(String, Instant, Instant)} with only the items {@code scope} sees. */
    List<ItemHead> calendar(String account, Instant from, Instant until, Scope scope);

    /** Approved items of {@code account} (null: every account) without a planned time, oldest created first. */
    default List<ItemHead> approvedUnplanned(String account) {
        return approvedUnplanned(account, Scope.district());
    }

    /** The approved unplanned items of {@code account} (null: every account) that {@code scope} sees. */
    List<ItemHead> approvedUnplanned(String account, Scope scope);

    /** An account's approved items: those due at a time (unplanned, or planned by then) and those planned later. */
    record Queue(long due, long later) {
    }

    /** The approved items of {@code account} due at {@code now} and planned after it. */
    Queue approvedQueue(String account, Instant now);

    /** The titles of the items with these ids; an id without an item is left out. */
    Map<Long, String> titles(Collection<Long> ids);

    /**
     * Deletes the item if it is still in {@code from} (compare and set): it is kept (its audit rows refer to it) but
     * no read of this repository returns it any more, and its source key is freed so the file can be imported
     * again.
     *
     * @return true if this call deleted it
     */
    boolean delete(long id, ItemStatus from, Instant now);
}
