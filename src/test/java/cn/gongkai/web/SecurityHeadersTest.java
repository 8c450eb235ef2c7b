package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headers that tell a browser how to treat the console, on every kind of answer. */
class SecurityHeadersTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff staff;
    private static String token;
    private static final HttpClient ANONYMOUS = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, new MutableClock(Instant.parse("2026-03-02T02:00:00Z")));
        app.user("管理员", Role.ADMIN);
        staff = new Staff(app, "管理员");
        token = app.wiring.users().createToken("管理员");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> anonymous(String path) throws Exception {
        return ANONYMOUS.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String path) throws Exception {
        return ANONYMOUS.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void hardened(HttpHeaders h, String what) {
        String csp = h.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(what + ": CSP").contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(csp.replaceAll("style-src[^;]*", "")).as(what + ": no inline script allowed")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
    }

    private static void notStored(HttpHeaders h, String what) {
        assertThat(h.firstValue("Cache-Control")).as(what + ": Cache-Control").hasValueSatisfying(v ->
                assertThat(v).contains("no-store"));
    }

    @Test
    void everyKindOfAnswerCarriesTheHeaders() throws Exception {
        hardened(anonymous("/login").headers(), "login page");
        hardened(anonymous("/items").headers(), "redirect to login");
        hardened(anonymous("/healthz").headers(), "healthz");
        hardened(anonymous("/api/me").headers(), "401 of the API");
        hardened(anonymous("/no/such/page").headers(), "unknown path");
        hardened(staff.get("/").headers(), "待办");
        hardened(staff.get("/items/999").headers(), "404 page");
        hardened(api("/api/items").headers(), "API list");
        hardened(staff.get("/assets/editor.js").headers(), "script");
    }

    @Test
    void behindAnHttpsProxyBrowsersAreToldToStayOnHttps() throws Exception {
        HttpResponse<String> proxied = ANONYMOUS.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(anonymous("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void loggedInPagesApiAnswersAndImagesAreNotStored() throws Exception {
        for (String page : List.of("/", "/items", "/items/new", "/review", "/schedule", "/publishing", "/stats",
                "/report", "/system")) {
            HttpResponse<String> r = staff.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            notStored(r.headers(), page);
        }
        notStored(api("/api/items").headers(), "/api/items");
        notStored(api("/api/me").headers(), "/api/me");
        notStored(api("/api/counts?year=2026").headers(), "/api/counts");
        notStored(anonymous("/login").headers(), "/login");
        String sha = cn.gongkai.item.ContentHash.sha256(cn.gongkai.testsupport.Fixtures.png(20, 20, 0x336699));
        app.wiring.database().images().put(sha, cn.gongkai.testsupport.Fixtures.png(20, 20, 0x336699));
        HttpResponse<byte[]> image = staff.bytes("/images/" + sha);
        assertThat(image.statusCode()).isEqualTo(200);
        notStored(image.headers(), "an item's image");
    }

    @Test
    void theConsolesScriptsAreServedAsScriptsAndMayBeCached() throws Exception {
        for (String name : List.of("editor.js", "console.js")) {
            HttpResponse<String> r = staff.get("/assets/" + name);
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(t ->
                    assertThat(t).startsWith("text/javascript"));
            assertThat(r.headers().firstValue("Cache-Control")).as(name).hasValueSatisfying(v ->
                    assertThat(v).doesNotContain("no-store").contains("max-age"));
        }
        assertThat(staff.get("/assets/editor.js").body()).contains("/preview", "/uploads");
        assertThat(staff.get("/assets/..%2Flayout.ftlh").statusCode()).isEqualTo(404);
        assertThat(staff.get("/assets/layout.ftlh").statusCode()).isEqualTo(404);
    }

    @Test
    void noConsolePageCarriesAnInlineScriptOrEventHandler() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(Path.of("templates/console"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                String page = Files.readString(f);
                assertThat(inlineScript.matcher(page).find()).as(f + " has an inline <script>").isFalse();
                assertThat(handler.matcher(page).find()).as(f + " has an on…= handler").isFalse();
                assertThat(page).as(f.toString()).doesNotContainIgnoringCase("javascript:");
            }
        }
    }

    @Test
    void theRenderedEditorLoadsItsScriptFromTheSite() throws Exception {
        String page = staff.get("/items/new").body();

        assertThat(page).contains("<script src=\"/assets/editor.js\"></script>",
                "<script src=\"/assets/console.js\"></script>");
        assertThat(Pattern.compile("<script>").matcher(page).find()).isFalse();
    }
}
