package cn.gongkai.wechat;

import cn.gongkai.config.WeChatClientConfig;
import me.chanjar.weixin.mp.api.impl.WxMpServiceOkHttpImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static cn.gongkai.wechat.WireServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedOkHttpServiceTest {

    static final String SUBMIT = "/cgi-bin/freepublish/submit";
    static final WeChatClientConfig CONFIG = new WeChatClientConfig(Duration.ofMillis(700), Duration.ofMillis(900), 2,
            Duration.ofMillis(5));

    WireServer wx;

    @BeforeEach
    void start() throws IOException {
        wx = new WireServer();
        // the first submit is read, then the connection dies; a second submit would be answered normally
        wx.enqueue(SUBMIT, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                json("{\"errcode\":0,\"publish_id\":\"2\"}"));
    }

    @AfterEach
    void stop() {
        wx.close();
    }

    WxMpDefaultConfigImpl config() {
        WxMpDefaultConfigImpl cfg = new MaskedWxConfig();
        cfg.setAppId("wx0123456789abcdef");
        cfg.setSecret("s");
        cfg.useStableAccessToken(true);
        cfg.setHostConfig(WxMpHostConfig.builder().apiHost(wx.baseUrl()).mpHost(wx.baseUrl())
                .openHost(wx.baseUrl()).build());
        return cfg;
    }

    @Test
    void wxJavasDefaultClientSilentlyResendsASubmitWhosePooledConnectionDied() throws Exception {
        WxMpServiceOkHttpImpl plain = new WxMpServiceOkHttpImpl();
        plain.setWxMpConfigStorage(config());
        plain.getAccessToken();

        String id = plain.getFreePublishService().submit("DRAFT-1");

        assertThat(id).isEqualTo("\"2\"");
        assertThat(wx.count(SUBMIT)).as("the hazard our client must prevent").isEqualTo(2);
    }

    @Test
    void ourClientSendsThatSubmitExactlyOnceAndFails() throws Exception {
        GuardedOkHttpService guarded = new GuardedOkHttpService(config(), CONFIG);
        try {
            guarded.getAccessToken();

            assertThatThrownBy(() -> guarded.getFreePublishService().submit("DRAFT-1"))
                    .hasMessageContaining("unexpected end of stream");
            assertThat(wx.count(SUBMIT)).isEqualTo(1);
        } finally {
            guarded.close();
        }
    }

    @Test
    void theServiceUsesTheClientBuiltFromOurConfigurationForEveryRequest() {
        GuardedOkHttpService guarded = new GuardedOkHttpService(config(), CONFIG);
        try {
            OkHttpClient client = guarded.getRequestHttpClient();

            assertThat(client.retryOnConnectionFailure()).isFalse();
            assertThat(client.followRedirects()).isFalse();
            assertThat(client.connectTimeoutMillis()).isEqualTo(700);
            assertThat(client.readTimeoutMillis()).isEqualTo(900);
            assertThat(client.callTimeoutMillis()).isEqualTo(700 + 2 * 900);
            assertThat(((me.chanjar.weixin.common.util.http.RequestHttp<?, ?>) guarded.getRequestHttp())
                    .getRequestHttpClient()).isSameAs(client);
        } finally {
            guarded.close();
        }
    }

    @Test
    void busyIsNotRetriedByWxJavaItself() {
        wx.always("/cgi-bin/freepublish/get", WireServer.error(-1, "system error"));
        GuardedOkHttpService guarded = new GuardedOkHttpService(config(), CONFIG);
        try {
            assertThatThrownBy(() -> guarded.getFreePublishService().getPushStatus("1"))
                    .isInstanceOf(me.chanjar.weixin.common.error.WxErrorException.class)
                    .hasMessageContaining("-1");
            assertThat(wx.count("/cgi-bin/freepublish/get")).isEqualTo(1);
        } finally {
            guarded.close();
        }
    }
}
