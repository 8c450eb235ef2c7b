package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Exactly one slf4j back end, logback: {@link App} hides slf4j's own warnings (its notice about replayed start-up
 * events), among them the ones that would name a missing or second back end.
 */
class LoggingBackendTest {
    @Test
    void logbackIsTheOnlyLoggingBackEnd() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()).toList())
                .containsExactly("ch.qos.logback.classic.spi.LogbackServiceProvider");
    }
}
