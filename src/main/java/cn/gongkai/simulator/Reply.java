package cn.gongkai.simulator;

import java.nio.charset.StandardCharsets;

/** What the simulator answers on the wire. */
record Reply(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; encoding=utf-8";

    static Reply json(Object value) {
        return new Reply(200, JSON, Json.bytes(value));
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply ok() {
        return json(Json.error(0, "ok"));
    }
}
