package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountsRoutesTest {
    @TempDir
    Path dir;

    private ConsoleFixture app;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.wiring.database().ledger().recordAll(List.of(row("a", "2023-03-01T02:00:00Z", "招商引资"),
                row("b", "2023-03-01T02:00:00Z", "促消费"), row("c", "2023-04-01T02:00:00Z", "促消费"),
                row("d", "2024-01-05T02:00:00Z", "促消费")));
        app.user("统计员", Role.DRAFTER);
        token = app.wiring.users().createToken("统计员");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void withoutATokenOrALoginTheCountsAreRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/counts?year=2023")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void countsOfAYearHaveTheShapeOfTheCommandLineJson() throws Exception {
        HttpResponse<String> r = get("/api/counts?year=2023");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.fieldNames()).toIterable().containsExactly("year", "articles", "pushes", "by");
        assertThat(json.get("year").asInt()).isEqualTo(2023);
        assertThat(json.get("articles").asInt()).isEqualTo(3);
        assertThat(json.get("pushes").asInt()).isEqualTo(2);
        assertThat(json.get("by").get("促消费").asInt()).isEqualTo(2);
        assertThat(json.get("by").get("外资外贸").asInt()).isZero();
    }

    @Test
    void countsCanBeGroupedByMonth() throws Exception {
        JsonNode json = new ObjectMapper().readTree(get("/api/counts?year=2023&by=month").body());

        assertThat(json.get("by").get("2023-03").asInt()).isEqualTo(2);
        assertThat(json.get("by").size()).isEqualTo(12);
    }

    @Test
    void aMissingOrBadYearOrGroupingIsABadRequestThatSaysWhy() throws Exception {
        assertThat(get("/api/counts").statusCode()).isEqualTo(400);
        HttpResponse<String> bad = get("/api/counts?year=twenty");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("四位年份");
        HttpResponse<String> by = get("/api/counts?year=2023&by=colour");
        assertThat(by.statusCode()).isEqualTo(400);
        assertThat(by.body()).contains("colour");
        assertThat(get("/api/counts?year=1999").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LedgerEntry row(String key, String when, String category) {
        return new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, null, null, 1, "", key, category, "",
                Instant.parse(when), LedgerSource.IMPORT, key, null, null);
    }
}
