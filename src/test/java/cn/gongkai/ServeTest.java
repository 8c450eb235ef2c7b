package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} runs comes from the one composition root: {@link Wiring#serve} and its variants. */
class ServeTest {
    @TempDir
    Path dir;

    private Wiring w;

    @BeforeEach
    void wire() {
        GongkaiConfig config = new ConfigLoader(Map.of("GONGKAI_DATA_DIR", dir.resolve("data").toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:mem:serve" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1",
                "GONGKAI_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString(),
                "GONGKAI_SANDBOX", "on", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0")).load(null);
        w = new Wiring(config, new MutableClock(Instant.parse("2026-03-02T02:00:00Z")),
                new PollPolicy(0, Duration.ZERO));
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void serveStartsTheWebServerAndSchedulesEveryAccountAndTheInbox() throws Exception {
        try (Serve serve = w.serve(dir.resolve("report"))) {
            assertThat(get(serve, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(serve, "/login").statusCode()).isEqualTo(200);
            String account = w.config().accounts().get(0).id();
            assertThat(serve.scheduledJobs()).contains("publish-" + account, "status-" + account);
            assertThat(serve.scheduledJobs()).anyMatch(job -> job.contains("inbox"));
            assertThat(serve.noUsers()).isTrue();
        }
    }

    @Test
    void theWebServerForTestsIsServeWithoutTheScheduler() throws Exception {
        try (Serve serve = w.webServer(dir.resolve("report"))) {
            assertThat(get(serve, "/login").statusCode()).isEqualTo(200);
            assertThat(serve.scheduledJobs()).isEmpty();
        }
    }

    @Test
    void theWebServerWithoutConsoleRefusesConsolePagesButAnswersHealth() throws Exception {
        try (Serve serve = w.webServerWithoutConsole()) {
            assertThat(get(serve, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(serve, "/items").statusCode()).isEqualTo(401);
            assertThat(serve.callbackUrl("hongqi").toString())
                    .isEqualTo("http://127.0.0.1:" + serve.port() + "/wechat/callback/hongqi");
        }
    }

    private static HttpResponse<String> get(Serve serve, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
