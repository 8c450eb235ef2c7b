package cn.gongkai.wechat;

/**
 * publish_id as plain text. WeChat sends it as a JSON string ({@code "100000001"}) or a number; WxJava's
 * {@code submit()} returns {@code JsonElement.toString()}, which keeps the quotes of the string form.
 */
final class PublishIds {

    private PublishIds() {
    }

    /** The id without JSON quotes or whitespace; null when there is none. */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip();
        while (id.length() >= 2 && id.startsWith("\"") && id.endsWith("\"")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        if (id.isEmpty() || id.equals("null") || id.contains("\"")) {
            return null;
        }
        // a number WeChat (or Gson) rendered as 2.247503051E9 or 100000001.0
        if (id.matches("[0-9.]+([eE][0-9]+)?") && !id.matches("[0-9]+")) {
            try {
                return new java.math.BigDecimal(id).toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return id;
            }
        }
        return id;
    }
}
