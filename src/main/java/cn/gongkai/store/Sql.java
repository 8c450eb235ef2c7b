package cn.gongkai.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** Column reading and binding shared by the repositories, identical on H2 and PostgreSQL. */
final class Sql {

    private Sql() {
    }

    /** Both databases keep microseconds; truncating before binding makes reads return exactly what was written. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The rows {@code sql} selects once {@code binder} has bound its parameters, each read by {@code mapper}. */
    static <R> List<R> rows(Handle h, String sql, Consumer<Query> binder, RowMapper<R> mapper) {
        Query query = h.createQuery(sql);
        binder.accept(query);
        return query.map(mapper).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Binds {@link Instant} as TIMESTAMP WITH TIME ZONE in UTC, truncated to microseconds. */
    static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {

        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = micros(value).atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc);
        }
    }
}
