package cn.gongkai.store;

import java.sql.SQLException;

/** A database operation failed; the message names the operation and what it concerned (item id, account …). */
public final class StoreException extends RuntimeException {

    private static final String UNIQUE_VIOLATION = "23505";
    /** H2: "Database may be already in use" (another process has the file open and does not share it). */
    private static final int H2_DATABASE_IN_USE = 90020;

    private final boolean inUse;

    StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** {@code inUse}: H2 found its file open in another process that does not share it ({@link #inUse(Throwable)}). */
    StoreException(String message, Throwable cause, boolean inUse) {
        super(cause == null || cause.getMessage() == null ? message : message + ": " + firstLine(cause.getMessage()),
                cause);
        this.inUse = inUse;
    }

    /** True when the cause is a violated unique or primary-key constraint (SQLSTATE 23505 on H2 and PostgreSQL). */
    boolean isUniqueViolation() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when H2 found its file open in another process that does not share it. */
    boolean isInUse() {
        return inUse;
    }

    /** True when {@code e} (a driver's exception, before masking) or a cause is H2's "Database may be already in use". */
    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
