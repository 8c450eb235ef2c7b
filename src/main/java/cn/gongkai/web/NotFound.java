package cn.gongkai.web;

/** A page about something that does not exist: shown as a 404 page with the reason in Chinese. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
