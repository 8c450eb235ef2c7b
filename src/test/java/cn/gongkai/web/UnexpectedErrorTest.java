package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * When the fault is ours (here: the database is gone), the answer is a 500 with a generic Chinese message and no
 * internals, and the log has exactly one line with the stack trace; a client's mistake logs no stack at all.
 */
class UnexpectedErrorTest {
    @TempDir
    Path dir;

    private ConsoleFixture app;
    private Staff staff;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        app = new ConsoleFixture(dir, new MutableClock(Instant.parse("2026-03-02T02:00:00Z")));
        app.user("管理员", Role.ADMIN);
        staff = new Staff(app, "管理员");
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        app.close();
    }

    private long stackTraces() {
        return logs.list.stream().filter(e -> e.getThrowableProxy() != null).count();
    }

    @Test
    void aFailureOfOursAnswers500WithAGenericChineseMessageAndLogsOneStackTrace() throws Exception {
        String token = app.wiring.users().createToken("管理员");
        app.wiring.database().close();

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.url("/api/items"))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("服务器内部错误", "告诉管理员").doesNotContain("Exception", "jdbc", "at ");
        assertThat(stackTraces()).isEqualTo(1);
        assertThat(logs.list).filteredOn(e -> e.getThrowableProxy() != null).allMatch(e ->
                e.getLevel() == Level.ERROR && e.getFormattedMessage().contains("/api/items"));

        HttpResponse<String> page = staff.get("/items");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("服务器内部错误").doesNotContain("Exception");
        assertThat(stackTraces()).isEqualTo(2);
    }

    @Test
    void aMalformedRequestLogsOneLineWithoutAStackTrace() throws Exception {
        HttpResponse<String> r = staff.multipart("/uploads", "b", "--b\r\nContent-Disposition: form-data; name=\"file\""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(stackTraces()).isZero();
        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("/uploads")).hasSize(1);
    }
}
