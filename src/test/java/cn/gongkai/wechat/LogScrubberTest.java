package cn.gongkai.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogScrubberTest {

    @Test
    void masksTheAccessTokenInAUrl() {
        assertThat(LogScrubber.scrub("http://h/cgi-bin/draft/add?access_token=75_AbC-d.e&type=image"))
                .isEqualTo("http://h/cgi-bin/draft/add?access_token=***&type=image");
    }

    @Test
    void masksSecretsInQueryStringsAndToStringDumps() {
        assertThat(LogScrubber.scrub("GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=S3cr3t"))
                .isEqualTo("GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=***");
        assertThat(LogScrubber.scrub("WxMpDefaultConfigImpl(appId=wx1, secret=S3cr3t, accessToken=TOK, aesKey=K)"))
                .isEqualTo("WxMpDefaultConfigImpl(appId=wx1, secret=***, accessToken=***, aesKey=***)");
        assertThat(LogScrubber.scrub("appsecret=S3cr3t AppSecret: 'S3cr3t' app_secret = \"S3cr3t\""))
                .doesNotContain("S3cr3t");
    }

    @Test
    void masksSecretsAndTokensInJson() {
        assertThat(LogScrubber.scrub("{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"S3\\\"x\","
                + "\"force_refresh\":false}"))
                .isEqualTo("{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"***\","
                        + "\"force_refresh\":false}");
        assertThat(LogScrubber.scrub("{\"access_token\" : \"TOK\",\"expires_in\":7200,\"appsecret\":\"S\"}"))
                .isEqualTo("{\"access_token\" : \"***\",\"expires_in\":7200,\"appsecret\":\"***\"}");
    }

    @Test
    void masksCredentialsWrittenIntoAUrl() {
        assertThat(LogScrubber.scrub("database jdbc:postgresql://gk:Pw-77@db/gongkai (PostgreSQL 16)"))
                .isEqualTo("database jdbc:postgresql://***@db/gongkai (PostgreSQL 16)");
        assertThat(LogScrubber.scrub("jdbc:h2:file:./data/gk;PASSWORD=Pw-77;AUTO_SERVER=TRUE")).doesNotContain("Pw-77");
    }

    @Test
    void leavesOrdinaryTextAndNullAlone() {
        assertThat(LogScrubber.scrub("invalid appsecret, rid: 12-34")).isEqualTo("invalid appsecret, rid: 12-34");
        assertThat(LogScrubber.scrub("secretary=x")).isEqualTo("secretary=x");
        assertThat(LogScrubber.scrub(null)).isNull();
    }
}
