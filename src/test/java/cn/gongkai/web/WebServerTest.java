package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.report.Counter;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerTest {
    @TempDir
    Path dir;

    private Database db;
    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "web:\n  host: 127.0.0.1\n  port: 0\n");
        GongkaiConfig cfg = new ConfigLoader(Map.of()).load(config);
        db = Fixtures.memoryDatabase();
        var image = Fixtures.storeImage(db, "a.png", Fixtures.png(100, 80, 0x336699), 100, 80);
        Fixtures.approved(db, Fixtures.content("促消费活动启动", "促消费", List.of(image)), Clock.systemUTC().instant());
        server = WebServer.start(cfg, db.items(), db.batches(),
                new Counter(db.ledgerStatistics(), cfg.timezone(), cfg.categories()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzReportsTheDatabaseAndTheSandboxAccounts() throws Exception {
        HttpResponse<String> r = get("/healthz");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.get("database").asText()).isEqualTo("ok");
        assertThat(json.get("sandbox").asBoolean()).isTrue();
        assertThat(json.get("accounts").get(0).get("id").asText()).isEqualTo("hongqi");
        assertThat(r.body()).doesNotContain("secret");
    }

    @Test
    void withoutAConsoleNobodyCanLogInAndEveryPageIsRefused() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(401);
        assertThat(get("/items").statusCode()).isEqualTo(401);
        assertThat(get("/api/counts?year=2026").statusCode()).isEqualTo(401);
    }

    @Test
    void healthzSaysDegradedWhenTheDatabaseIsGone() throws Exception {
        db.close();

        HttpResponse<String> r = get("/healthz");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("unreachable");
    }
}
