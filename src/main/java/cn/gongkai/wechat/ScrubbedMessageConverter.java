package cn.gongkai.wechat;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback {@code %smsg}: the formatted message with access tokens, secrets and passwords masked, and control
 * characters escaped ({@link LogEscaper}) so that text from a request cannot forge a log line.
 */
public final class ScrubbedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogEscaper.escape(LogScrubber.scrub(super.convert(event)));
    }
}
