package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MassSendTest extends SimulatorFixture {

    private SimClient.Answer sendAll(String t, String mediaId, String clientMsgId) {
        Map<String, Object> body = new HashMap<>();
        body.put("filter", Map.of("is_to_all", true));
        body.put("mpnews", Map.of("media_id", mediaId));
        body.put("msgtype", "mpnews");
        body.put("send_ignore_reprint", 0);
        if (clientMsgId != null) {
            body.put("clientmsgid", clientMsgId);
        }
        return client.post("/cgi-bin/message/mass/sendall?access_token=" + t, body);
    }

    @Test
    void sendsADraftToAllFollowersAndConsumesIt() {
        String t = token();
        String mediaId = draft(t, "群发");
        SimClient.Answer a = sendAll(t, mediaId, null);
        assertThat(a.errcode()).isZero();
        assertThat(a.json().get("msg_id").asLong()).isPositive();
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + t, Map.of("media_id", mediaId)).errcode())
                .isEqualTo(40007);
        assertThat(sim.record().massSends()).singleElement()
                .satisfies(m -> assertThat(m.titles()).containsExactly("群发"));
    }

    @Test
    void doesNotListMassSendsAmongPublishedArticles() {
        String t = token();
        sendAll(t, draft(t, "群发"), null);
        assertThat(client.post("/cgi-bin/freepublish/batchget?access_token=" + t, Map.of("offset", 0, "count", 20))
                .json().get("total_count").asInt()).isZero();
        assertThat(sim.record().published()).isEmpty();
    }

    @Test
    void dedupesClientMsgIdWith45066ThenWith45065AndTheOriginalMsgId() {
        String t = token();
        long first = sendAll(t, draft(t, "一"), "batch-1").json().get("msg_id").asLong();
        assertThat(sendAll(t, draft(t, "二"), "batch-1").errcode()).isEqualTo(45066);
        clock.advance(Duration.ofMinutes(2));
        SimClient.Answer again = sendAll(t, draft(t, "三"), "batch-1");
        assertThat(again.errcode()).isEqualTo(45065);
        assertThat(again.json().get("msg_id").asLong()).isEqualTo(first);
        assertThat(sendAll(t, draft(t, "四"), "x".repeat(65)).errcode()).isEqualTo(45067);
        assertThat(sim.record().massSends()).hasSize(1);
    }

    @Test
    void allowsSubscriptionAccountsOneMassSendADay() {
        String t = token(OTHER);
        assertThat(sendAll(t, draft(t, "今天"), null).errcode()).isZero();
        String second = draft(t, "又一篇");
        assertThat(sendAll(t, second, null).errcode()).isEqualTo(45028);
        clock.advance(Duration.ofDays(1));
        t = token(OTHER);
        assertThat(sendAll(t, second, null).errcode()).isZero();
    }

    @Test
    void allowsServiceAccountsFourMassSendsAMonth() {
        String t = token();
        for (int i = 0; i < 4; i++) {
            assertThat(sendAll(t, draft(t, "第" + i), null).errcode()).isZero();
        }
        assertThat(sendAll(t, draft(t, "第五"), null).errcode()).isEqualTo(45028);
    }

    @Test
    void refusesMassSendForUnverifiedAccounts() {
        String t = token(UNVERIFIED);
        assertThat(sendAll(t, draft(t, "未认证"), null).errcode()).isEqualTo(48001);
    }

    @Test
    void previewsADraftWithoutConsumingIt() {
        String t = token();
        String mediaId = draft(t, "预览");
        SimClient.Answer a = client.post("/cgi-bin/message/mass/preview?access_token=" + t, Map.of("towxname",
                "staff01", "mpnews", Map.of("media_id", mediaId), "msgtype", "mpnews"));
        assertThat(a.errcode()).isZero();
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + t, Map.of("media_id", mediaId)).errcode())
                .isZero();
        assertThat(client.post("/cgi-bin/message/mass/preview?access_token=" + t, Map.of("towxname", "staff01",
                "mpnews", Map.of("media_id", "gone"), "msgtype", "mpnews")).errcode()).isEqualTo(40007);
    }
}
