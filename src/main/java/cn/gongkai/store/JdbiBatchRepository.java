package cn.gongkai.store;

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
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Publishing batches with their items in article order; {@link #advance} is compare-and-set on the state. */
final class JdbiBatchRepository implements BatchRepository {

    private static final String COLUMNS =
            "id, account, state, draft_media_id, publish_id, article_id, error, created_at, updated_at";

    private final JdbiTransactions tx;

    JdbiBatchRepository(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public PublishBatch create(String account, List<Long> itemIds, Instant now) {
        return tx.call("cannot create a batch of items " + itemIds + " for account " + account, h -> {
            long id = h.createUpdate("INSERT INTO publish_batch (account, state, created_at, updated_at)"
                            + " VALUES (:account, :state, :now, :now)")
                    .bind("account", account).bind("state", BatchState.PREPARED.name()).bind("now", now)
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
    public List<PublishBatch> unfinished(String account) {
        String where = "WHERE state NOT IN ('" + BatchState.PUBLISHED.name() + "', '" + BatchState.FAILED.name() + "')"
                + (account == null ? "" : " AND account = :account") + " ORDER BY created_at, id";
        return tx.call("cannot list unfinished batches of account " + account, h -> load(h, where, q -> {
            if (account != null) {
                q.bind("account", account);
            }
        }));
    }

    @Override
    public List<PublishBatch> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.call("cannot list recent batches",
                h -> load(h, "ORDER BY created_at DESC, id DESC LIMIT :limit", q -> q.bind("limit", limit)));
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

    private static List<PublishBatch> load(Handle h, String whereAndOrder, Consumer<Query> binder) {
        Query query = h.createQuery("SELECT " + COLUMNS + " FROM publish_batch " + whereAndOrder);
        binder.accept(query);
        List<Row> rows = query.map((rs, ctx) -> Row.of(rs)).list();
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
                       String articleId, String error, Instant createdAt, Instant updatedAt) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("account"), BatchState.valueOf(rs.getString("state")),
                    rs.getString("draft_media_id"), rs.getString("publish_id"), rs.getString("article_id"),
                    rs.getString("error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
        }

        PublishBatch toBatch(List<Long> itemIds) {
            return new PublishBatch(id, account, state, itemIds, draftMediaId, publishId, articleId, error, createdAt,
                    updatedAt);
        }
    }
}
