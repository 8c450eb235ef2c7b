package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.item.WeChatLimits;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaTest extends SimulatorFixture {

    private int count(String t) {
        return client.get("/cgi-bin/draft/count?access_token=" + t).errcode();
    }

    @Test
    void answers45009OnceTheDailyQuotaIsSpent() {
        String t = token();
        String mediaId = draft(t, "配额");
        sim.faults().quota("freepublish/submit", 0);
        assertThat(submit(t, mediaId).errcode()).isEqualTo(45009);
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + t, Map.of("media_id", mediaId)).errcode())
                .isZero();
    }

    @Test
    void usesTheDocumentedDefaultLimits() {
        assertThat(Quotas.defaultLimit("freepublish/submit")).isEqualTo(100);
        assertThat(Quotas.defaultLimit("freepublish/get")).isEqualTo(100);
        assertThat(Quotas.defaultLimit("draft/add")).isEqualTo(1000);
        assertThat(Quotas.defaultLimit("token")).isEqualTo(2000);
    }

    @Test
    void theSimulatorsQuotasAndTheGatewaysDefaultBudgetReadTheSameTable() {
        assertThat(WeChatClientConfig.defaults().dailyLimits()).isEqualTo(WeChatLimits.DAILY_CALLS);
        WeChatLimits.DAILY_CALLS.forEach((api, limit) -> assertThat(Quotas.defaultLimit(api)).as(api).isEqualTo(limit));
        assertThat(Quotas.defaultLimit("stable_token#force")).isEqualTo(WeChatLimits.STABLE_TOKEN_FORCE_DAILY);
    }

    @Test
    void countsQuotasPerAccount() {
        sim.faults().quota("draft/count", 1);
        String t = token();
        assertThat(count(t)).isZero();
        assertThat(count(t)).isEqualTo(45009);
        assertThat(count(token(OTHER))).isZero();
    }

    @Test
    void rollsOverAtMidnightInShanghai() {
        sim.faults().quota("draft/count", 1);
        String t = token();
        assertThat(count(t)).isZero();
        clock.set(Instant.parse("2026-03-02T15:59:59Z"));
        t = token();
        assertThat(count(t)).isEqualTo(45009);
        clock.set(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(count(t)).isZero();
    }

    @Test
    void limitsTheTokenEndpointToo() {
        sim.faults().quota("token", 2);
        token();
        token();
        assertThat(client.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET)
                .errcode()).isEqualTo(45009);
    }

    @Test
    void clearsQuotaTenTimesAMonthThroughClearQuota() {
        sim.faults().quota("draft/count", 1);
        String t = token();
        for (int i = 0; i < 10; i++) {
            assertThat(count(t)).isZero();
            assertThat(count(t)).isEqualTo(45009);
            assertThat(client.post("/cgi-bin/clear_quota?access_token=" + t, Map.of("appid", APP)).errcode())
                    .isZero();
        }
        assertThat(client.post("/cgi-bin/clear_quota?access_token=" + t, Map.of("appid", APP)).errcode())
                .isEqualTo(48006);
        assertThat(client.post("/cgi-bin/clear_quota?access_token=" + t, Map.of("appid", OTHER)).errcode())
                .isEqualTo(40013);
    }

    @Test
    void quotaGetReportsTheDailyLimitUseAndRemainderOfOneApi() {
        String t = token();
        count(t);
        count(t);
        SimClient.Answer a = client.post("/cgi-bin/openapi/quota/get?access_token=" + t,
                Map.of("cgi_path", "/cgi-bin/draft/count"));
        assertThat(a.errcode()).isZero();
        assertThat(a.json().get("quota").get("daily_limit").asInt()).isEqualTo(1000);
        assertThat(a.json().get("quota").get("used").asInt()).isEqualTo(2);
        assertThat(a.json().get("quota").get("remain").asInt()).isEqualTo(998);
    }

    @Test
    void quotaGetShowsNoDailyLimitForAPublishingApiOfAnUnverifiedAccount() {
        SimClient.Answer a = client.post("/cgi-bin/openapi/quota/get?access_token=" + token(UNVERIFIED),
                Map.of("cgi_path", "/cgi-bin/message/mass/sendall"));
        assertThat(a.errcode()).isZero();
        assertThat(a.json().get("quota").get("daily_limit").asInt()).isZero();
    }

    @Test
    void quotaGetRejectsAnUnknownOrMalformedPath() {
        String t = token();
        assertThat(client.post("/cgi-bin/openapi/quota/get?access_token=" + t,
                Map.of("cgi_path", "/cgi-bin/no/such")).errcode()).isEqualTo(76021);
        assertThat(client.post("/cgi-bin/openapi/quota/get?access_token=" + t,
                Map.of("cgi_path", "draft/count")).errcode()).isEqualTo(76003);
    }
}
