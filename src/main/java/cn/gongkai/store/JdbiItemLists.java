package cn.gongkai.store;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;

/** The item lists the console shows, each asked of the database for exactly its rows (see {@link ItemRepository}). */
final class JdbiItemLists {
    /** What a list shows of an item ({@link ItemHead}): no body, no children. */
    private static final String HEAD = "id, title, category, account, status, important, publish_at, failure,"
            + " created_at, updated_at, content_hash, unit_id";
    /** Item ids per read by id: well inside every database's limit on bound parameters. */
    private static final int CHUNK = 500;

    private final JdbiTransactions tx;

    JdbiItemLists(JdbiTransactions tx) {
        this.tx = tx;
    }

    List<DisclosureItem> inStatuses(Set<ItemStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return tx.call("cannot list items in statuses " + statuses, h -> JdbiItemRepository.load(h,
                "WHERE status IN (<statuses>) ORDER BY created_at, id",
                q -> q.bindList("statuses", statuses.stream().map(ItemStatus::name).toList())));
    }

    Map<ItemStatus, Integer> countByStatus(Scope scope) {
        return tx.call("cannot count items by status", h -> {
            Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
            Query q = h.createQuery("SELECT status, COUNT(*) AS n FROM item WHERE "
                    + (scope.isDistrict() ? "" : "unit_id = :unit AND ") + "deleted_at IS NULL GROUP BY status");
            scope.unitId().ifPresent(unit -> q.bind("unit", unit));
            q.map((rs, ctx) -> Map.entry(ItemStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    /**
     * The calendar as index range reads (published, then corrected items by their last change, V19
     * {@code item_status_newest}; the others by their planned time, V19 {@code item_planned}), merged in the
     * calendar's order.
     */
    List<ItemHead> calendar(String account, Instant from, Instant until, Scope scope) {
        return tx.call("cannot read the calendar of account " + account, h -> {
            List<ItemHead> heads = new ArrayList<>();
            for (ItemStatus out : List.of(ItemStatus.PUBLISHED, ItemStatus.CORRECTED)) {
                heads.addAll(Sql.rows(h, "SELECT " + HEAD + " FROM item WHERE deleted_at IS NULL AND "
                        + ofAccount(account) + ofUnit(scope) + "status = :status AND updated_at >= :from"
                        + " AND updated_at < :until", q -> bindUnit(bindAccount(q, account), scope)
                                .bind("status", out.name()).bind("from", from).bind("until", until),
                        (rs, ctx) -> head(rs)));
            }
            heads.addAll(Sql.rows(h, "SELECT " + HEAD + " FROM item WHERE deleted_at IS NULL AND " + ofAccount(account)
                    + ofUnit(scope) + "status NOT IN ('PUBLISHED', 'CORRECTED', 'WITHDRAWN', 'REJECTED')"
                    + " AND publish_at >= :from AND publish_at < :until", q -> bindUnit(bindAccount(q, account), scope)
                            .bind("from", from).bind("until", until), (rs, ctx) -> head(rs)));
            heads.sort(Comparator.comparing(ItemHead::goesOut).thenComparing(ItemHead::createdAt)
                    .thenComparingLong(ItemHead::id));
            return heads;
        });
    }

    List<ItemHead> approvedUnplanned(String account, Scope scope) {
        return tx.call("cannot list the unplanned items of account " + account, h -> Sql.rows(h, "SELECT " + HEAD
                        + " FROM item WHERE deleted_at IS NULL AND " + ofAccount(account) + ofUnit(scope)
                        + "status = 'APPROVED' AND publish_at IS NULL ORDER BY created_at, id",
                q -> bindUnit(bindAccount(q, account), scope), (rs, ctx) -> head(rs)));
    }

    /**
     * The items the query finds, whole. A page's ids are found by the query on the table (its indexes serve the
     * filter and the order), then its items are read by id; a query without a page reads them in one go.
     */
    List<DisclosureItem> search(ItemQuery query) {
        ItemFilterSql sql = new ItemFilterSql(query);
        if (query.limit() == 0) {
            return tx.call("cannot search items", h -> JdbiItemRepository.load(h, sql.whereAndOrder(), sql::bindAll));
        }
        return tx.call("cannot search items", h -> {
            List<Long> ids = sql.bindAll(h.createQuery(sql.select("id"))).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<Long, DisclosureItem> byId = new HashMap<>();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                JdbiItemRepository.load(h, "WHERE id IN (<ids>)", q -> q.bindList("ids", chunk))
                        .forEach(i -> byId.put(i.id(), i));
            }
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    List<ItemHead> heads(ItemQuery query) {
        ItemFilterSql sql = new ItemFilterSql(query);
        return tx.call("cannot list items", h -> sql.bindAll(h.createQuery(sql.select(HEAD)))
                .map((rs, ctx) -> head(rs)).list());
    }

    int count(ItemQuery query) {
        ItemFilterSql sql = new ItemFilterSql(query);
        return tx.call("cannot count items", h -> sql.bindFilter(h.createQuery(sql.count())).mapTo(Integer.class).one());
    }

    private static ItemHead head(ResultSet rs) throws SQLException {
        return new ItemHead(rs.getLong("id"), rs.getString("title"), rs.getString("category"), rs.getString("account"),
                ItemStatus.valueOf(rs.getString("status")), rs.getBoolean("important"), Sql.instant(rs, "publish_at"),
                rs.getString("failure"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                rs.getString("content_hash"), rs.getString("unit_id"));
    }

    /** The condition on the account, or none for every account (null). */
    private static String ofAccount(String account) {
        return account == null ? "" : "account = :account AND ";
    }

    private static Query bindAccount(Query q, String account) {
        return account == null ? q : q.bind("account", account);
    }

    /** The condition on the unit, or none for the district. */
    private static String ofUnit(Scope scope) {
        return scope.isDistrict() ? "" : "unit_id = :unit AND ";
    }

    private static Query bindUnit(Query q, Scope scope) {
        return scope.unitId().map(unit -> q.bind("unit", unit)).orElse(q);
    }

    ItemRepository.Queue approvedQueue(String account, Instant now) {
        return tx.call("cannot count the approved items of account " + account, h -> h.createQuery(
                        "SELECT COUNT(CASE WHEN publish_at IS NULL OR publish_at <= :now THEN 1 END) AS due,"
                                + " COUNT(CASE WHEN publish_at > :now THEN 1 END) AS later"
                                + " FROM " + JdbiItemRepository.LIVE
                                + " WHERE status = 'APPROVED' AND account = :account")
                .bind("now", now).bind("account", account)
                .map((rs, ctx) -> new ItemRepository.Queue(rs.getLong("due"), rs.getLong("later"))).one());
    }

    Map<Long, String> titles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.call("cannot read item titles", h -> {
            Map<Long, String> titles = new LinkedHashMap<>();
            h.createQuery("SELECT id, title FROM " + JdbiItemRepository.LIVE + " WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("title")))
                    .forEach(e -> titles.put(e.getKey(), e.getValue()));
            return titles;
        });
    }
}
