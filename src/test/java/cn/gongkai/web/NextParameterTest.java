package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the login sends the user afterwards: only a path on this site, whatever a browser would make of it. */
class NextParameterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "/\\/evil.example",
            "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", " /x", "/ /evil.example",
            "/a\\b", "javascript:alert(1)",
            "evil.example", "", "/\u000b/evil.example", "/\u3000/evil.example", "/\u200b/evil.example",
            "/login?next=//evil.example", "/items\u0000"})
    void anythingButAPathOnThisSiteLeadsHome(String next) {
        assertThat(ConsoleAccess.next(next)).isEqualTo("/");
    }

    @Test
    void percentEncodedTricksAreCheckedAfterDecoding() {
        for (String raw : new String[] {"%2F%2Fevil.example", "%2F%5Cevil.example", "%2F%09%2Fevil.example"}) {
            assertThat(ConsoleAccess.next(URLDecoder.decode(raw, StandardCharsets.UTF_8))).as(raw).isEqualTo("/");
        }
    }

    @Test
    void pathsOnThisSiteAreKept() {
        assertThat(ConsoleAccess.next("/items?status=DRAFT")).isEqualTo("/items?status=DRAFT");
        assertThat(ConsoleAccess.next("/stats?year=2026#ledger")).isEqualTo("/stats?year=2026#ledger");
        assertThat(ConsoleAccess.next("/items/12/edit")).isEqualTo("/items/12/edit");
    }

    @Test
    void aLoginWithATabbedNextGoesHomeNotToAnotherHost() throws Exception {
        try (ConsoleFixture app = new ConsoleFixture(dir, new MutableClock(Instant.parse("2026-03-02T02:00:00Z")))) {
            app.user("管理员", Role.ADMIN);
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token = Staff.csrfOf(browser.send(HttpRequest.newBuilder(URI.create(app.url("/login"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body());

            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + Staff.enc(token) + "&name="
                            + Staff.enc("管理员") + "&password=" + Staff.enc(ConsoleFixture.PASSWORD) + "&next="
                            + Staff.enc("/\t/evil.example"))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).hasValue("/");
        }
    }
}
