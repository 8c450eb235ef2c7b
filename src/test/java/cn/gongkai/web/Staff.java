package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.Multipart;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser without a browser: an HTTP client with a cookie jar, logged in to the console. */
final class Staff {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final ConsoleFixture app;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    Staff(ConsoleFixture app, String name) throws Exception {
        this.app = app;
        String token = csrfOf(get("/login").body());
        HttpResponse<String> r = post("/login", "_csrf=" + enc(token) + "&name=" + enc(name) + "&password="
                + enc(ConsoleFixture.PASSWORD));
        assertThat(r.statusCode()).as("login of " + name).isEqualTo(302);
        this.csrf = csrfOf(get("/").body());
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF field").isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart body with the session's CSRF token in the header, as the editor's script does. */
    HttpResponse<String> multipart(String path, Multipart body) throws Exception {
        return sendMultipart(path, body.contentType(), body.bytes());
    }

    /** Posts raw (possibly malformed) multipart bytes with the given boundary and the session's CSRF token. */
    HttpResponse<String> multipart(String path, String boundary, byte[] body) throws Exception {
        return sendMultipart(path, "multipart/form-data; boundary=" + boundary, body);
    }

    private HttpResponse<String> sendMultipart(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", contentType).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts a multipart form as a browser does, the CSRF token in a {@code _csrf} field: the text fields, then one
     * file.
     */
    HttpResponse<String> upload(String path, java.util.Map<String, String> fields, String fileField, String fileName,
                                byte[] bytes) throws Exception {
        Multipart.Builder form = Multipart.form().field(ConsoleAccess.CSRF_FIELD, csrf);
        fields.forEach(form::field);
        Multipart body = form.file(fileField, fileName, bytes).build();
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the session's CSRF token. */
    HttpResponse<String> submit(String path, String form) throws Exception {
        return post(path, "_csrf=" + enc(csrf) + (form.isEmpty() ? "" : "&" + form));
    }
}
