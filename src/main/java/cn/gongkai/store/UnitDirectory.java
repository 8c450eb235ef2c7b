package cn.gongkai.store;

import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.Scope;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;

/**
 * The configured units as the store needs them: the unit of each account (for rows that have no item to take it
 * from: an item stored through the old {@code insert}, a ledger row imported from history, a batch), and the
 * {@code unit} table brought in line with the configuration once per process, just before the first write that
 * needs it (read commands never pay for it).
 */
final class UnitDirectory {
    private final JdbiTransactions tx;
    private final Clock clock;
    private final AtomicBoolean synced = new AtomicBoolean();
    private volatile List<UnitConfig> units = List.of();
    private volatile Map<String, String> unitOfAccount = Map.of();

    UnitDirectory(JdbiTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Takes the configuration's units (nothing is read or written here). */
    void declare(List<UnitConfig> configured) {
        Map<String, String> accounts = new HashMap<>();
        configured.forEach(u -> u.accounts().forEach(a -> accounts.put(a, u.id())));
        this.unitOfAccount = Map.copyOf(accounts);
        this.units = List.copyOf(configured);
        synced.set(false);
    }

    /** The unit of an account: the configured one, else the only unit, else {@link Scope#DEFAULT_UNIT}. */
    String unitOf(String account) {
        String unit = account == null ? null : unitOfAccount.get(account);
        if (unit != null) {
            return unit;
        }
        List<UnitConfig> known = units;
        return known.size() == 1 ? known.get(0).id() : Scope.DEFAULT_UNIT;
    }

    /**
     * Upserts the declared units into the {@code unit} table (source {@code config}) unless done already by this
     * process: one read of the table, and a write only for a unit that is new or renamed. Another node doing the same
     * at once is harmless (its insert wins, ours is skipped). Called inside a caller's transaction it joins it: when
     * that transaction is rolled back the rows are written by the next process (the table only names the units; no
     * row refers to it).
     */
    void ensureSynced() {
        List<UnitConfig> declared = units;
        if (declared.isEmpty() || !synced.compareAndSet(false, true)) {
            return;
        }
        Map<String, String> stored = tx.call("cannot read the units", h -> {
            Map<String, String> names = new HashMap<>();
            h.createQuery("SELECT id, name, source FROM unit").map((rs, ctx) -> Map.entry(rs.getString("id"),
                    rs.getString("source") + "\n" + rs.getString("name"))).forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
        for (UnitConfig unit : declared) {
            String now = stored.get(unit.id());
            if (now == null) {
                insert(unit);
            } else if (!now.equals("config\n" + unit.name())) {
                tx.call("cannot rename unit " + unit.id(), h -> h.createUpdate(
                                "UPDATE unit SET name = :name, source = 'config' WHERE id = :id")
                        .bind("name", unit.name()).bind("id", unit.id()).execute());
            }
        }
    }

    private void insert(UnitConfig unit) {
        try {
            tx.call("cannot store unit " + unit.id(), h -> insertRow(h, unit));
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
    }

    private int insertRow(Handle h, UnitConfig unit) {
        return h.createUpdate("INSERT INTO unit (id, name, source, created_at) VALUES (:id, :name, 'config', :now)")
                .bind("id", unit.id()).bind("name", unit.name()).bind("now", clock.instant()).execute();
    }
}
