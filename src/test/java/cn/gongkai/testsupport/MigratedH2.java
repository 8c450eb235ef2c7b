package cn.gongkai.testsupport;

import cn.gongkai.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh in-memory H2 databases with the real schema, for tests that want one per test or per class. Flyway migrates
 * one database once per JVM; every fresh database is a copy of it made from H2's {@code SCRIPT} of that database
 * (the same tables, indexes, constraints, rows the migrations insert and Flyway history), so {@link Database#open}
 * finds the schema current and does not load Flyway. A Flyway migration of an empty H2 database took about ten
 * times as long as the copy. The migration itself stays tested where a test opens an empty database on its own.
 */
public final class MigratedH2 {
    private MigratedH2() {
    }

    /**
     * The URL of a new in-memory database (kept until the JVM ends, {@code DB_CLOSE_DELAY=-1}) whose name starts
     * with {@code prefix}, already holding the migrated schema; {@code user} with {@code password} created it and is
     * its administrator, as when {@link Database#open} is the first to connect.
     */
    public static String freshUrl(String prefix, String user, String password) {
        String url = "jdbc:h2:mem:" + prefix + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String statement : Template.STATEMENTS) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the migrated schema into " + url, e);
        }
        return url;
    }

    /** A new in-memory database with the migrated schema, opened as {@code sa} without password. */
    public static Database open(String prefix) {
        return Database.open(freshUrl(prefix, "sa", ""), "sa", "");
    }

    /** The statements that rebuild the database Flyway migrated: made the first time the JVM loads this holder. */
    private static final class Template {
        static final List<String> STATEMENTS = script();

        private static List<String> script() {
            String url = "jdbc:h2:mem:migrated" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
            Database.open(url, "sa", "").close();
            List<String> statements = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SCRIPT")) {
                    while (rs.next()) {
                        String statement = rs.getString(1).strip();
                        // comments and the template's administrator stay out: the copy's users are who creates it
                        if (!statement.isEmpty() && !statement.equals(";") && !statement.startsWith("--")
                                && !statement.toUpperCase(Locale.ROOT).startsWith("CREATE USER")) {
                            statements.add(statement);
                        }
                    }
                }
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot script the migrated schema of " + url, e);
            }
            return List.copyOf(statements);
        }
    }
}
