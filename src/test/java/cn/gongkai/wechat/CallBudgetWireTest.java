package cn.gongkai.wechat;

import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static cn.gongkai.wechat.WireServer.TOKEN_PATH;
import static cn.gongkai.wechat.WireServer.json;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.ACCOUNT;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.CLOCK;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.FAST;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.NEXT_BEIJING_MIDNIGHT;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gateway counts every request, token fetches included, and sends none beyond the product's share. */
class CallBudgetWireTest {

    static final String STATUS = "/cgi-bin/freepublish/get";
    static final String SUBMIT = "/cgi-bin/freepublish/submit";

    WireServer wx;
    CallBudget budget;
    WxJavaGateway gateway;

    @BeforeEach
    void start() throws IOException {
        wx = new WireServer();
        budget = CallBudget.inMemory(Map.of("freepublish/get", 100, "freepublish/submit", 2, "stable_token", 500_000),
                0.9, CLOCK);
        gateway = new WxJavaGateway(List.of(account(ACCOUNT, "wx0123456789abcdef", wx)), FAST, budget, CLOCK);
    }

    @AfterEach
    void stop() {
        gateway.close();
        wx.close();
    }

    @Test
    void statusPollsStopAtNinetyOfTheHundredADayAndTheNinetyFirstIsNeverSent() {
        wx.always(STATUS, json("{\"publish_id\":\"1\",\"publish_status\":1}"));
        for (int i = 0; i < 90; i++) {
            assertThat(gateway.publishStatus(ACCOUNT, "1").state()).isEqualTo(PublishStatus.State.PUBLISHING);
        }

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.publishStatus(ACCOUNT, "1"));

        assertThat(e.kind()).isEqualTo(Kind.QUOTA);
        assertThat(e.code()).isEqualTo(CallBudget.REFUSED);
        assertThat(e.retryAfter()).isEqualTo(NEXT_BEIJING_MIDNIGHT);
        assertThat(e.staffMessage()).contains("freepublish/get", "剩余 0 次");
        assertThat(wx.count(STATUS)).isEqualTo(90);
    }

    @Test
    void retriesCountToo() {
        wx.enqueue(STATUS, WireServer.error(-1, "system error"), WireServer.error(-1, "system error"),
                json("{\"publish_id\":\"1\",\"publish_status\":1}"));

        gateway.publishStatus(ACCOUNT, "1");

        assertThat(usage("freepublish/get").used()).isEqualTo(3);
        assertThat(usage("stable_token").used()).isEqualTo(wx.count(TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void aSubmitBeyondTheShareIsQuotaNotAnUnknownOutcome() {
        wx.always(SUBMIT, json("{\"errcode\":0,\"publish_id\":\"7\"}"));
        gateway.submitPublish(ACCOUNT, "D1");

        WeChatException e = catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D2"));

        assertThat(e.kind()).isEqualTo(Kind.QUOTA);
        assertThat(wx.count(SUBMIT)).isEqualTo(1);
    }

    @Test
    void aProbeRefusedByTheBudgetReportsTheRefusal() {
        CallBudget tight = CallBudget.inMemory(Map.of("stable_token", 0), 0.9, CLOCK);
        try (WxJavaGateway g = new WxJavaGateway(List.of(account(ACCOUNT, "wx0123456789abcdef", wx)), FAST, tight,
                CLOCK)) {
            var probe = g.probe(ACCOUNT);
            assertThat(probe.token().code()).isEqualTo(CallBudget.REFUSED);
            assertThat(wx.count(TOKEN_PATH)).isZero();
        }
    }

    CallBudget.Usage usage(String api) {
        return budget.usage(ACCOUNT).stream().filter(u -> u.api().equals(api)).findFirst().orElseThrow();
    }
}
