package cn.gongkai.store;

import cn.gongkai.review.UnitTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code unit} table as the 单位 page reads and adds to it. */
final class JdbiUnitTable implements UnitTable {
    private static final String COLUMNS = "SELECT id, name, source, created_at FROM unit";

    private final JdbiTransactions tx;

    JdbiUnitTable(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Row> list() {
        return tx.call("cannot list the units", h -> h.createQuery(COLUMNS + " ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public Optional<Row> find(String id) {
        return tx.call("cannot read unit " + id, h -> h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public boolean addConsoleUnit(String id, String name, Instant at) {
        try {
            tx.call("cannot store unit " + id, h -> h.createUpdate(
                            "INSERT INTO unit (id, name, source, created_at) VALUES (:id, :name, 'console', :at)")
                    .bind("id", id).bind("name", name).bind("at", at).execute());
            return true;
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), "console".equals(rs.getString("source")),
                Sql.instant(rs, "created_at"));
    }
}
