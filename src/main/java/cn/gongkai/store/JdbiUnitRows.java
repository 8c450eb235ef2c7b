package cn.gongkai.store;

import cn.gongkai.review.UnitRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Every table with a {@code unit_id} (migration V25): what staff make and what is made from it, the users and their
 * API tokens. The district office's users and tokens have no unit and are never moved.
 */
final class JdbiUnitRows implements UnitRows {
    /** The tables that carry a unit, in the order counts are shown. */
    static final List<String> TABLES = List.of("item", "publish_batch", "ledger", "audit_log", "portal_delivery",
            "editor_autosave", "app_user", "api_token");
    /** The tables whose rows name an account. */
    private static final List<String> WITH_ACCOUNT = List.of("item", "publish_batch", "ledger");

    private final JdbiTransactions tx;

    JdbiUnitRows(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, Long> count(String unit) {
        return tx.call("cannot count the rows of unit " + unit, h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String table : TABLES) {
                out.put(table, h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE unit_id = :unit")
                        .bind("unit", unit).mapTo(Long.class).one());
            }
            return out;
        });
    }

    @Override
    public Set<String> accounts(String unit) {
        return tx.call("cannot read the accounts of unit " + unit, h -> {
            Set<String> out = new TreeSet<>();
            for (String table : WITH_ACCOUNT) {
                out.addAll(h.createQuery("SELECT DISTINCT account FROM " + table + " WHERE unit_id = :unit")
                        .bind("unit", unit).mapTo(String.class).list());
            }
            return out;
        });
    }

    @Override
    public Set<String> portals(String unit) {
        return tx.call("cannot read the portals of unit " + unit, h -> new TreeSet<>(h.createQuery(
                        "SELECT DISTINCT portal_id FROM portal_delivery WHERE unit_id = :unit")
                .bind("unit", unit).mapTo(String.class).list()));
    }

    @Override
    public Map<String, Long> move(String from, String to) {
        return tx.call("cannot move the rows of unit " + from + " to " + to, h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String table : TABLES) {
                out.put(table, (long) update(h, table, from, to));
            }
            return out;
        });
    }

    private static int update(Handle h, String table, String from, String to) {
        return h.createUpdate("UPDATE " + table + " SET unit_id = :to WHERE unit_id = :from")
                .bind("to", to).bind("from", from).execute();
    }
}
