package cn.gongkai;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.review.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serve part of {@link CdsTraining}: starts serve (console, REST API, scheduler, simulator) on the training
 * database, asks {@code /healthz}, logs in to the console as a training administrator and opens its main pages and
 * the imported item (which renders it), waits for the warm-up, then stops — so that the web server's, the console's
 * and the warm-up's classes are in the archive too.
 */
final class ServeTraining {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> PAGES = List.of("/", "/items", "/items/1", "/review", "/schedule",
            "/publishing", "/stats", "/system");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    private ServeTraining(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Serves with {@code config} (its web port should be 0), visits the pages, stops; throws when a visit fails. */
    static void run(Path config) {
        String password = "cds-" + UUID.randomUUID();
        try (Wiring w = new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(),
                Wiring.servicePolling())) {
            w.users().add("cds-training", Role.ADMIN, password.toCharArray());
            try (Serve serve = w.serve(config.resolveSibling("report"))) {
                ServeTraining visit = new ServeTraining(serve.port());
                visit.get("/healthz");
                visit.logIn("cds-training", password);
                for (String page : PAGES) {
                    visit.get(page);
                }
                serve.scheduledJobs(); // waits for the warm-up
                visit.get("/healthz");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("serve training interrupted", e);
        }
    }

    private void logIn(String name, String password) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get("/login"));
        if (!token.find()) {
            throw new IllegalStateException("training: no CSRF field on /login");
        }
        String form = "_csrf=" + enc(token.group(1)) + "&name=" + enc(name) + "&password=" + enc(password);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new IllegalStateException("training: login answered " + r.statusCode());
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("training: GET " + path + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
