package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.review.Role;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve opens its port before the slow parts are built: {@code /healthz} answers while the article templates are
 * still warming up (held back here), and a console page that renders an article meanwhile waits for them and then
 * answers normally.
 */
class ServeOpensFirstTest {
    private static final String PASSWORD = "mima-12345678";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;
    private Wiring w;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeEach
    void wire() throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, """
                data-dir: %s
                templates-dir: %s
                web:
                  host: 127.0.0.1
                  port: 0
                review:
                  chain: []
                """.formatted(dir.resolve("data"), dir.resolve("templates")), StandardCharsets.UTF_8);
        w = new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(), Wiring.servicePolling());
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void healthzAnswersWhileTheTemplatesWarmAndAnItemPageWaitsForThemThenAnswers() throws Exception {
        Bundled.extract("templates", dir.resolve("templates"));
        Bundled.extract("samples", dir.resolve("samples"));
        long id = w.importer().importFiles(List.of(dir.resolve("samples").resolve("01-zhaoshang-tuijinhui.md")),
                "test", "cli").newIds().get(0);
        w.users().add("管理员", Role.ADMIN, PASSWORD.toCharArray());
        CountDownLatch templates = w.warmUp().holdBack("article templates");

        try (Serve serve = w.webServer(dir.resolve("report"))) {
            try {
                String base = "http://127.0.0.1:" + serve.port();
                HttpResponse<String> health = get(base + "/healthz");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"article templates\"");
                assertThat(w.builtParts()).doesNotContain("article templates");

                logIn(base);
                CompletableFuture<HttpResponse<String>> page = CompletableFuture.supplyAsync(() -> {
                    try {
                        return get(base + "/items/" + id);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                WarmUpTest.awaitACallerWaiting(page);
                assertThat(page).as("the page waits for the templates instead of failing").isNotDone();
                assertThat(get(base + "/healthz").body()).contains("\"article templates\"");

                templates.countDown();
                HttpResponse<String> answered = page.get();
                assertThat(answered.statusCode()).isEqualTo(200);
                assertThat(answered.body()).as("the article rendered for the preview").contains("招商")
                        .contains("摘要：").doesNotContain("id=\"preview\"></div>");
                assertThat(w.builtParts()).contains("article templates");

                w.warmUp().await();
                assertThat(get(base + "/healthz").body()).contains("\"warming\":[]")
                        .doesNotContain("warmupFailed");
            } finally {
                templates.countDown();
            }
        }
    }

    private void logIn(String base) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(base + "/login").body());
        assertThat(token.find()).as("login page has a CSRF field").isTrue();
        String form = "_csrf=" + enc(token.group(1)) + "&name=" + enc("管理员") + "&password=" + enc(PASSWORD);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login").isEqualTo(302);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
