package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointsTest extends SimulatorFixture {

    private int draftCountErrcode(String token) {
        return client.get("/cgi-bin/draft/count?access_token=" + token).errcode();
    }

    private SimClient.Answer stable(String appId, String secret, boolean force) {
        return client.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "appid", appId,
                "secret", secret, "force_refresh", force));
    }

    @Test
    void issuesANewTokenOnEveryFetchValidFor7200Seconds() {
        SimClient.Answer a = client.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret="
                + SECRET);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("expires_in").asInt()).isEqualTo(7200);
        assertThat(token()).isNotEqualTo(a.json().get("access_token").asText());
    }

    @Test
    void keepsThePreviousTokenWorkingForFiveMinutesOnly() {
        String first = token();
        clock.advance(Duration.ofMinutes(10));
        String second = token();
        assertThat(draftCountErrcode(first)).isZero();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(draftCountErrcode(first)).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(draftCountErrcode(first)).isEqualTo(40001);
        assertThat(draftCountErrcode(second)).isZero();
    }

    @Test
    void expiresTokensAfter7200SecondsWith42001() {
        String t = token();
        clock.advance(Duration.ofSeconds(7200));
        assertThat(draftCountErrcode(t)).isEqualTo(42001);
    }

    @Test
    void answers40014ForATokenItNeverIssuedAnd41001WithoutOne() {
        assertThat(draftCountErrcode("not-a-token")).isEqualTo(40014);
        assertThat(client.get("/cgi-bin/draft/count").errcode()).isEqualTo(41001);
    }

    @Test
    void answers40013ForAnUnknownAppid() {
        assertThat(client.get("/cgi-bin/token?grant_type=client_credential&appid=wxnobody&secret=x").errcode())
                .isEqualTo(40013);
        assertThat(stable("wxnobody", "x", false).errcode()).isEqualTo(40013);
    }

    @Test
    void answers40001ForAWrongSecretOnTokenAnd40125OnStableToken() {
        assertThat(client.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=wrong")
                .errcode()).isEqualTo(40001);
        assertThat(stable(APP, "wrong", false).errcode()).isEqualTo(40125);
    }

    @Test
    void refusesAnUnknownGrantType() {
        assertThat(client.get("/cgi-bin/token?grant_type=password&appid=" + APP + "&secret=" + SECRET).errcode())
                .isEqualTo(40002);
    }

    @Test
    void givesEveryCallerTheSameStableTokenWithItsRemainingLifetime() {
        SimClient.Answer a = stable(APP, SECRET, false);
        clock.advance(Duration.ofSeconds(600));
        SimClient.Answer b = stable(APP, SECRET, false);
        assertThat(b.json().get("access_token").asText()).isEqualTo(a.json().get("access_token").asText());
        assertThat(a.json().get("expires_in").asInt()).isEqualTo(7200);
        assertThat(b.json().get("expires_in").asInt()).isEqualTo(6600);
    }

    @Test
    void keepsStableTokensSeparateFromTokenTokens() {
        String stableToken = stable(APP, SECRET, false).json().get("access_token").asText();
        token();
        token();
        clock.advance(Duration.ofMinutes(6));
        assertThat(draftCountErrcode(stableToken)).isZero();
    }

    @Test
    void invalidatesTheOldStableTokenOnForcedRefresh() {
        String old = stable(APP, SECRET, false).json().get("access_token").asText();
        String fresh = stable(APP, SECRET, true).json().get("access_token").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(draftCountErrcode(old)).isEqualTo(40001);
        assertThat(draftCountErrcode(fresh)).isZero();
        assertThat(stable(APP, SECRET, false).json().get("access_token").asText()).isEqualTo(fresh);
    }

    @Test
    void rotatesTheStableTokenFiveMinutesBeforeItExpires() {
        String old = stable(APP, SECRET, false).json().get("access_token").asText();
        clock.advance(Duration.ofSeconds(7200 - 299));
        String next = stable(APP, SECRET, false).json().get("access_token").asText();
        assertThat(next).isNotEqualTo(old);
        assertThat(draftCountErrcode(old)).isZero();
    }
}
