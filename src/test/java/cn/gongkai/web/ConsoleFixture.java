package cn.gongkai.web;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The wired service as {@code gongkai serve} builds it ({@link Wiring#webServer}: serve without its scheduler) — sandbox accounts on the in-process simulator, an in-memory
 * H2 database, the repository's templates — with its web server and console on a free port of 127.0.0.1.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String PASSWORD = "mima-12345678";

    final Wiring wiring;
    final Serve web;
    final Path factsDir;

    ConsoleFixture(Path dir, Clock clock) {
        // the database user of the embedded defaults, gongkai, with no password
        this(dir, clock, cn.gongkai.testsupport.MigratedH2.freshUrl("console", "gongkai", ""));
    }

    /** The service on the database at {@code databaseUrl} (a file database survives a "restart"). */
    ConsoleFixture(Path dir, Clock clock, String databaseUrl) {
        this(dir, clock, databaseUrl, Map.of());
    }

    /** The service with more {@code GONGKAI_*} settings, e.g. {@code GONGKAI_ACCOUNTS_0_MODE}. */
    ConsoleFixture(Path dir, Clock clock, String databaseUrl, Map<String, String> moreEnv) {
        this(dir, clock, databaseUrl, moreEnv, null);
    }

    /** The service configured by {@code configFile} (null: the embedded defaults) beside the settings above. */
    ConsoleFixture(Path dir, Clock clock, String databaseUrl, Map<String, String> moreEnv, Path configFile) {
        Map<String, String> env = new java.util.HashMap<>(moreEnv);
        env.putAll(Map.of("GONGKAI_DATA_DIR", dir.resolve("data").toString(), "GONGKAI_DATABASE_URL", databaseUrl,
                "GONGKAI_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString(),
                "GONGKAI_SANDBOX", "on", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0"));
        GongkaiConfig config = new ConfigLoader(env).load(configFile);
        this.wiring = new Wiring(config, clock, new PollPolicy(20, Duration.ofMillis(50)));
        this.factsDir = dir.resolve("report");
        try {
            java.nio.file.Files.createDirectories(factsDir);
            java.nio.file.Files.copy(Path.of("config/report/example.yml"), factsDir.resolve("example.yml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.web = wiring.webServer(factsDir);
    }

    String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    void user(String name, Role role) {
        wiring.users().add(name, role, PASSWORD.toCharArray());
    }

    /** A user of unit {@code unitId} (null: the district office's roles), with {@link #PASSWORD}. */
    void user(String name, Role role, String unitId) {
        wiring.users().add(name, role, unitId, PASSWORD.toCharArray());
    }

    /**
     * The service configured by {@code yaml}, written to {@code dir/gongkai.yml}, on a fresh in-memory database that
     * already holds the schema: how the district tests start two units.
     */
    static ConsoleFixture configured(Path dir, Clock clock, String yaml) throws java.io.IOException {
        Path config = java.nio.file.Files.writeString(dir.resolve("gongkai.yml"), yaml,
                java.nio.charset.StandardCharsets.UTF_8);
        return new ConsoleFixture(dir, clock, cn.gongkai.testsupport.MigratedH2.freshUrl("console", "gongkai", ""),
                Map.of(), config);
    }

    @Override
    public void close() {
        web.close();
        wiring.close();
    }
}
