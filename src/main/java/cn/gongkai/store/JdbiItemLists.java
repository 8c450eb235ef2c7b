package cn.gongkai.store;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;

/** The item lists the console shows, each asked of the database for exactly its rows (see {@link ItemRepository}). */
final class JdbiItemLists {
    /** When an item goes out: published and corrected ones when they did (their last change), else when planned. */
    private static final String WHEN = "CASE WHEN status IN ('PUBLISHED', 'CORRECTED') THEN updated_at"
            + " ELSE publish_at END";

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

    Map<ItemStatus, Integer> countByStatus() {
        return tx.call("cannot count items by status", h -> {
            Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
            h.createQuery("SELECT status, COUNT(*) AS n FROM " + JdbiItemRepository.LIVE + " GROUP BY status")
                    .map((rs, ctx) -> Map.entry(ItemStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    List<DisclosureItem> calendar(String account, Instant from, Instant until) {
        return tx.call("cannot read the calendar of account " + account, h -> JdbiItemRepository.load(h,
                "WHERE " + ofAccount(account) + "status NOT IN ('WITHDRAWN', 'REJECTED') AND " + WHEN + " >= :from"
                        + " AND " + WHEN + " < :until ORDER BY " + WHEN + ", created_at, id",
                q -> bindAccount(q, account).bind("from", from).bind("until", until)));
    }

    List<DisclosureItem> approvedUnplanned(String account) {
        return tx.call("cannot list the unplanned items of account " + account, h -> JdbiItemRepository.load(h,
                "WHERE " + ofAccount(account) + "status = 'APPROVED' AND publish_at IS NULL ORDER BY created_at, id",
                q -> bindAccount(q, account)));
    }

    /** The condition on the account, or none for every account (null). */
    private static String ofAccount(String account) {
        return account == null ? "" : "account = :account AND ";
    }

    private static Query bindAccount(Query q, String account) {
        return account == null ? q : q.bind("account", account);
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
