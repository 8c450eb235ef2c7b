package cn.gongkai.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Pushes PUBLISHJOBFINISH events to account callback URLs in plain mode, signed like WeChat
 * ({@code signature}, {@code timestamp}, {@code nonce}, {@code openid} query parameters). Like WeChat it waits 5 s
 * for an answer and tries up to three times in all.
 */
final class CallbackNotifier {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(CallbackNotifier.class.getName());

    private final HttpClient client;
    private final ExecutorService executor;
    private final Clock clock;

    CallbackNotifier(ExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();
    }

    void send(List<SimState.Event> events) {
        for (SimState.Event event : events) {
            executor.execute(() -> deliver(event));
        }
    }

    private void deliver(SimState.Event event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String nonce = Integer.toString(Math.abs(UUID.randomUUID().hashCode()));
            String query = "signature=" + PublishEvent.signature(event.token(), timestamp, nonce)
                    + "&timestamp=" + timestamp + "&nonce=" + nonce
                    + "&openid=" + URLEncoder.encode(PublishEvent.MPHELPER_OPENID, StandardCharsets.UTF_8);
            String base = event.url().toString();
            URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                                .header("Content-Type", "text/xml")
                                .POST(HttpRequest.BodyPublishers.ofString(event.xml(), StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                LOG.log(System.Logger.Level.INFO, "callback {0} answered HTTP {1} (attempt {2})", event.url(),
                        response.statusCode(), attempt);
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.INFO, "callback {0} failed (attempt {1}): {2}", event.url(), attempt,
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
