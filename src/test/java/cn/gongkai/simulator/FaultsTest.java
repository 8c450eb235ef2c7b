package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsTest extends SimulatorFixture {

    private List<Integer> countErrcodes(String token, int calls) {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            codes.add(client.get("/cgi-bin/draft/count?access_token=" + token).errcode());
        }
        return codes;
    }

    @Test
    void answersAnErrcodeOnTheNthCallOnly() {
        String t = token();
        sim.faults().add(FaultRule.errcodeOnNth("draft/count", 2, -1));
        assertThat(countErrcodes(t, 4)).containsExactly(0, -1, 0, 0);
        assertThat(sim.faults().rules()).isEmpty();
    }

    @Test
    void answersAnErrcodeOnEveryKthCall() {
        String t = token();
        sim.faults().add(FaultRule.errcodeEvery("/cgi-bin/draft/count", 3, 45011));
        assertThat(countErrcodes(t, 7)).containsExactly(0, 0, 45011, 0, 0, 45011, 0);
    }

    @Test
    void answersAnErrcodeRandomlyButRepeatablyForASeed() {
        String t = token();
        sim.faults().add(FaultRule.errcodeRandomly("draft/count", 0.5, 99, -1));
        List<Integer> first = countErrcodes(t, 30);
        sim.faults().clear();
        sim.faults().add(FaultRule.errcodeRandomly("draft/count", 0.5, 99, -1));
        assertThat(countErrcodes(t, 30)).isEqualTo(first).contains(0, -1);
    }

    @Test
    void limitsARuleToOneAccount() {
        sim.faults().add(FaultRule.errcodeEvery("draft/count", 1, -1).forApp(OTHER));
        assertThat(countErrcodes(token(), 1)).containsExactly(0);
        assertThat(countErrcodes(token(OTHER), 1)).containsExactly(-1);
    }

    @Test
    void answersAnHtmlErrorPageWithoutDoingTheWork() {
        String t = token();
        String mediaId = draft(t, "网关");
        sim.faults().add(FaultRule.httpErrorOnNth("freepublish/submit", 1, 502));
        SimClient.Answer a = submit(t, mediaId);
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.contentType()).startsWith("text/html");
        assertThat(a.body()).contains("<h1>502 Bad Gateway</h1>");
        assertThat(sim.record().successfulSubmits()).isZero();
        assertThat(submit(t, mediaId).errcode()).isZero();
    }

    @Test
    void delaysAnswers() {
        String t = token();
        sim.faults().add(FaultRule.delayAlways("draft/count", 300));
        long start = System.nanoTime();
        assertThat(countErrcodes(t, 1)).containsExactly(0);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void doesTheWorkThenDropsTheAnswerSoOkHttpSeesAnIOException() throws IOException {
        String t = token();
        String mediaId = draft(t, "丢失");
        sim.faults().add(FaultRule.dropAnswerOnNth("freepublish/submit", 1));
        OkHttpClient ok = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        Request request = new Request.Builder().url(sim.baseUrl() + "/cgi-bin/freepublish/submit?access_token=" + t)
                .post(RequestBody.create("{\"media_id\":\"" + mediaId + "\"}", MediaType.get("application/json")))
                .build();
        assertThatThrownBy(() -> {
            try (Response ignored = ok.newCall(request).execute()) {
                ignored.body().string();
            }
        }).isInstanceOf(IOException.class);
        assertThat(sim.record().successfulSubmits(APP)).isEqualTo(1);
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + t, Map.of("media_id", mediaId)).errcode())
                .isEqualTo(40007);
        clock.advance(Faults.DEFAULT_PUBLISH_DURATION);
        assertThat(client.post("/cgi-bin/freepublish/batchget?access_token=" + t, Map.of("offset", 0, "count", 1))
                .json().get("item").get(0).get("content").get("news_item").get(0).get("title").asText())
                .isEqualTo("丢失");
        ok.dispatcher().executorService().shutdown();
        ok.connectionPool().evictAll();
    }

    @Test
    void invalidatesEveryTokenOfAnAccountAtOnce() {
        String t = token();
        String stable = client.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "appid", APP,
                "secret", SECRET)).json().get("access_token").asText();
        String other = token(OTHER);
        sim.faults().invalidateTokens(APP);
        assertThat(countErrcodes(t, 1)).containsExactly(40001);
        assertThat(countErrcodes(stable, 1)).containsExactly(40001);
        assertThat(countErrcodes(other, 1)).containsExactly(0);
        assertThat(countErrcodes(token(), 1)).containsExactly(0);
    }

    @Test
    void loadsFaultsFromAYamlFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faults.yml");
        Files.writeString(file, """
                rules:
                  - {endpoint: draft/count, when: nth, n: 1, action: errcode, errcode: -1}
                  - {endpoint: freepublish/submit, when: always, action: http, httpStatus: 500}
                publishPolls: 0
                quotas: {draft/count: 3}
                """);
        sim.loadFaults(file);
        String t = token();
        assertThat(countErrcodes(t, 5)).containsExactly(-1, 0, 0, 0, 45009);
        assertThat(submit(t, draft(t, "x")).status()).isEqualTo(500);
    }

    @Test
    void loadsFaultsFromAJsonFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faults.json");
        Files.writeString(file, """
                {"publishOutcomes": [{"status": 4, "failIdx": [1]}], "publishPolls": 0}
                """);
        sim.loadFaults(file);
        String t = token();
        long id = submit(t, draft(t, "审核")).json().get("publish_id").asLong();
        assertThat(poll(t, id).get("publish_status").asInt()).isEqualTo(4);
    }

    @Test
    void refusesAMalformedRule() {
        assertThatThrownBy(() -> FaultRule.errcodeOnNth("draft/add", 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 1");
    }

    @Test
    void anIpOutsideTheWhitelistIsRefusedOnEveryCallOfThatAccountTokenIncluded() {
        String t = token();
        sim.faults().ipNotWhitelisted(APP, "1.2.3.4");

        SimClient.Answer tokenAnswer = client.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP
                + "&secret=" + SECRET);
        SimClient.Answer stable = client.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential",
                "appid", APP, "secret", SECRET));
        SimClient.Answer call = client.get("/cgi-bin/draft/count?access_token=" + t);

        assertThat(List.of(tokenAnswer, stable, call)).allSatisfy(a -> {
            assertThat(a.errcode()).isEqualTo(40164);
            assertThat(a.json().get("errmsg").asText())
                    .startsWith("invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ");
        });
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + token(OTHER)).errcode()).isZero();
        assertThat(sim.record().calls(APP, "draft/count")).isEqualTo(1);

        sim.faults().ipWhitelisted(APP);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).errcode()).isZero();
    }

    @Test
    void anIpBlockCanComeFromAYamlFaultFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faults.yml");
        Files.writeString(file, "ipNotWhitelisted: {" + APP + ": 1.2.3.4}\n");

        sim.loadFaults(file);

        assertThat(client.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "appid", APP,
                "secret", SECRET)).errcode()).isEqualTo(40164);
    }

    @Test
    void anIpBlockCanComeFromAFaultPlan() {
        sim.faults().apply(new FaultPlan(null, null, null, null, null, null, Map.of(APP, "203.0.113.9")));
        assertThat(client.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "appid", APP,
                "secret", SECRET)).json().get("errmsg").asText()).contains("203.0.113.9");
        sim.faults().clear();
        assertThat(token()).isNotBlank();
    }
}
