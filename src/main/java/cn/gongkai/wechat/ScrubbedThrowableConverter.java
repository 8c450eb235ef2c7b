package cn.gongkai.wechat;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback {@code %sex}: stack traces with access tokens, secrets and passwords masked in every message. */
public final class ScrubbedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return LogScrubber.scrub(super.throwableProxyToString(tp));
    }
}
