package cn.gongkai.cli;

/** A mistake in what the user asked for; exit code 1 with this message. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
