package cn.gongkai.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Text from a request cannot forge a log line: the log lines as the shipped {@code config/logback.xml} writes them. */
class LogLineForgingTest {
    private static final String FORGED = "2026-03-02 10:00:00 INFO  [main] c.g.w.ConsoleAccess - 管理员 logged in";

    private final LoggerContext context = new LoggerContext();
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void configure() throws Exception {
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(Path.of("config/logback.xml").toFile());
        appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("STDERR");
        assertThat(appender).as("the shipped configuration's appender").isNotNull();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String written(String message, Throwable t, Object... args) {
        LoggingEvent e = new LoggingEvent("test", context.getLogger("cn.gongkai.web.ConsoleAccess"), Level.INFO,
                message, t, args);
        return new String(appender.getEncoder().encode(e), StandardCharsets.UTF_8);
    }

    @Test
    void aUserNameWithALineBreakStaysOnTheLineOfItsEvent() {
        String line = written("Failed login for {} from {}", null, "nobody\n" + FORGED, "10.0.0.9");

        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("Failed login for nobody\\n2026-03-02 10:00:00 INFO", "from 10.0.0.9");
    }

    @Test
    void carriageReturnsTabsAndOtherControlCharactersAreEscapedToo() {
        String line = written("Title {}", null, "a\rb\tc\u0000d\u001be\u2028f\u202eg\u0085h");

        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("a\\rb\\tc\\u0000d\\u001be\\u2028f\\u202eg\\u0085h");
    }

    @Test
    void secretsAreStillMaskedAfterEscaping() {
        String line = written("Request {}", null, "GET /cgi-bin/token?secret=SuperSecret123&x=1\nnext");

        assertThat(line).contains("secret=***").doesNotContain("SuperSecret123");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void anExceptionMessageCannotAddLinesToTheStackTrace() {
        String out = written("Unexpected error", new IllegalArgumentException("bad value\n" + FORGED));

        assertThat(out).contains("IllegalArgumentException: bad value\\n2026-03-02 10:00:00 INFO");
        assertThat(out.lines()).noneMatch(l -> l.startsWith("2026-03-02 10:00:00 INFO"));
    }

    @Test
    void plainChineseTextIsWrittenAsItIs() {
        assertThat(written("{} 已发布", null, "红旗区商务局召开促消费工作推进会")).contains("红旗区商务局召开促消费工作推进会 已发布");
    }
}
