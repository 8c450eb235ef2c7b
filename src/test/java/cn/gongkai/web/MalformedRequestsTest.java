package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request the client got wrong gets a 4xx answer that says what is wrong, never a 500; an API client gets
 * {@code application/problem+json}.
 */
class MalformedRequestsTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff staff;
    private static String token;
    private static String item;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, new MutableClock(Instant.parse("2026-03-02T02:00:00Z")));
        app.user("刘科员", Role.DRAFTER);
        staff = new Staff(app, "刘科员");
        token = app.wiring.users().createToken("刘科员");
        HttpResponse<String> created = api("POST", "/api/items", "application/json",
                "{\"title\": \"促消费活动启动\", \"category\": \"促消费\", \"body\": \"正文。\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        item = created.headers().firstValue("Location").orElseThrow();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> api(String method, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String method, String path, String contentType, String body)
            throws Exception {
        return api(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void isProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status).doesNotContain("Exception", "at cn.gongkai");
    }

    @Test
    void aMultipartBodyWithAnotherBoundaryThanDeclaredIs400() throws Exception {
        String body = "--real\r\nContent-Disposition: form-data; name=\"item\"; filename=\"a.md\"\r\n\r\n---\ntitle: x\n"
                + "---\n正文\r\n--real--\r\n";
        isProblem(api("POST", "/api/items", "multipart/form-data; boundary=declared", body), 400);
    }

    @Test
    void aTruncatedMultipartBodyIs400() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"item\"; filename=\"a.md\"\r\n\r\n---\ntitle: x\n";
        isProblem(api("POST", "/api/items", "multipart/form-data; boundary=b", body), 400);
    }

    @Test
    void aMultipartContentTypeWithoutABoundaryIs400() throws Exception {
        isProblem(api("POST", "/api/items", "multipart/form-data", "--b\r\n\r\n"), 400);
    }

    @Test
    void aMultipartPutOfAnItemWithAGarbledBodyIs400() throws Exception {
        isProblem(api("PUT", item, "multipart/form-data; boundary=b", "garbage"), 400);
    }

    @Test
    void invalidJsonIs400() throws Exception {
        isProblem(api("POST", "/api/items", "application/json", "{\"title\": "), 400);
        isProblem(api("POST", item + "/approve", "application/json", "{\"comment\""), 400);
    }

    @Test
    void wrongTypesAndValuesAreRefusedAsTheClientsFault() throws Exception {
        HttpResponse<String> wrongTypes = api("POST", "/api/items", "application/json",
                "{\"id\": \"abc\", \"title\": [1, 2], \"body\": 5, \"publish_at\": \"2026-13-45 25:61\","
                        + " \"images\": \"x\", \"submit\": \"yes\"}");
        assertThat(wrongTypes.statusCode()).as(wrongTypes.body()).isBetween(400, 499);
        HttpResponse<String> badDate = api("POST", "/api/items", "application/json",
                "{\"title\": \"标题\", \"category\": \"促消费\", \"body\": \"正文\", \"publish_at\": \"明天上午\"}");
        assertThat(badDate.statusCode()).as(badDate.body()).isBetween(400, 499);
        isProblem(api("GET", "/api/items/abc", null, ""), 400);
        isProblem(api("GET", "/api/items?status=NOPE", null, ""), 400);
        assertThat(api("GET", "/api/counts?year=abc", null, "").statusCode()).isEqualTo(400);
        assertThat(api("GET", "/api/counts?year=2026&by=nope", null, "").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOfTheWrongContentTypeIs400() throws Exception {
        isProblem(api("POST", "/api/items", "text/plain", "hello"), 400);
        isProblem(api("POST", "/api/items", "application/x-www-form-urlencoded", "title=x&body=y"), 400);
        isProblem(api("POST", "/api/items", "application/json", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}), 400);
    }

    @Test
    void theConsolesScriptEndpointsAnswerAGarbledMultipartWith400() throws Exception {
        HttpResponse<String> upload = staff.multipart("/uploads", "b", "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
        assertThat(upload.body()).contains("\"error\"");
        HttpResponse<String> preview = staff.multipart("/preview", "b",
                "--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n正文".getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(400);
    }

    @Test
    void consolePagesWithNonsenseParametersDoNotFail() throws Exception {
        assertThat(staff.get("/items/abc").statusCode()).isEqualTo(404);
        assertThat(staff.get("/items/99999999999999999999").statusCode()).isEqualTo(404);
        assertThat(staff.get("/items?status=NOPE&month=13-2026").statusCode()).isBetween(200, 499);
        assertThat(staff.get("/schedule?month=abc").statusCode()).isEqualTo(200);
        assertThat(staff.get("/stats?year=abc").statusCode()).isEqualTo(200);
        assertThat(staff.get("/report?year=%FF").statusCode()).isBetween(200, 499);
    }
}
