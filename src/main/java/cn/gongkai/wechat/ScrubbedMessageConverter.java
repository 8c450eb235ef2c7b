package cn.gongkai.wechat;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback {@code %smsg}: the formatted message with access tokens, secrets and passwords masked. */
public final class ScrubbedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogScrubber.scrub(super.convert(event));
    }
}
