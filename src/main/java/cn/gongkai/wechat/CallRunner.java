package cn.gongkai.wechat;

import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.WeChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/** Runs one WxJava call under a {@link CallPolicy}: exponential backoff on retryable failures, then a mapped exception. */
final class CallRunner {

    private static final Logger log = LoggerFactory.getLogger(CallRunner.class);

    /** A WxJava call; WxJava throws the checked {@code WxErrorException} and assorted unchecked ones. */
    @FunctionalInterface
    interface WxCall<T> {
        T call() throws Exception;
    }

    private final int retries;
    private final Duration backoff;
    private final Clock clock;

    CallRunner(WeChatClientConfig config, Clock clock) {
        this.retries = config.retries();
        this.backoff = config.retryBackoff();
        this.clock = clock;
    }

    <T> T run(String account, String api, CallPolicy policy, WxCall<T> call) {
        for (int attempt = 0; ; attempt++) {
            Failure failure;
            try {
                return call.call();
            } catch (Exception e) {
                WeChatException refused = ownRefusal(e);
                if (refused != null) {
                    throw refused;
                }
                failure = Failure.of(e);
            }
            if (attempt >= retries || !policy.retries(failure)) {
                log.warn("WeChat {} for account {} failed: errcode {} ({}), {} after {} attempt(s)", api, account,
                        failure.code(), failure.errmsg(), failure.delivery(), attempt + 1);
                throw policy.toException(account, api, failure, clock);
            }
            long sleepMillis = backoff.toMillis() << Math.min(attempt, 20);
            log.info("WeChat {} for account {} failed: errcode {} ({}); retry {}/{} in {} ms", api, account,
                    failure.code(), failure.errmsg(), attempt + 1, retries, sleepMillis);
            if (!sleep(sleepMillis)) {
                throw policy.toException(account, api, failure, clock);
            }
        }
    }

    /** A refusal of our own (the daily call budget) raised inside WxJava's call, passed on unchanged. */
    private static WeChatException ownRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WeChatException w) {
                return w;
            }
        }
        return null;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A successful answer that lacks a field we need; treated like an unreadable answer. */
    static <T> T require(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalStateException("WeChat answer has no " + field);
        }
        return value;
    }
}
