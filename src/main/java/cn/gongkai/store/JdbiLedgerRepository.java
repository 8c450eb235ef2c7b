package cn.gongkai.store;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import java.time.Instant;
import java.util.List;

/**
 * The publication ledger. A duplicate (item, mode) is looked for first and, should a concurrent writer win the
 * race, the unique violation is undone at a savepoint: either way {@link #record} returns false and the caller's
 * transaction stays usable, on H2 and on PostgreSQL alike.
 */
final class JdbiLedgerRepository implements LedgerRepository {

    private final JdbiTransactions tx;

    JdbiLedgerRepository(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean record(LedgerEntry e) {
        try {
            return tx.call("cannot record item " + e.itemId() + " (" + e.mode() + ") in the ledger", h -> {
                boolean present = h.createQuery("SELECT COUNT(*) FROM ledger WHERE item_id = :item AND mode = :mode")
                        .bind("item", e.itemId()).bind("mode", e.mode()).mapTo(Long.class).one() > 0;
                if (present) {
                    return false;
                }
                h.createUpdate("INSERT INTO ledger (item_id, account, mode, publish_id, article_id, article_index, url,"
                                + " title, category, department, published_at) VALUES (:item, :account, :mode,"
                                + " :publishId, :articleId, :index, :url, :title, :category, :department, :at)")
                        .bind("item", e.itemId()).bind("account", e.account()).bind("mode", e.mode())
                        .bind("publishId", e.publishId()).bind("articleId", e.articleId()).bind("index", e.index())
                        .bind("url", e.url()).bind("title", e.title()).bind("category", e.category())
                        .bind("department", e.department()).bind("at", e.publishedAt())
                        .execute();
                return true;
            });
        } catch (StoreException ex) {
            if (ex.isUniqueViolation()) {
                return false;
            }
            throw ex;
        }
    }

    @Override
    public List<LedgerEntry> between(Instant fromInclusive, Instant toExclusive) {
        return tx.call("cannot read the ledger from " + fromInclusive + " to " + toExclusive,
                h -> h.createQuery("SELECT item_id, account, mode, publish_id, article_id, article_index, url, title,"
                                + " category, department, published_at FROM ledger"
                                + " WHERE published_at >= :from AND published_at < :to ORDER BY published_at, id")
                        .bind("from", fromInclusive).bind("to", toExclusive)
                        .map((rs, ctx) -> new LedgerEntry(rs.getLong("item_id"), rs.getString("account"),
                                rs.getString("mode"), rs.getString("publish_id"), rs.getString("article_id"),
                                rs.getInt("article_index"), rs.getString("url"), rs.getString("title"),
                                rs.getString("category"), rs.getString("department"),
                                Sql.instant(rs, "published_at")))
                        .list());
    }
}
