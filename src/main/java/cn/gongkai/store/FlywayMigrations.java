package cn.gongkai.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one place Flyway is called. Kept apart from {@link Database} so that opening a database whose schema is
 * already current never loads Flyway's classes.
 */
final class FlywayMigrations {
    private FlywayMigrations() {
    }

    /** Applies the migrations in {@code classpath:db/migration} that the database does not have yet. */
    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:" + SchemaVersion.LOCATION).load().migrate();
    }
}
