package cn.gongkai.store;

import cn.gongkai.item.Scope;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.PublishBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Publishing batches with their items in article order; {@link #advance} is compare-and-set on the state. */
final class JdbiBatchRepository implements BatchRepository {

    private static final String COLUMNS = "id, account, state, draft_media_id, publish_id, article_id, error,"
            + " created_at, updated_at, mode, parent_batch_id, polls, next_poll_at";
    private static final String FINISHED = "'" + BatchState.PUBLISHED.name() + "', '" + BatchState.FAILED.name()
            + "', '" + BatchState.REHEARSED.name() + "'";

    private final JdbiTransactions tx;
    private final UnitDirectory units;

    JdbiBatchRepository(JdbiTransactions tx, UnitDirectory units) {
        this.tx = tx;
        this.units = units;
    }

    @Override
    public PublishBatch create(String account, String mode, Long parentBatchId, List<Long> itemIds, Instant now) {
        return tx.call("cannot create a " + mode + " batch of items " + itemIds + " for account " + account, h -> {
            // the unit of its items (one account's, so one unit's), else of the account
            long id = h.createUpdate("INSERT INTO publish_batch (account, state, created_at, updated_at, mode,"
                            + " parent_batch_id, unit_id) VALUES (:account, :state, :now, :now, :mode, :parent,"
                            + " COALESCE((SELECT unit_id FROM item WHERE id = :first), :unit))")
                    .bind("account", account).bind("state", BatchState.PREPARED.name()).bind("now", now)
                    .bind("mode", mode).bind("parent", parentBatchId)
                    .bindByType("first", itemIds.isEmpty() ? null : itemIds.get(0), Long.class)
                    .bind("unit", units.unitOf(account))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 0; i < itemIds.size(); i++) {
                h.createUpdate("INSERT INTO batch_item (batch_id, position, item_id) VALUES (:batch, :pos, :item)")
                        .bind("batch", id).bind("pos", i).bind("item", itemIds.get(i)).execute();
            }
            return load(h, "WHERE id = :id", q -> q.bind("id", id)).get(0);
        });
    }

    @Override
    public Optional<PublishBatch> find(long id) {
        return tx.call("cannot read batch " + id,
                h -> load(h, "WHERE id = :id", q -> q.bind("id", id)).stream().findFirst());
    }

    @Override
    public Optional<PublishBatch> findByPublishId(String account, String publishId) {
        return tx.call("cannot look up publish_id " + publishId + " of account " + account,
                h -> load(h, "WHERE account = :account AND publish_id = :publishId AND mode = :mode ORDER BY id",
                        q -> q.bind("account", account).bind("publishId", publishId)
                                .bind("mode", PublishBatch.FREEPUBLISH)).stream().findFirst());
    }

    @Override
    public List<PublishBatch> ofItem(long itemId) {
        return tx.call("cannot list the batches of item " + itemId, h -> load(h,
                "WHERE id IN (SELECT batch_id FROM batch_item WHERE item_id = :item) ORDER BY created_at, id",
                q -> q.bind("item", itemId)));
    }

    @Override
    public void recordPoll(long id, Instant nextPollAt) {
        tx.call("cannot count a status poll of batch " + id, h -> h.createUpdate(
                        "UPDATE publish_batch SET polls = polls + 1, next_poll_at = :next WHERE id = :id")
                .bind("next", nextPollAt).bind("id", id).execute());
    }

    @Override
    public void pollNow(long id, Instant now) {
        tx.call("cannot make batch " + id + " due for a status poll", h -> h.createUpdate(
                        "UPDATE publish_batch SET next_poll_at = :now WHERE id = :id AND state = :submitted")
                .bind("now", now).bind("id", id).bind("submitted", BatchState.SUBMITTED.name()).execute());
    }

    @Override
    public int itemsClaimedSince(String account, Instant since) {
        return tx.call("cannot count the items claimed today for account " + account, h -> h.createQuery(
                        "SELECT COUNT(DISTINCT bi.item_id) FROM batch_item bi JOIN publish_batch b ON b.id = bi.batch_id"
                                + " WHERE b.account = :account AND b.created_at >= :since AND b.parent_batch_id IS NULL"
                                + " AND b.state NOT IN ('" + BatchState.FAILED.name() + "', '"
                                + BatchState.REHEARSED.name() + "')")
                .bind("account", account).bind("since", since).mapTo(Integer.class).one());
    }

    @Override
    public int massBatchesSince(String account, Instant since) {
        return tx.call("cannot count today's mass batches of account " + account, h -> h.createQuery(
                        "SELECT COUNT(*) FROM publish_batch WHERE account = :account AND mode = :mode"
                                + " AND created_at >= :since AND state <> :failed")
                .bind("account", account).bind("mode", PublishBatch.MASS).bind("since", since)
                .bind("failed", BatchState.FAILED.name()).mapTo(Integer.class).one());
    }

    @Override
    public Set<Long> rehearsedItems(String account) {
        return tx.call("cannot list the rehearsed items of account " + account, h -> Set.copyOf(h.createQuery(
                        "SELECT DISTINCT bi.item_id FROM batch_item bi JOIN publish_batch b ON b.id = bi.batch_id"
                                + " WHERE b.account = :account AND b.state = :rehearsed")
                .bind("account", account).bind("rehearsed", BatchState.REHEARSED.name()).mapTo(Long.class).list()));
    }

    @Override
    public boolean articleKnown(String account, String articleId) {
        return tx.call("cannot look up article_id " + articleId + " of account " + account, h -> h.createQuery(
                        "SELECT COUNT(*) FROM publish_batch WHERE account = :account AND article_id = :articleId")
                .bind("account", account).bind("articleId", articleId).mapTo(Long.class).one() > 0);
    }

    @Override
    public Optional<Instant> lastPublishedAt(String account) {
        return tx.call("cannot read the last publication of account " + account, h -> h.createQuery(
                        "SELECT MAX(updated_at) AS last_at FROM publish_batch WHERE account = :account AND state = :state")
                .bind("account", account).bind("state", BatchState.PUBLISHED.name())
                .map((rs, ctx) -> Optional.ofNullable(Sql.instant(rs, "last_at"))).one());
    }

    @Override
    public List<PublishBatch> unfinished(String account) {
        String where = "WHERE state NOT IN (" + FINISHED + ")"
                + (account == null ? "" : " AND account = :account") + " ORDER BY created_at, id";
        return tx.call("cannot list unfinished batches of account " + account, h -> load(h, where, q -> {
            if (account != null) {
                q.bind("account", account);
            }
        }));
    }

    @Override
    public List<PublishBatch> recent(int limit, Scope scope) {
        if (limit <= 0) {
            return List.of();
        }
        String unit = scope.unitId().orElse(null);
        return tx.call("cannot list recent batches", h -> load(h, (unit == null ? "" : "WHERE unit_id = :unit ")
                + "ORDER BY created_at DESC, id DESC LIMIT :limit", q -> {
                    q.bind("limit", limit);
                    if (unit != null) {
                        q.bind("unit", unit);
                    }
                }));
    }

    @Override
    public boolean advance(long id, BatchState from, BatchState to, String draftMediaId, String publishId,
                           String articleId, String error, Instant now) {
        Map<String, String> set = new LinkedHashMap<>();
        if (draftMediaId != null) {
            set.put("draft_media_id", draftMediaId);
        }
        if (publishId != null) {
            set.put("publish_id", publishId);
        }
        if (articleId != null) {
            set.put("article_id", articleId);
        }
        if (error != null) {
            set.put("error", error);
        }
        StringBuilder sql = new StringBuilder("UPDATE publish_batch SET state = :to, updated_at = :now");
        set.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id AND state = :from");
        return tx.call("cannot move batch " + id + " from " + from + " to " + to, h -> {
            var update = h.createUpdate(sql.toString()).bind("to", to.name()).bind("now", now).bind("id", id)
                    .bind("from", from.name());
            set.forEach(update::bind);
            return update.execute() == 1;
        });
    }

    @Override
    public boolean renew(long id, BatchState state, Instant seenUpdatedAt, Instant now) {
        return tx.call("cannot renew batch " + id + " in " + state, h -> h.createUpdate("UPDATE publish_batch"
                        + " SET updated_at = :now WHERE id = :id AND state = :state AND updated_at = :seen")
                .bind("now", now).bind("id", id).bind("state", state.name()).bind("seen", seenUpdatedAt)
                .execute() == 1);
    }

    private static List<PublishBatch> load(Handle h, String whereAndOrder, Consumer<Query> binder) {
        List<Row> rows = Sql.rows(h, "SELECT " + COLUMNS + " FROM publish_batch " + whereAndOrder, binder,
                (rs, ctx) -> Row.of(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> items = new HashMap<>();
        h.createQuery("SELECT batch_id, item_id FROM batch_item WHERE batch_id IN (<ids>) ORDER BY batch_id, position")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("batch_id"), rs.getLong("item_id")))
                .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.toBatch(items.getOrDefault(r.id(), List.of()))).toList();
    }

    private record Row(long id, String account, BatchState state, String draftMediaId, String publishId,
                       String articleId, String error, Instant createdAt, Instant updatedAt, String mode,
                       Long parentBatchId, int polls, Instant nextPollAt) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("account"), BatchState.valueOf(rs.getString("state")),
                    rs.getString("draft_media_id"), rs.getString("publish_id"), rs.getString("article_id"),
                    rs.getString("error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                    rs.getString("mode"), Sql.nullableLong(rs, "parent_batch_id"), rs.getInt("polls"),
                    Sql.instant(rs, "next_poll_at"));
        }

        PublishBatch toBatch(List<Long> itemIds) {
            return new PublishBatch(id, account, state, itemIds, draftMediaId, publishId, articleId, error, createdAt,
                    updatedAt, mode, parentBatchId, polls, nextPollAt);
        }
    }
}
