package cn.gongkai.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The schema version a database has and the newest one this program carries, found without Flyway: one query of
 * Flyway's history table and a look at the migration files' names. When they are equal, opening the store needs no
 * Flyway at all (its classes are not even loaded).
 *
 * @param version dotted version ({@code "12"}, {@code "5.1"}) as Flyway writes it into its history table
 */
record SchemaVersion(String version) implements Comparable<SchemaVersion> {
    /** Where the migrations lie on the class path (Flyway's {@code classpath:db/migration}). */
    static final String LOCATION = "db/migration";
    /** The list of the migration files the build writes (pom.xml, process-resources). */
    static final String INDEX = "db/migrations.index";
    private static final Pattern MIGRATION = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");
    private static final String HISTORY = "SELECT \"version\", \"success\" FROM \"flyway_schema_history\"";

    /** What the database has against what the program carries. */
    enum State {
        /** Nothing to do: the database has exactly the newest migration and no failed one. */
        CURRENT,
        /** New database, a newer program, or a failed migration: Flyway migrates (or reports the failure). */
        BEHIND,
        /** The database was migrated by a newer program. */
        AHEAD
    }

    static SchemaVersion of(String version) {
        return new SchemaVersion(version.replace('_', '.'));
    }

    /**
     * The newest migration applied successfully, or empty when the database has no history (new) or a failed
     * migration is recorded (Flyway must then decide).
     */
    static Optional<SchemaVersion> applied(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs;
            try {
                rs = s.executeQuery(HISTORY);
            } catch (SQLException noHistoryTable) {
                return Optional.empty();
            }
            SchemaVersion newest = null;
            while (rs.next()) {
                String v = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return Optional.empty();
                }
                if (v != null && (newest == null || of(v).compareTo(newest) > 0)) {
                    newest = of(v);
                }
            }
            return Optional.ofNullable(newest);
        }
    }

    /** The newest versioned migration this program carries (from the file names in {@link #LOCATION}). */
    static SchemaVersion newestBundled() {
        try (Stream<String> names = bundledNames()) {
            return names.map(MIGRATION::matcher).filter(Matcher::matches).map(m -> of(m.group(1)))
                    .max(SchemaVersion::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no migrations found in " + LOCATION));
        }
    }

    /** How {@code applied} (empty: no history or a failed migration) stands against {@code bundled}. */
    static State compare(Optional<SchemaVersion> applied, SchemaVersion bundled) {
        if (applied.isEmpty()) {
            return State.BEHIND;
        }
        int c = applied.get().compareTo(bundled);
        return c == 0 ? State.CURRENT : c < 0 ? State.BEHIND : State.AHEAD;
    }

    /**
     * The file names in the migration folder: from the index the build writes beside it ({@link #INDEX}, one name a
     * line, made from the folder at every build), else read from the jar or the classes folder this class came from
     * (listing the 35,000 entries of the jar cost a short command 15–25 ms).
     */
    private static Stream<String> bundledNames() {
        try (InputStream index = SchemaVersion.class.getResourceAsStream("/" + INDEX)) {
            if (index != null) {
                return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(n -> !n.isEmpty()).toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        try {
            Path origin = Path.of(SchemaVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(origin)) {
                Path dir = origin.resolve(LOCATION);
                return Files.isDirectory(dir) ? Files.list(dir).map(p -> p.getFileName().toString()) : Stream.empty();
            }
            JarFile jar = new JarFile(origin.toFile());
            String prefix = LOCATION + "/";
            return jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix) && n.indexOf('/',
                    prefix.length()) < 0).map(n -> n.substring(prefix.length())).onClose(() -> closeQuietly(jar));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + LOCATION, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the migrations are", e);
        }
    }

    private static void closeQuietly(JarFile jar) {
        try {
            jar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int compareTo(SchemaVersion other) {
        int[] a = parts();
        int[] b = other.parts();
        return Arrays.compare(a, b);
    }

    private int[] parts() {
        int[] p = Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int n = p.length;
        while (n > 1 && p[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(p, n);
    }

    @Override
    public String toString() {
        return version;
    }
}
