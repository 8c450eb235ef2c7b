package cn.gongkai.wechat;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of a WxJava/OkHttp exception chain whose messages went through {@link LogScrubber}: WxJava's messages can
 * carry request URLs with {@code access_token=}. Keeps the original class name and stack traces.
 */
final class ScrubbedCause extends RuntimeException {

    private static final int MAX_DEPTH = 8;

    private ScrubbedCause(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    static Throwable of(Throwable original) {
        return copy(original, new IdentityHashMap<>(), 0);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth >= MAX_DEPTH || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        String message = t.getClass().getName();
        if (t.getMessage() != null) {
            message += ": " + LogScrubber.scrub(t.getMessage());
        }
        ScrubbedCause copy = new ScrubbedCause(message, copy(t.getCause(), seen, depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
