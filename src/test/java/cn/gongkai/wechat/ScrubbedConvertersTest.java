package cn.gongkai.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class ScrubbedConvertersTest {
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String message, Throwable t, Object... args) {
        return new LoggingEvent("test", context.getLogger("me.chanjar.weixin"), Level.WARN, message, t, args);
    }

    @Test
    void theMessageConverterMasksTokensInWxJavasRequestUrls() {
        ScrubbedMessageConverter c = new ScrubbedMessageConverter();
        c.setContext(context);
        c.start();

        String line = c.convert(event("\n【请求地址】: {}", null,
                "https://api.weixin.qq.com/cgi-bin/draft/add?access_token=97_AbCdEfGh12345678"));

        assertThat(line).contains("access_token=***").doesNotContain("97_AbCdEfGh12345678");
    }

    @Test
    void theThrowableConverterMasksSecretsInStackTraceMessages() {
        ScrubbedThrowableConverter c = new ScrubbedThrowableConverter();
        c.setContext(context);
        c.start();

        String trace = c.convert(event("failed", new IllegalStateException(
                "GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=SuperSecretValue123")));

        assertThat(trace).contains("IllegalStateException").doesNotContain("SuperSecretValue123");
    }
}
