package cn.gongkai.store;

import java.sql.SQLException;

/** A database operation failed; the message names the operation and what it concerned (item id, account …). */
public final class StoreException extends RuntimeException {

    private static final String UNIQUE_VIOLATION = "23505";

    StoreException(String message, Throwable cause) {
        super(cause == null || cause.getMessage() == null ? message : message + ": " + firstLine(cause.getMessage()),
                cause);
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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
