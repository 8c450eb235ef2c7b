package cn.gongkai.store;

import cn.gongkai.intake.OaRows;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads the bureau's OA database with the configured SELECT, read-only, one short connection per pull. The password
 * never appears in a message.
 */
public final class JdbcOaRows implements OaRows {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Jdbi jdbi;
    private final String safeUrl;
    private final String query;
    private final String password;

    public JdbcOaRows(String url, String user, String password, String query) {
        this.jdbi = Jdbi.create(url, user, password);
        this.password = password;
        this.safeUrl = Database.withoutCredentials(url);
        this.query = query;
    }

    @Override
    public List<Map<String, String>> fetch() {
        try (Handle h = jdbi.open()) {
            h.getConnection().setReadOnly(true);
            return h.createQuery(query).map((rs, ctx) -> {
                Map<String, String> row = new LinkedHashMap<>();
                var meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    row.put(name, text(rs.getObject(i)));
                }
                return row;
            }).list();
        } catch (JdbiException | java.sql.SQLException e) {
            throw new StoreException("cannot read the OA database " + safeUrl, MaskedCause.of(e, password));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return LOCAL.format(t.toLocalDateTime());
        }
        if (value instanceof LocalDateTime t) {
            return LOCAL.format(t);
        }
        if (value instanceof OffsetDateTime t) {
            return t.toString();
        }
        if (value instanceof java.sql.Clob c) {
            try {
                return c.getSubString(1, (int) c.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read a text column of the OA database", e);
            }
        }
        return value.toString();
    }
}
