package cn.gongkai.cluster;

import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configuration file of a node in the two-node tests: its own data and templates folders and web port, the
 * shared embedded PostgreSQL database, no sandbox, and accounts that talk to one WeChat simulator, each with its own
 * appid and the same callback token.
 */
final class NodeConfig {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The callback token of every account (what WeChat signs its callbacks with). */
    static final String CALLBACK_TOKEN = "cluster-callback-token";

    private NodeConfig() {
    }

    /** The lines every node has: its folders, the time zone, the database, no sandbox, a free port on loopback. */
    static List<String> head(Path home, String jdbcUrl) {
        return new ArrayList<>(List.of(
                "data-dir: " + home.resolve("data").toAbsolutePath(),
                "templates-dir: " + home.resolve("templates").toAbsolutePath(),
                "timezone: " + ZONE.getId(),
                "database:",
                "  url: " + jdbcUrl,
                "  user: " + EmbeddedPostgresExtension.SUPERUSER,
                "  password: ''",
                "sandbox: off",
                "web:",
                "  host: 127.0.0.1",
                "  port: 0"));
    }

    /** One account under {@code accounts:}, publishing by freepublish to the simulator on {@code cron}. */
    static List<String> account(String id, String name, String simulatorUrl, String cron) {
        return List.of(
                "  - id: " + id,
                "    name: " + name,
                "    app-id: " + appId(id),
                "    secret: " + secret(id),
                "    api-base-url: " + simulatorUrl,
                "    mode: freepublish",
                "    cron: \"" + cron + "\"",
                "    max-articles-per-draft: 8",
                "    callback-token: " + CALLBACK_TOKEN);
    }

    /** A Quartz cron that fires once, at {@code slot} (whole seconds), in the nodes' time zone. */
    static String oneOffCron(Instant slot) {
        ZonedDateTime at = slot.atZone(ZONE);
        return at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " ? " + at.getYear();
    }

    static String appId(String account) {
        return "wxc1" + String.format(Locale.ROOT, "%014x", Math.abs((long) account.hashCode()));
    }

    static String secret(String account) {
        return "secret-of-" + account;
    }

    /** Writes {@code gongkai.yml} into the node's folder. */
    static Path write(Path home, List<String> lines) throws IOException {
        Files.createDirectories(home);
        Path config = home.resolve("gongkai.yml");
        Files.writeString(config, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return config;
    }
}
