package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.ConfigException;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opening the store reads the schema version with one query: current → no Flyway at all, behind → migrated, ahead
 * (a newer program migrated it) → refused with both versions named. On H2 and on an embedded PostgreSQL.
 */
class SchemaVersionTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", "jdbc:h2:mem:schema" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa"),
                Arguments.of("PostgreSQL", POSTGRES.url(POSTGRES.createDatabase("schema")),
                        EmbeddedPostgresExtension.SUPERUSER));
    }

    /** The newest migration as the source folder names it, counted here independently of SchemaVersion. */
    private static final String NEWEST = newestOnDisk();
    private static final String NEWER = String.valueOf(Integer.parseInt(NEWEST) + 1);

    private static String newestOnDisk() {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theNewestBundledMigrationIsReadFromTheFileNames() {
        assertThat(SchemaVersion.newestBundled()).isEqualTo(SchemaVersion.of(NEWEST));
        assertThat(SchemaVersion.of("5_1").compareTo(SchemaVersion.of("5"))).isPositive();
        assertThat(SchemaVersion.of("5.1").compareTo(SchemaVersion.of("12"))).isNegative();
        assertThat(SchemaVersion.of("12.0").compareTo(SchemaVersion.of("12"))).isZero();
    }

    @Test
    void theBuildsIndexNamesExactlyTheMigrationFiles() throws java.io.IOException {
        java.util.Set<String> onDisk;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/db/migration"))) {
            onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .collect(java.util.stream.Collectors.toSet());
        }
        try (java.io.InputStream index = SchemaVersion.class.getResourceAsStream("/" + SchemaVersion.INDEX)) {
            assertThat(index).as("the build writes " + SchemaVersion.INDEX).isNotNull();
            assertThat(new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank())).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCurrentSchemaIsOpenedWithoutFlyway(String name, String url, String user) throws SQLException {
        Database.open(url, user, "").close();
        // Flyway validates checksums before migrating: had it run, this tampered history would stop it.
        execute(url, user, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");

        try (Database db = Database.open(url, user, "")) {
            assertThat(db.schemaVersion()).isEqualTo(SchemaVersion.newestBundled().version());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSchemaBehindIsMigratedToTheNewestVersion(String name, String url, String user) throws SQLException {
        try (var ds = dataSource(url, user)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("11").load().migrate();
            assertThat(SchemaVersion.applied(ds)).contains(SchemaVersion.of("11"));
        }

        try (Database db = Database.open(url, user, "")) {
            assertThat(db.schemaVersion()).isEqualTo(NEWEST);
            assertThat(db.ledgerSummary()).isNotNull();
        }
        assertThat(count(url, user, "SELECT COUNT(*) FROM ledger_daily")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSchemaAheadOfTheProgramIsRefusedNamingBothVersions(String name, String url, String user)
            throws SQLException {
        Database.open(url, user, "").close();
        execute(url, user, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\","
                + " \"success\") VALUES (99, '" + NEWER + "', 'from a newer gongkai', 'SQL', 'V" + NEWER + "__newer.sql', 1, 'sa',"
                + " CURRENT_TIMESTAMP, 1, TRUE)");
        long before = count(url, user, "SELECT COUNT(*) FROM \"flyway_schema_history\"");

        assertThatThrownBy(() -> Database.open(url, user, ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("结构版本是 " + NEWER)
                .hasMessageContaining("最新版本 " + NEWEST)
                .hasMessageContaining("database.url");
        assertThat(count(url, user, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedMigrationIsLeftToFlywayWhichRefusesToOpen(String name, String url, String user)
            throws SQLException {
        Database.open(url, user, "").close();
        execute(url, user, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '" + NEWEST + "'");

        assertThatThrownBy(() -> Database.open(url, user, "")).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot migrate database");
    }

    @Test
    void h2UrlsKeepMoreStatementsParsedAndFilesAreNotCompactedOnClose() {
        assertThat(Database.withQueryCache("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64");
        assertThat(Database.withQueryCache("jdbc:h2:mem:x;query_cache_size=4")).isEqualTo("jdbc:h2:mem:x;query_cache_size=4");
        assertThat(Database.withQueryCache("jdbc:postgresql://db/gongkai")).isEqualTo("jdbc:postgresql://db/gongkai");
        assertThat(Database.withoutCloseCompaction("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0");
        for (String unchanged : List.of("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:postgresql://db/gk",
                "jdbc:h2:file:./d;max_compact_time=500")) {
            assertThat(Database.withoutCloseCompaction(unchanged)).isEqualTo(unchanged);
        }
    }

    private static com.zaxxer.hikari.HikariDataSource dataSource(String url, String user) {
        com.zaxxer.hikari.HikariConfig c = new com.zaxxer.hikari.HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword("");
        c.setMaximumPoolSize(2);
        return new com.zaxxer.hikari.HikariDataSource(c);
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
