package cn.gongkai.simulator;

import cn.gongkai.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A running simulator with one verified service account and one unverified subscription account. */
abstract class SimulatorFixture {
    static final String APP = "wxsimapp0000000001";
    static final String SECRET = "secret-one";
    static final String UNVERIFIED = "wxsimapp0000000002";
    static final String OTHER = "wxsimapp0000000003";
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

    MutableClock clock;
    WeChatSimulator sim;
    SimClient client;

    @BeforeEach
    void startSimulator() {
        clock = new MutableClock(START);
        sim = WeChatSimulator.start("127.0.0.1", 0, clock);
        sim.registerAccount(APP, SECRET, AccountType.SERVICE, true);
        sim.registerAccount(UNVERIFIED, "secret-two", AccountType.SUBSCRIPTION, false);
        sim.registerAccount(OTHER, "secret-three", AccountType.SUBSCRIPTION, true);
        client = new SimClient(sim.baseUrl());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    String token(String appId) {
        String secret = switch (appId) {
            case APP -> SECRET;
            case UNVERIFIED -> "secret-two";
            default -> "secret-three";
        };
        SimClient.Answer a = client.get("/cgi-bin/token?grant_type=client_credential&appid=" + appId + "&secret="
                + secret);
        assertThat(a.json().has("access_token")).as(a.body()).isTrue();
        return a.json().get("access_token").asText();
    }

    String token() {
        return token(APP);
    }

    String bodyImage(String token) {
        SimClient.Answer a = client.upload("/cgi-bin/media/uploadimg?access_token=" + token, "body.png",
                TestImages.png(20, 20));
        return a.json().get("url").asText();
    }

    String cover(String token) {
        SimClient.Answer a = client.upload("/cgi-bin/material/add_material?type=image&access_token=" + token,
                "cover.jpg", TestImages.jpeg(30, 20));
        return a.json().get("media_id").asText();
    }

    static Map<String, Object> article(String title, String content, String thumb) {
        return Map.of("title", title, "content", content, "thumb_media_id", thumb);
    }

    SimClient.Answer addDraft(String token, List<Map<String, Object>> articles) {
        return client.post("/cgi-bin/draft/add?access_token=" + token, Map.of("articles", articles));
    }

    String draft(String token, String title) {
        SimClient.Answer a = addDraft(token, List.of(article(title, "<p>正文 " + title + "</p>", cover(token))));
        assertThat(a.json().has("media_id")).as(a.body()).isTrue();
        return a.json().get("media_id").asText();
    }

    SimClient.Answer submit(String token, String draftId) {
        return client.post("/cgi-bin/freepublish/submit?access_token=" + token, Map.of("media_id", draftId));
    }

    JsonNode poll(String token, Object publishId) {
        return client.post("/cgi-bin/freepublish/get?access_token=" + token, Map.of("publish_id", publishId)).json();
    }

    /** Submits and polls until done; returns the final status answer. */
    JsonNode publish(String token, String title) {
        long publishId = submit(token, draft(token, title)).json().get("publish_id").asLong();
        JsonNode status = poll(token, publishId);
        for (int i = 0; i < 10 && status.path("publish_status").asInt() == 1; i++) {
            status = poll(token, publishId);
        }
        return status;
    }
}
