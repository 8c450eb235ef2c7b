package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /healthz} answers as soon as the port is open and lists what serve is still warming up (200 meanwhile); a
 * warm-up step that failed makes it 503 and is named.
 */
class ServeWarmUpTest {
    @TempDir
    Path dir;
    private Wiring w;
    private WebServer web;

    @BeforeEach
    void start() {
        GongkaiConfig config = new ConfigLoader(Map.of("GONGKAI_DATA_DIR", dir.resolve("data").toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:mem:warm" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1", "GONGKAI_WEB_HOST", "127.0.0.1", "GONGKAI_WEB_PORT", "0")).load(null);
        w = new Wiring(config, Clock.systemUTC(), new PollPolicy(0, Duration.ZERO));
        web = WebServer.start(w.config(), w.items(), w.batches(), w.counter(), w.clock());
    }

    @AfterEach
    void stop() {
        web.close();
        w.close();
    }

    @Test
    void healthzListsTheStepsStillWarmingAndAnswers200() throws Exception {
        WarmUp warmUp = new WarmUp();
        web.reportWarming(warmUp);
        CountDownLatch release = new CountDownLatch(1);
        warmUp.run("scheduler", () -> await(release));

        HttpResponse<String> warming = healthz();
        assertThat(warming.statusCode()).isEqualTo(200);
        assertThat(warming.body()).contains("\"warming\":[\"scheduler\"]").contains("\"status\":\"ok\"");

        release.countDown();
        warmUp.await();
        HttpResponse<String> warm = healthz();
        assertThat(warm.statusCode()).isEqualTo(200);
        assertThat(warm.body()).contains("\"warming\":[]").doesNotContain("warmupFailed");
    }

    @Test
    void aFailedWarmUpStepMakesHealthzDegradedAndNamesIt() throws Exception {
        WarmUp warmUp = new WarmUp();
        web.reportWarming(warmUp);
        warmUp.run("scheduler", () -> {
            throw new IllegalStateException("Quartz could not start");
        });
        warmUp.await();

        HttpResponse<String> r = healthz();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("\"status\":\"degraded\"").contains("\"warmupFailed\":[\"scheduler\"]")
                .contains("\"warming\":[]");
    }

    @Test
    void serveStartsTheSchedulerAfterThePortIsOpenAndHealthzEndsWithNothingWarming() throws Exception {
        try (Serve serve = w.serve(dir.resolve("report"))) {
            assertThat(serve.scheduledJobs()).isNotEmpty();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + serve.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"warming\":[]");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> healthz() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
                + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
