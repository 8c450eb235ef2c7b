package cn.gongkai.wechat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Argument checks and small text helpers shared by the gateway's parts. */
final class Args {

    /** WeChat's page size for {@code draft/batchget} and {@code freepublish/batchget}. */
    static final int BATCHGET_PAGE = 20;

    private Args() {
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    static void page(int offset, int count) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (count < 1 || count > BATCHGET_PAGE) {
            throw new IllegalArgumentException("count must be 1–" + BATCHGET_PAGE + ", got " + count);
        }
    }

    /**
     * Removes characters Gson writes as backslash-u escapes, which WeChat then stores literally
     * (U+2028, U+2029, control characters).
     */
    static String plain(String s) {
        return s == null ? null : s.replaceAll("[\\u2028\\u2029\\p{Cntrl}]", "");
    }

    static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A field of a JSON object (nested by the path), as text; null when absent or not JSON. */
    static String field(String json, String... path) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(json);
            for (String name : path) {
                if (!e.isJsonObject()) {
                    return null;
                }
                JsonObject o = e.getAsJsonObject();
                e = o.get(name);
                if (e == null || e.isJsonNull()) {
                    return null;
                }
            }
            return e.isJsonPrimitive() ? e.getAsString() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}
