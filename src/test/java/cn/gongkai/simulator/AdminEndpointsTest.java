package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest extends SimulatorFixture {

    @Test
    void answersHealthz() {
        SimClient.Answer a = client.get("/sim/healthz");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void servesTheRecordAsJson() {
        String t = token();
        publish(t, "公开");
        JsonNode record = client.get("/sim/record").json();
        assertThat(record.get("published").get(0).get("title").asText()).isEqualTo("公开");
        assertThat(record.get("published").get(0).get("appId").asText()).isEqualTo(APP);
        assertThat(record.get("calls").get(APP).get("freepublish/submit").asInt()).isEqualTo(1);
        assertThat(record.get("successfulSubmitsTotal").asInt()).isEqualTo(1);
    }

    @Test
    void addsListsAndClearsFaultRulesOverHttp() {
        String t = token();
        SimClient.Answer added = client.post("/sim/admin/faults",
                "{\"endpoint\":\"draft/count\",\"when\":\"every\",\"n\":1,\"action\":\"errcode\",\"errcode\":-1}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isEqualTo(-1);
        assertThat(client.get("/sim/admin/faults").json().get("rules")).hasSize(1);
        assertThat(client.delete("/sim/admin/faults").status()).isEqualTo(200);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isZero();
    }

    @Test
    void acceptsAWholeFaultPlanOverHttp() {
        SimClient.Answer a = client.post("/sim/admin/faults", "{\"rules\":[{\"endpoint\":\"token\",\"when\":\"nth\","
                + "\"n\":1,\"action\":\"http\",\"httpStatus\":502}],\"quotas\":{\"draft/count\":0}}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(client.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET)
                .status()).isEqualTo(502);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + token()).errcode()).isEqualTo(45009);
    }

    @Test
    void answers400ForABadFaultRule() {
        SimClient.Answer a = client.post("/sim/admin/faults", "{\"action\":\"errcode\",\"errcode\":0}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("errcode must not be 0");
    }

    @Test
    void resetsQuotasOverHttp() {
        sim.faults().quota("draft/count", 1);
        String t = token();
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isZero();
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isEqualTo(45009);
        assertThat(client.post("/sim/admin/reset-quota", Map.of("appid", APP)).status()).isEqualTo(200);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isZero();
    }

    @Test
    void invalidatesTokensOverHttp() {
        String t = token();
        assertThat(client.post("/sim/admin/invalidate-tokens", Map.of("appid", APP)).status()).isEqualTo(200);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isEqualTo(40001);
    }

    @Test
    void registersAccountsOverHttp() {
        assertThat(client.post("/sim/admin/accounts", Map.of("appid", "wxnew", "secret", "s", "type",
                "subscription", "verified", false)).status()).isEqualTo(200);
        assertThat(client.get("/cgi-bin/token?grant_type=client_credential&appid=wxnew&secret=s").json()
                .has("access_token")).isTrue();
    }

    @Test
    void answers404ForUnknownPaths() {
        assertThat(client.get("/sim/nothing").status()).isEqualTo(404);
        assertThat(client.get("/cgi-bin/nothing?access_token=x").status()).isEqualTo(404);
    }
}
