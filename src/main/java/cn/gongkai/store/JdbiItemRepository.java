package cn.gongkai.store;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.item.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * Items with their notes, glossary keys and images in child tables.
 *
 * <p>{@link #transition} keeps {@code batch_id} when no batch is given and the item moves to PUBLISHING or
 * PUBLISHED, and clears it for every other target status (the item is then in no batch); a non-null
 * {@code failure} replaces the stored one, null keeps it. {@link #dueForPublishing} puts higher priorities first,
 * then 重要 (important) items, then items with a planned time (earliest first), then the unplanned ones, each by id.
 */
final class JdbiItemRepository implements ItemRepository {

    private static final String COLUMNS = "id, account, category, title, author, department, body, doc_no, source_url,"
            + " publish_at, status, content_hash, source_key, batch_id, failure, created_at, updated_at, important,"
            + " digest, heading_numbers, signature, signed_at, unit_id";
    /** The items every read sees: deleted ones are kept for their audit rows but skipped. */
    static final String LIVE = "(SELECT * FROM item WHERE deleted_at IS NULL) item";
    private static final String ROLE_BODY = "body";
    private static final String ROLE_COVER = "cover";

    private final JdbiTransactions tx;
    private final JdbiItemLists lists;
    private final UnitDirectory units;

    JdbiItemRepository(JdbiTransactions tx, UnitDirectory units) {
        this.tx = tx;
        this.lists = new JdbiItemLists(tx);
        this.units = units;
    }

    @Override
    public DisclosureItem insert(ItemContent content, ItemStatus status, String sourceKey, Instant now) {
        return insert(units.unitOf(content.account()), content, status, sourceKey, now);
    }

    @Override
    public DisclosureItem insert(String unitId, ItemContent content, ItemStatus status, String sourceKey,
                                 Instant now) {
        units.ensureSynced();
        String what = "cannot store item '" + content.title() + "' for account " + content.account();
        try {
            return tx.call(what, h -> {
                if (sourceKey != null) {
                    Optional<Long> existing = bySourceKey(h, sourceKey);
                    if (existing.isPresent()) {
                        throw duplicateSource(sourceKey, existing.get());
                    }
                }
                long id = insertRow(h, unitId, content, status, sourceKey, now);
                insertChildren(h, id, content);
                return load(h, "WHERE id = :id", q -> q.bind("id", id)).get(0);
            });
        } catch (StoreException e) {
            if (sourceKey != null && e.isUniqueViolation()) {
                Optional<Long> existing = findBySourceKey(sourceKey);
                if (existing.isPresent()) {
                    throw duplicateSource(sourceKey, existing.get());
                }
            }
            throw e;
        }
    }

    @Override
    public Optional<DisclosureItem> find(long id) {
        return tx.call("cannot read item " + id,
                h -> load(h, "WHERE id = :id", q -> q.bind("id", id)).stream().findFirst());
    }

    @Override
    public Optional<DisclosureItem> find(long id, Scope scope) {
        if (scope.isDistrict()) {
            return find(id);
        }
        return tx.call("cannot read item " + id, h -> load(h, "WHERE id = :id AND unit_id = :unit",
                q -> q.bind("id", id).bind("unit", scope.unitId().orElseThrow())).stream().findFirst());
    }

    @Override
    public List<DisclosureItem> list(ItemStatus status, Scope scope) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (!scope.isDistrict()) {
            conditions.add("unit_id = :unit");
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return tx.call("cannot list items in status " + status, h -> load(h, where + " ORDER BY created_at, id", q -> {
            if (status != null) {
                q.bind("status", status.name());
            }
            scope.unitId().ifPresent(unit -> q.bind("unit", unit));
        }));
    }

    @Override
    public List<DisclosureItem> search(ItemQuery query) {
        return lists.search(query);
    }

    @Override
    public List<ItemHead> heads(ItemQuery query) {
        return lists.heads(query);
    }

    @Override
    public int count(ItemQuery query) {
        return lists.count(query);
    }

    @Override
    public Optional<Long> findBySourceKey(String sourceKey) {
        return tx.call("cannot look up source key " + sourceKey, h -> bySourceKey(h, sourceKey));
    }

    @Override
    public List<DisclosureItem> dueForPublishing(String account, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.call("cannot list items due for account " + account, h -> load(h,
                "WHERE status = :status AND account = :account AND (publish_at IS NULL OR publish_at <= :now)"
                        + " ORDER BY priority DESC, important DESC, publish_at ASC NULLS LAST, id LIMIT :limit",
                q -> q.bind("status", ItemStatus.APPROVED.name()).bind("account", account).bind("now", now)
                        .bind("limit", limit)));
    }

    @Override
    public void setPriority(long id, int priority) {
        int changed = tx.call("cannot set the priority of item " + id, h -> h.createUpdate(
                        "UPDATE item SET priority = :priority WHERE id = :id AND deleted_at IS NULL")
                .bind("priority", priority).bind("id", id).execute());
        if (changed != 1) {
            throw new IllegalArgumentException("稿件 " + id + " 不存在");
        }
    }

    @Override
    public int priority(long id) {
        return tx.call("cannot read the priority of item " + id, h -> h.createQuery(
                        "SELECT priority FROM item WHERE id = :id AND deleted_at IS NULL").bind("id", id)
                .mapTo(Integer.class).findOne())
                .orElseThrow(() -> new IllegalArgumentException("稿件 " + id + " 不存在"));
    }

    @Override
    public void setCorrects(long id, long originalId) {
        int changed = tx.call("cannot link item " + id + " as the correction of item " + originalId, h -> h
                .createUpdate("UPDATE item SET corrects_item_id = :original WHERE id = :id AND deleted_at IS NULL")
                .bind("original", originalId).bind("id", id).execute());
        if (changed != 1) {
            throw new IllegalArgumentException("稿件 " + id + " 不存在");
        }
    }

    @Override
    public Optional<Long> correctionOf(long id) {
        return tx.call("cannot read which item item " + id + " corrects", h -> h.createQuery(
                        "SELECT corrects_item_id FROM item WHERE id = :id AND corrects_item_id IS NOT NULL"
                                + " AND deleted_at IS NULL")
                .bind("id", id).mapTo(Long.class).findOne());
    }

    @Override
    public boolean transition(long id, ItemStatus from, ItemStatus to, Long batchId, String failure, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE item SET status = :to, updated_at = :now");
        if (batchId != null) {
            sql.append(", batch_id = :batch");
        } else if (to != ItemStatus.PUBLISHING && to != ItemStatus.PUBLISHED) {
            sql.append(", batch_id = NULL");
        }
        if (failure != null) {
            sql.append(", failure = :failure");
        }
        sql.append(" WHERE id = :id AND status = :from AND deleted_at IS NULL");
        return tx.call("cannot move item " + id + " from " + from + " to " + to, h -> {
            var update = h.createUpdate(sql.toString()).bind("to", to.name()).bind("now", now).bind("id", id)
                    .bind("from", from.name());
            if (batchId != null) {
                update.bind("batch", batchId);
            }
            if (failure != null) {
                update.bind("failure", failure);
            }
            return update.execute() == 1;
        });
    }

    @Override
    public Optional<DisclosureItem> replaceContent(long id, ItemContent c, ItemStatus from, ItemStatus to,
                                                   Instant now) {
        return tx.call("cannot replace the content of item " + id, h -> {
            Update update = h.createUpdate("UPDATE item SET account = :account, category = :category,"
                    + " title = :title, author = :author, department = :department, body = :body, doc_no = :docNo,"
                    + " source_url = :sourceUrl, publish_at = :publishAt, important = :important,"
                    + " digest = :digest, heading_numbers = :headingNumbers, signature = :signature,"
                    + " signed_at = :signedAt, content_hash = :hash, status = :to,"
                    + " failure = '', batch_id = NULL, updated_at = :now"
                    + " WHERE id = :id AND status = :from AND deleted_at IS NULL");
            int changed = bindContent(update, c).bind("to", to.name()).bind("now", now).bind("id", id)
                    .bind("from", from.name()).execute();
            if (changed != 1) {
                return Optional.<DisclosureItem>empty();
            }
            for (String child : new String[] {"item_note", "item_glossary", "item_image"}) {
                h.createUpdate("DELETE FROM " + child + " WHERE item_id = :id").bind("id", id).execute();
            }
            insertChildren(h, id, c);
            return load(h, "WHERE id = :id", q -> q.bind("id", id)).stream().findFirst();
        });
    }

    @Override
    public boolean delete(long id, ItemStatus from, Instant now) {
        return tx.call("cannot delete item " + id, h -> h.createUpdate("UPDATE item SET deleted_at = :now,"
                        + " updated_at = :now, source_key = NULL WHERE id = :id AND status = :from AND deleted_at IS NULL")
                .bind("now", now).bind("id", id).bind("from", from.name()).execute() == 1);
    }

    private static IllegalStateException duplicateSource(String sourceKey, long existingId) {
        return new IllegalStateException("source " + sourceKey + " was already imported as item " + existingId);
    }

    private static Optional<Long> bySourceKey(Handle h, String sourceKey) {
        return h.createQuery("SELECT id FROM item WHERE source_key = :key").bind("key", sourceKey)
                .mapTo(Long.class).findOne();
    }

    private static long insertRow(Handle h, String unitId, ItemContent c, ItemStatus status, String sourceKey,
                                  Instant now) {
        Update insert = h.createUpdate("INSERT INTO item (account, category, title, author, department, body,"
                + " doc_no, source_url, publish_at, status, content_hash, source_key, batch_id, failure, created_at,"
                + " updated_at, important, digest, heading_numbers, signature, signed_at, unit_id) VALUES (:account,"
                + " :category, :title, :author, :department, :body, :docNo, :sourceUrl, :publishAt, :status, :hash,"
                + " :sourceKey, NULL, '', :now, :now, :important, :digest, :headingNumbers, :signature, :signedAt,"
                + " :unit)");
        return bindContent(insert, c).bind("status", status.name()).bind("sourceKey", sourceKey).bind("now", now)
                .bind("unit", unitId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Binds the columns that hold the content itself, the same for INSERT and UPDATE. */
    private static Update bindContent(Update statement, ItemContent c) {
        return statement.bind("account", c.account()).bind("category", c.category()).bind("title", c.title())
                .bind("author", c.author()).bind("department", c.department()).bind("body", c.body())
                .bind("docNo", c.docNo()).bind("sourceUrl", c.sourceUrl()).bind("publishAt", c.publishAt())
                .bind("important", c.important()).bind("digest", c.digest())
                .bindByType("headingNumbers", c.headingNumbers(), Boolean.class).bind("signature", c.signature())
                .bindByType("signedAt", c.signedAt(), LocalDate.class).bind("hash", c.contentHash());
    }

    private static void insertChildren(Handle h, long id, ItemContent c) {
        for (int i = 0; i < c.notes().size(); i++) {
            Note n = c.notes().get(i);
            h.createUpdate("INSERT INTO item_note (item_id, position, term, explanation) VALUES (:id, :pos, :term, :ex)")
                    .bind("id", id).bind("pos", i).bind("term", n.term()).bind("ex", n.explanation()).execute();
        }
        for (int i = 0; i < c.glossary().size(); i++) {
            h.createUpdate("INSERT INTO item_glossary (item_id, position, term_key) VALUES (:id, :pos, :key)")
                    .bind("id", id).bind("pos", i).bind("key", c.glossary().get(i)).execute();
        }
        for (int i = 0; i < c.images().size(); i++) {
            insertImage(h, id, ROLE_BODY, i, c.images().get(i));
        }
        if (c.cover() != null) {
            insertImage(h, id, ROLE_COVER, 0, c.cover());
        }
    }

    private static void insertImage(Handle h, long id, String role, int position, ItemImage img) {
        h.createUpdate("INSERT INTO item_image (item_id, role, position, sha256, file_name, mime_type, width, height,"
                        + " size_bytes, caption, alt) VALUES (:id, :role, :pos, :sha, :file, :mime, :w, :h, :size,"
                        + " :caption, :alt)")
                .bind("id", id).bind("role", role).bind("pos", position).bind("sha", img.sha256())
                .bind("file", img.fileName()).bind("mime", img.mimeType()).bind("w", img.width())
                .bind("h", img.height()).bind("size", img.size()).bind("caption", img.caption())
                .bind("alt", img.alt()).execute();
    }

    @Override
    public List<DisclosureItem> inStatuses(Set<ItemStatus> statuses) {
        return lists.inStatuses(statuses);
    }

    @Override
    public Map<ItemStatus, Integer> countByStatus() {
        return lists.countByStatus(Scope.district());
    }

    @Override
    public Map<ItemStatus, Integer> countByStatus(Scope scope) {
        return lists.countByStatus(scope);
    }

    @Override
    public List<ItemHead> calendar(String account, Instant from, Instant until, Scope scope) {
        return lists.calendar(account, from, until, scope);
    }

    @Override
    public List<ItemHead> approvedUnplanned(String account, Scope scope) {
        return lists.approvedUnplanned(account, scope);
    }

    @Override
    public Queue approvedQueue(String account, Instant now) {
        return lists.approvedQueue(account, now);
    }

    @Override
    public Map<Long, String> titles(Collection<Long> ids) {
        return lists.titles(ids);
    }

    static List<DisclosureItem> load(Handle h, String whereAndOrder, Consumer<Query> binder) {
        List<Row> rows = Sql.rows(h, "SELECT " + COLUMNS + " FROM " + LIVE + " " + whereAndOrder, binder,
                (rs, ctx) -> Row.of(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Children children = Children.load(h, ids);
        List<DisclosureItem> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            items.add(r.toItem(children));
        }
        return items;
    }

    private record Row(long id, String account, String category, String title, String author, String department,
                       String body, String docNo, String sourceUrl, Instant publishAt, ItemStatus status,
                       String contentHash, String sourceKey, Long batchId, String failure,
                       Instant createdAt, Instant updatedAt, boolean important, String digest,
                       Boolean headingNumbers, String signature, LocalDate signedAt, String unitId) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("account"), rs.getString("category"),
                    rs.getString("title"), rs.getString("author"), rs.getString("department"), rs.getString("body"),
                    rs.getString("doc_no"), rs.getString("source_url"), Sql.instant(rs, "publish_at"),
                    ItemStatus.valueOf(rs.getString("status")),
                    rs.getString("content_hash"), rs.getString("source_key"), Sql.nullableLong(rs, "batch_id"),
                    rs.getString("failure"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                    rs.getBoolean("important"), rs.getString("digest"), nullableBoolean(rs, "heading_numbers"),
                    rs.getString("signature"), rs.getObject("signed_at", LocalDate.class), rs.getString("unit_id"));
        }

        private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
            boolean value = rs.getBoolean(column);
            return rs.wasNull() ? null : value;
        }

        DisclosureItem toItem(Children children) {
            ItemContent content = new ItemContent(account, category, title, author, department, body,
                    children.notes.getOrDefault(id, List.of()), children.glossary.getOrDefault(id, List.of()),
                    children.images.getOrDefault(id, List.of()), children.covers.get(id), docNo, sourceUrl,
                    publishAt, digest, headingNumbers, important, signature, signedAt);
            return new DisclosureItem(id, content, status, contentHash, sourceKey, batchId, failure,
                    createdAt, updatedAt, unitId);
        }
    }

    private record ImageRow(long itemId, boolean cover, ItemImage image) {
    }

    private static final class Children {
        final Map<Long, List<Note>> notes = new HashMap<>();
        final Map<Long, List<String>> glossary = new HashMap<>();
        final Map<Long, List<ItemImage>> images = new HashMap<>();
        final Map<Long, ItemImage> covers = new HashMap<>();

        static Children load(Handle h, List<Long> ids) {
            Children c = new Children();
            h.createQuery("SELECT item_id, term, explanation FROM item_note WHERE item_id IN (<ids>)"
                            + " ORDER BY item_id, position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getLong("item_id"),
                            new Note(rs.getString("term"), rs.getString("explanation"))))
                    .forEach(e -> c.notes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            h.createQuery("SELECT item_id, term_key FROM item_glossary WHERE item_id IN (<ids>)"
                            + " ORDER BY item_id, position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getLong("item_id"), rs.getString("term_key")))
                    .forEach(e -> c.glossary.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            h.createQuery("SELECT item_id, role, sha256, file_name, mime_type, width, height, size_bytes, caption, alt"
                            + " FROM item_image WHERE item_id IN (<ids>) ORDER BY item_id, role, position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> new ImageRow(rs.getLong("item_id"), ROLE_COVER.equals(rs.getString("role")),
                            new ItemImage(rs.getString("sha256"), rs.getString("file_name"),
                                    rs.getString("mime_type"), rs.getInt("width"), rs.getInt("height"),
                                    rs.getLong("size_bytes"), rs.getString("caption"), rs.getString("alt"))))
                    .forEach(r -> {
                        if (r.cover()) {
                            c.covers.put(r.itemId(), r.image());
                        } else {
                            c.images.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r.image());
                        }
                    });
            return c;
        }
    }
}
