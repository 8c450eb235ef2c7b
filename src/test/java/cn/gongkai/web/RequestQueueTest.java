package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue in front of the routes (issue 16): beyond the requests handled at once the others wait their turn and
 * are then answered as usual; only one that finds the queue full is answered 503 in Chinese; /healthz never waits.
 */
class RequestQueueTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private RequestQueue queue;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        // one request at a time, one waiting: the pool of connections and the queue, made small
        queue = new RequestQueue(1, 1, Duration.ofSeconds(60));
        queue.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!Request.getPathInContext(request).equals("/healthz")) {
                    entered.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                Content.Sink.write(response, true, "ok " + Request.getPathInContext(request), callback);
                return true;
            }
        });
        server.setHandler(queue);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestBeyondThePoolWaitsItsTurnAndOnlyAFullQueueIsRefusedInChinese() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("/first");
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> second = get("/second");
        while (queue.getSuspendedRequestCount() < 1) {
            Thread.sleep(10);
        }

        HttpResponse<String> third = get("/third").get(30, TimeUnit.SECONDS);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.body()).isEqualTo("系统繁忙，请稍后再试。");
        assertThat(third.headers().firstValue("Retry-After")).contains("5");
        assertThat(third.headers().firstValue("Content-Security-Policy")).isPresent();
        HttpResponse<String> health = get("/healthz").get(30, TimeUnit.SECONDS);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(second).isNotDone();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).body()).isEqualTo("ok /first");
        HttpResponse<String> waited = second.get(30, TimeUnit.SECONDS);
        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(waited.body()).isEqualTo("ok /second");
    }
}
