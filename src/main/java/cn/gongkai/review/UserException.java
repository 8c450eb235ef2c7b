package cn.gongkai.review;

/** A staff account operation that cannot be done; the message says why, in Chinese, and never holds a secret. */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
