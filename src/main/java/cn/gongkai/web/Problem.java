package cn.gongkai.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error answer in the shape of RFC 9457 ({@code application/problem+json}), with the fields at fault. */
final class Problem {
    static final String CONTENT_TYPE = "application/problem+json;charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final List<Map<String, Object>> warnings = new ArrayList<>();

    Problem(int status, String type, String title, String detail) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    /** A field at fault; {@code line} 0 when it has no line. */
    Problem error(String field, int line, String message) {
        errors.add(entry(field, line, message));
        return this;
    }

    Problem warning(String field, int line, String message) {
        warnings.add(entry(field, line, message));
        return this;
    }

    private static Map<String, Object> entry(String field, int line, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        if (line > 0) {
            e.put("line", line);
        }
        e.put("message", message);
        return e;
    }

    void send(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (!warnings.isEmpty()) {
            body.put("warnings", warnings);
        }
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem body not serialisable", e);
        }
    }
}
