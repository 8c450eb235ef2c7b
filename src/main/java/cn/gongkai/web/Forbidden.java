package cn.gongkai.web;

/** A request the user may not make: shown as a 403 page with the reason in Chinese. */
final class Forbidden extends RuntimeException {
    Forbidden(String message) {
        super(message);
    }
}
