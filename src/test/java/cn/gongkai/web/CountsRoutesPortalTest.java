package cn.gongkai.web;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/counts?channel=portal}: the 报区政府办 counts in the JSON of {@code counts --channel portal}. */
class CountsRoutesPortalTest {
    private static final Instant MARCH = Instant.parse("2023-03-01T02:00:00Z");

    @TempDir
    Path dir;

    private ConsoleFixture app;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        sent("招商引资", MARCH, true);
        sent("促消费", MARCH.plusSeconds(30 * 86_400), false);
        sent("促消费", Instant.parse("2024-01-05T02:00:00Z"), false);
        app.user("统计员", Role.DRAFTER);
        token = app.wiring.users().createToken("统计员");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void thePortalCountsAreTheCommandLinesJson() throws Exception {
        HttpResponse<String> all = get("/api/counts?year=2023&channel=portal");
        HttpResponse<String> one = get("/api/counts?year=2023&channel=portal&portal=qzfb");

        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(all.body());
        assertThat(body).isEqualTo(json.valueToTree(app.wiring.portalCounter().count(2023, null).jsonShape()));
        assertThat(body.get("channel").asText()).isEqualTo("portal");
        assertThat(body.get("articles").asInt()).isEqualTo(2);
        assertThat(body.get("adopted").asInt()).isEqualTo(1);
        assertThat(body.at("/by/招商引资/adopted").asInt()).isEqualTo(1);
        assertThat(body.at("/months/3/articles").asInt()).isEqualTo(2);
        JsonNode qzfb = json.readTree(one.body());
        assertThat(qzfb.get("portal").asText()).isEqualTo("qzfb");
        assertThat(qzfb.get("articles").asInt()).isEqualTo(2);
        assertThat(json.readTree(get("/api/counts?year=2023").body()).has("channel")).as("WeChat stays the default")
                .isFalse();
    }

    @Test
    void anUnknownPortalOrChannelOrAPortalWithoutTheChannelIsABadRequestThatSaysWhy() throws Exception {
        HttpResponse<String> unknown = get("/api/counts?year=2023&channel=portal&portal=qzbf");
        HttpResponse<String> channel = get("/api/counts?year=2023&channel=weibo");
        HttpResponse<String> alone = get("/api/counts?year=2023&portal=qzfb");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("qzbf", "qzfb");
        assertThat(channel.statusCode()).isEqualTo(400);
        assertThat(channel.body()).contains("wechat 或 portal");
        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(alone.body()).contains("channel=portal");
    }

    private void sent(String category, Instant at, boolean adopted) {
        var db = app.wiring.database();
        long id = db.items().insert(anItem().title(category + at).category(category).build(), ItemStatus.APPROVED,
                null, at).id();
        PortalDelivery row = new PortalDelivery(id, "qzfb", "", DeliveryState.PREPARED,
                new DeliveryIdentity("<m-" + id + "@gongkai.local>", "gongkai-key-" + id), "", "", "", 1, "",
                category, "", at, at, at.plusSeconds(120), null, null);
        db.portalDeliveries().prepare(row);
        db.portalDeliveries().sent(id, "qzfb", row.identity().messageId(), "", at);
        if (adopted) {
            db.portalDeliveries().decide(id, "qzfb", DeliveryState.ADOPTED, "https://www.hongqi.gov.cn/1.html",
                    "王主任", at.plusSeconds(3600));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
