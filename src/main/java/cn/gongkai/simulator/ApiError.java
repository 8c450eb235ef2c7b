package cn.gongkai.simulator;

/** A WeChat error answer ({@code errcode}/{@code errmsg}) raised by an endpoint; answered with HTTP 200. */
final class ApiError extends RuntimeException {
    private final int code;
    private final String extraJsonField;
    private final Object extraJsonValue;

    ApiError(int code, String message) {
        this(code, message, null, null);
    }

    ApiError(int code, String message, String extraJsonField, Object extraJsonValue) {
        super(message, null, false, false);
        this.code = code;
        this.extraJsonField = extraJsonField;
        this.extraJsonValue = extraJsonValue;
    }

    int code() {
        return code;
    }

    /** A field the real API adds to some error answers (45065 carries the original {@code msg_id}). */
    String extraJsonField() {
        return extraJsonField;
    }

    Object extraJsonValue() {
        return extraJsonValue;
    }

    /** An injected errcode with the message the real API uses for it where one is known. */
    static ApiError injected(int code) {
        String message = switch (code) {
            case -1 -> "system error";
            case 40001 -> "invalid credential, access_token is invalid or not latest";
            case 40014 -> "invalid access_token";
            case 42001 -> "access_token expired";
            case 40164 -> "invalid ip, not in whitelist";
            case 45009 -> "reach max api daily quota limit";
            case 45011 -> "api minute-quota reach limit";
            case 48001 -> "api unauthorized";
            default -> "simulated error";
        };
        return new ApiError(code, message);
    }

    static ApiError invalidMediaId(String mediaId) {
        return new ApiError(40007, "invalid media_id hint: [" + mediaId + "]");
    }

    static ApiError dataFormat() {
        return new ApiError(47001, "data format error");
    }

    static ApiError invalidArgument(String what) {
        return new ApiError(40002, "invalid " + what);
    }
}
