package cn.gongkai.store;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Scope;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.PortalDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;

/**
 * The 报区政府办 delivery rows in {@code portal_delivery} (migration V18). Each state change is one UPDATE whose WHERE
 * names the states it may leave, so two runs racing for a row find out which one won by the row count. Reads for a
 * person add {@code d.unit_id = :unit} (the item's unit, V25) unless the scope is the district's.
 */
final class JdbiPortalDeliveries implements DeliveryStore {
    private static final String COLUMNS = "d.item_id, d.portal_id, i.title, d.state, d.message_id, d.idempotency_key,"
            + " d.reference, d.adopted_url, d.recorded_by, d.attempts, d.failure, d.category, d.content_hash, d.due_at,"
            + " d.prepared_at, d.next_attempt_at, d.sent_at, d.decided_at";
    private static final String FROM = " FROM portal_delivery d JOIN item i ON i.id = d.item_id ";
    private static final String KEY = " WHERE item_id = :item AND portal_id = :portal";
    private static final String OPEN = " AND state IN ('PREPARED', 'FAILED')";

    private final JdbiTransactions tx;

    JdbiPortalDeliveries(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Long> undelivered(String portalId, String unitId, List<String> categories, Instant now, int limit) {
        String categoryFilter = (categories.isEmpty() ? "" : " AND i.category IN (<categories>)")
                + (unitId == null ? "" : " AND i.unit_id = :unit");
        return tx.call("cannot list the items due for portal " + portalId, h -> {
            Query q = h.createQuery("SELECT i.id FROM item i WHERE i.deleted_at IS NULL"
                            + " AND (i.status = :approved OR i.status IN (:publishing, :published)"
                            + " AND i.updated_at >= (SELECT MIN(started_at) FROM portal_channel))"
                            + " AND (i.publish_at IS NULL OR i.publish_at <= :now)" + categoryFilter
                            + " AND NOT EXISTS (SELECT 1 FROM portal_delivery d WHERE d.item_id = i.id"
                            + " AND d.portal_id = :portal) ORDER BY i.id LIMIT :limit")
                    .bind("approved", ItemStatus.APPROVED.name()).bind("publishing", ItemStatus.PUBLISHING.name())
                    .bind("published", ItemStatus.PUBLISHED.name()).bind("now", now).bind("portal", portalId)
                    .bind("limit", limit);
            if (!categories.isEmpty()) {
                q.bindList("categories", categories);
            }
            if (unitId != null) {
                q.bind("unit", unitId);
            }
            return q.mapTo(Long.class).list();
        });
    }

    @Override
    public boolean prepare(PortalDelivery row) {
        try {
            return tx.call("cannot prepare the delivery of item " + row.itemId() + " to portal " + row.portalId(),
                    h -> h.createUpdate("INSERT INTO portal_delivery (item_id, portal_id, state, message_id,"
                                    + " idempotency_key, reference, adopted_url, recorded_by, attempts, failure, category,"
                                    + " content_hash, due_at, prepared_at, next_attempt_at, unit_id) VALUES (:item,"
                                    + " :portal, 'PREPARED', :messageId, :key, '', '', '', :attempts, '', :category,"
                                    + " :hash, :due, :prepared, :next, (SELECT unit_id FROM item WHERE id = :item))")
                            .bind("item", row.itemId()).bind("portal", row.portalId())
                            .bind("messageId", row.identity().messageId()).bind("key", row.identity().idempotencyKey())
                            .bind("attempts", row.attempts()).bind("category", row.category())
                            .bind("hash", row.contentHash()).bind("due", row.dueAt()).bind("prepared", row.preparedAt())
                            .bind("next", row.nextAttemptAt()).execute() == 1);
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<PortalDelivery> pending(String portalId, Instant now, int limit) {
        return select("WHERE d.portal_id = :portal AND d.state IN ('PREPARED', 'FAILED')"
                        + " AND d.next_attempt_at IS NOT NULL AND d.next_attempt_at <= :now"
                        + " ORDER BY d.next_attempt_at, d.item_id LIMIT :limit",
                q -> q.bind("portal", portalId).bind("now", now).bind("limit", limit));
    }

    @Override
    public boolean claim(long itemId, String portalId, Instant now, Instant until) {
        return update("UPDATE portal_delivery SET attempts = attempts + 1, next_attempt_at = :until" + KEY + OPEN
                + " AND next_attempt_at IS NOT NULL AND next_attempt_at <= :now", itemId, portalId,
                u -> u.bind("until", until).bind("now", now));
    }

    @Override
    public boolean sent(long itemId, String portalId, String reference, String adoptedUrl, Instant at) {
        boolean adopted = !adoptedUrl.isEmpty();
        return update("UPDATE portal_delivery SET state = :state, reference = :reference, adopted_url = :url,"
                + " recorded_by = :by, failure = '', next_attempt_at = NULL, sent_at = :at, decided_at = :decided"
                + KEY + OPEN, itemId, portalId, u -> u.bind("state", (adopted ? DeliveryState.ADOPTED
                        : DeliveryState.SENT).name()).bind("reference", reference).bind("url", adoptedUrl)
                .bind("by", adopted ? "portal" : "").bind("at", at)
                .bindByType("decided", adopted ? at : null, Instant.class));
    }

    @Override
    public boolean failed(long itemId, String portalId, String failure, Instant nextAttempt) {
        return update("UPDATE portal_delivery SET state = 'FAILED', failure = :failure, next_attempt_at = :next"
                + KEY + OPEN, itemId, portalId, u -> u.bind("failure", failure).bindByType("next", nextAttempt, Instant.class));
    }

    @Override
    public boolean resend(long itemId, String portalId, Instant now) {
        return update("UPDATE portal_delivery SET next_attempt_at = :now" + KEY + " AND state = 'FAILED'", itemId,
                portalId, u -> u.bind("now", now));
    }

    @Override
    public boolean decide(long itemId, String portalId, DeliveryState to, String url, String recordedBy,
                          Instant at) {
        if (to != DeliveryState.ADOPTED && to != DeliveryState.NOT_ADOPTED) {
            throw new IllegalArgumentException("a decision is ADOPTED or NOT_ADOPTED: " + to);
        }
        return update("UPDATE portal_delivery SET state = :state, adopted_url = :url, recorded_by = :by,"
                + " decided_at = :at" + KEY + " AND state IN ('SENT', 'ADOPTED', 'NOT_ADOPTED')", itemId, portalId,
                u -> u.bind("state", to.name()).bind("url", url).bind("by", recordedBy).bind("at", at));
    }

    @Override
    public Optional<PortalDelivery> find(long itemId, String portalId) {
        return find(itemId, portalId, Scope.district());
    }

    @Override
    public Optional<PortalDelivery> find(long itemId, String portalId, Scope scope) {
        return select("WHERE d.item_id = :item AND d.portal_id = :portal" + andUnit(scope),
                q -> unit(q.bind("item", itemId).bind("portal", portalId), scope)).stream().findFirst();
    }

    @Override
    public List<PortalDelivery> ofItem(long itemId) {
        return ofItem(itemId, Scope.district());
    }

    @Override
    public List<PortalDelivery> ofItem(long itemId, Scope scope) {
        return select("WHERE d.item_id = :item" + andUnit(scope) + " ORDER BY d.portal_id",
                q -> unit(q.bind("item", itemId), scope));
    }

    @Override
    public List<PortalDelivery> recent(String portalId, int limit) {
        return select((portalId == null ? "" : "WHERE d.portal_id = :portal ")
                        + "ORDER BY d.prepared_at DESC, d.item_id DESC LIMIT :limit",
                q -> portal(q.bind("limit", limit), portalId));
    }

    @Override
    public List<PortalDelivery> page(String portalId, int offset, int limit) {
        return select((portalId == null ? "" : "WHERE d.portal_id = :portal ")
                        + "ORDER BY d.prepared_at DESC, d.item_id DESC LIMIT :limit OFFSET :offset",
                q -> portal(q.bind("limit", limit).bind("offset", Math.max(0, offset)), portalId));
    }

    @Override
    public int count(String portalId) {
        return tx.call("cannot count portal deliveries", h -> {
            Query q = h.createQuery("SELECT COUNT(*) FROM portal_delivery"
                    + (portalId == null ? "" : " WHERE portal_id = :portal"));
            portal(q, portalId);
            return q.mapTo(Integer.class).one();
        });
    }

    @Override
    public List<PortalDelivery> sentBetween(Instant from, Instant until, String portalId) {
        return select("WHERE d.sent_at >= :from AND d.sent_at < :until"
                        + (portalId == null ? "" : " AND d.portal_id = :portal") + " ORDER BY d.sent_at, d.item_id",
                q -> portal(q.bind("from", from).bind("until", until), portalId));
    }

    @Override
    public List<PortalDelivery> pageIn(Scope scope, int offset, int limit) {
        return select(whereUnit(scope) + "ORDER BY d.prepared_at DESC, d.item_id DESC LIMIT :limit OFFSET :offset",
                q -> unit(q.bind("limit", limit).bind("offset", Math.max(0, offset)), scope));
    }

    @Override
    public int countIn(Scope scope) {
        return tx.call("cannot count portal deliveries", h -> {
            Query q = h.createQuery("SELECT COUNT(*) FROM portal_delivery d " + whereUnit(scope));
            unit(q, scope);
            return q.mapTo(Integer.class).one();
        });
    }

    @Override
    public List<PortalDelivery> sentIn(Scope scope, Instant from, Instant until) {
        return select("WHERE d.sent_at >= :from AND d.sent_at < :until" + andUnit(scope)
                + " ORDER BY d.sent_at, d.item_id", q -> unit(q.bind("from", from).bind("until", until), scope));
    }

    @Override
    public Set<String> messageIds(Collection<String> messageIds, Scope scope) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return tx.call("cannot match mails to portal deliveries", h -> {
            Query q = h.createQuery("SELECT d.message_id FROM portal_delivery d WHERE d.message_id IN (<ids>)"
                    + andUnit(scope)).bindList("ids", List.copyOf(new HashSet<>(messageIds)));
            unit(q, scope);
            return Set.copyOf(q.mapTo(String.class).list());
        });
    }

    /** {@code " AND d.unit_id = :unit"} for one unit's scope, nothing for the district's. */
    private static String andUnit(Scope scope) {
        return scope.isDistrict() ? "" : " AND d.unit_id = :unit";
    }

    /** {@code "WHERE d.unit_id = :unit "} for one unit's scope, nothing for the district's. */
    private static String whereUnit(Scope scope) {
        return scope.isDistrict() ? "" : "WHERE d.unit_id = :unit ";
    }

    private static Query unit(Query q, Scope scope) {
        scope.unitId().ifPresent(u -> q.bind("unit", u));
        return q;
    }

    private static void portal(Query q, String portalId) {
        if (portalId != null) {
            q.bind("portal", portalId);
        }
    }

    private boolean update(String sql, long itemId, String portalId,
                           Consumer<org.jdbi.v3.core.statement.Update> binder) {
        return tx.call("cannot change the delivery of item " + itemId + " to portal " + portalId, h -> {
            var u = h.createUpdate(sql).bind("item", itemId).bind("portal", portalId);
            binder.accept(u);
            return u.execute() == 1;
        });
    }

    private List<PortalDelivery> select(String whereAndOrder, Consumer<Query> binder) {
        return tx.call("cannot read portal deliveries", h -> Sql.rows(h, "SELECT " + COLUMNS + FROM + whereAndOrder,
                binder, (rs, ctx) -> row(rs)));
    }

    private static PortalDelivery row(ResultSet rs) throws SQLException {
        return new PortalDelivery(rs.getLong("item_id"), rs.getString("portal_id"), rs.getString("title"),
                DeliveryState.valueOf(rs.getString("state")),
                new DeliveryIdentity(rs.getString("message_id"), rs.getString("idempotency_key")),
                rs.getString("reference"), rs.getString("adopted_url"), rs.getString("recorded_by"),
                rs.getInt("attempts"), rs.getString("failure"), rs.getString("category"), rs.getString("content_hash"),
                Sql.instant(rs, "due_at"), Sql.instant(rs, "prepared_at"), Sql.instant(rs, "next_attempt_at"),
                Sql.instant(rs, "sent_at"), Sql.instant(rs, "decided_at"));
    }
}
