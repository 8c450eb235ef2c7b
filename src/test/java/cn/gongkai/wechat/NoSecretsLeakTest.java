package cn.gongkai.wechat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.WeChatException;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static cn.gongkai.wechat.WireServer.TOKEN;
import static cn.gongkai.wechat.WireServer.error;
import static cn.gongkai.wechat.WireServer.json;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.ACCOUNT;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.CLOCK;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.FAST;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoSecretsLeakTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level rootLevel;
    private WireServer wx;
    private WxJavaGateway gateway;

    @BeforeEach
    void start() throws IOException {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
        wx = new WireServer();
        gateway = new WxJavaGateway(List.of(WxJavaGatewayWireTest.account(ACCOUNT, "wx0123456789abcdef", wx)), FAST,
                CLOCK);
    }

    @AfterEach
    void stop() {
        gateway.close();
        wx.close();
        root.detachAppender(appender);
        root.setLevel(rootLevel);
    }

    @Test
    void noLogLineOrExceptionOfAFailingRunContainsTheAppSecretOrTheAccessToken() {
        wx.enqueue("/cgi-bin/media/uploadimg", json("{\"url\":\"http://mmbiz.qpic.cn/a\"}"));
        wx.enqueue("/cgi-bin/freepublish/get", error(40001, "invalid credential, access_token is invalid"),
                error(40001, "invalid credential, access_token is invalid"),
                new MockResponse.Builder().code(502).body("<html>502 access_token=" + TOKEN + "</html>").build(),
                new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        wx.enqueue("/cgi-bin/freepublish/submit",
                new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        List<WeChatException> failures = new ArrayList<>();

        gateway.uploadBodyImage(ACCOUNT, new MediaFile("a.png", "image/png", new byte[]{1}));
        failures.add(catchThrowableOfType(WeChatException.class, () -> gateway.publishStatus(ACCOUNT, "1")));
        failures.add(catchThrowableOfType(WeChatException.class, () -> gateway.publishStatus(ACCOUNT, "1")));
        failures.add(catchThrowableOfType(WeChatException.class, () -> gateway.submitPublish(ACCOUNT, "D")));
        wx.always("/cgi-bin/stable_token", error(40125, "invalid appsecret, secret=" + SECRET));
        try (WxJavaGateway fresh = new WxJavaGateway(
                List.of(WxJavaGatewayWireTest.account(ACCOUNT, "wx0123456789abcdef", wx)), FAST, CLOCK)) {
            failures.add(catchThrowableOfType(WeChatException.class, () -> fresh.draftExists(ACCOUNT, "D")));
        }

        assertThat(failures).hasSize(4).doesNotContainNull();
        for (WeChatException e : failures) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
            assertThat(e.staffMessage()).doesNotContain(SECRET).doesNotContain(TOKEN);
        }
        List<ILoggingEvent> events = appender.list;
        assertThat(events).isNotEmpty();
        assertThat(events).as("WxJava itself logs the token; the logging layer must scrub it")
                .anySatisfy(ev -> assertThat(ev.getFormattedMessage()).contains("access_token=" + TOKEN));
        for (ILoggingEvent ev : events) {
            String line = ev.getFormattedMessage() + throwableText(ev.getThrowableProxy());
            if (ev.getLoggerName().startsWith("cn.gongkai")) {
                assertThat(line).doesNotContain(SECRET).doesNotContain(TOKEN);
            }
            assertThat(LogScrubber.scrub(line)).doesNotContain(SECRET).doesNotContain(TOKEN);
        }
    }

    private static String throwableText(IThrowableProxy t) {
        StringBuilder sb = new StringBuilder();
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            sb.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
