package cn.gongkai.store;

import cn.gongkai.config.JdbcUrls;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of a driver or pool exception chain whose messages went through {@link JdbcUrls#mask(String, String)}:
 * HikariCP and the JDBC drivers may put the JDBC URL (with the password written in it) or the password itself into
 * a message, which doctor prints and the log writes. Keeps the original class name (in {@link #toString()}) and the
 * stack traces.
 */
final class MaskedCause extends RuntimeException {
    private static final int MAX_DEPTH = 8;
    private final String originalClass;

    private MaskedCause(String originalClass, String message, Throwable cause) {
        super(message, cause, false, true);
        this.originalClass = originalClass;
    }

    static Throwable of(Throwable original, String password) {
        return copy(original, password, new IdentityHashMap<>(), 0);
    }

    private static Throwable copy(Throwable t, String password, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth >= MAX_DEPTH || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        MaskedCause copy = new MaskedCause(t.getClass().getName(), JdbcUrls.mask(t.getMessage(), password),
                copy(t.getCause(), password, seen, depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
}
