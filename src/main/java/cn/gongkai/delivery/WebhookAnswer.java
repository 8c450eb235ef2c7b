package cn.gongkai.delivery;

import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryException.Kind;
import cn.gongkai.portal.SendReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the webhook's answer means: 2xx (and 409, "already received under this Idempotency-Key") is sent — reference
 * from {@code id} or {@code request_id}, else the key; an http(s) {@code url} is the portal's link —, 3xx is refused
 * (redirects are not followed), other 4xx permanent, 5xx transient.
 */
final class WebhookAnswer {
    private static final int MAX_FIELD = 2000;
    private static final int MAX_QUOTE = 160;

    private final String key;
    private final String where;

    WebhookAnswer(String portalId, String where) {
        this.key = "portals[" + portalId + "].webhook";
        this.where = where;
    }

    SendReceipt interpret(int status, byte[] body, String idempotencyKey) throws DeliveryException {
        if (status / 100 == 2 || status == 409) {
            Optional<JsonNode> json = json(body);
            String reference = json.flatMap(j -> text(j, "id").or(() -> text(j, "request_id"))).orElse(idempotencyKey);
            return new SendReceipt(reference, json.flatMap(j -> text(j, "url")).filter(WebhookAnswer::webUrl));
        }
        throw refusal(status, body);
    }

    private DeliveryException refusal(int status, byte[] body) {
        String said = quote(body);
        String head = "区政府办的接收地址 " + where + " 答复 HTTP " + status + (said.isEmpty() ? "" : "（" + said + "）");
        if (status >= 500) {
            return failure(Kind.TRANSIENT, status, head + "：对方服务暂时出错，稍后会用同一个 Idempotency-Key 重试。");
        }
        String fix = switch (status) {
            case 401, 403 -> "对方不认这个签名：请向区政府办核对密钥，设置 " + key + ".secret（只从环境变量读取）。";
            case 404, 405, 410 -> "地址不对：请检查 " + key + ".url。";
            case 413 -> "报送包太大：请减少或压缩图片后重新发送。";
            case 429 -> "发送太频繁：稍后会重试。";
            default -> status / 100 == 3 ? "接收地址要求跳转，程序不跟随跳转：请把 " + key + ".url 改成新的地址。"
                    : "对方拒收了这份报送：请按对方的说明改正后重新发送。";
        };
        return failure(status == 429 ? Kind.TRANSIENT : Kind.PERMANENT, status, head + "。" + fix);
    }

    private DeliveryException failure(Kind kind, int status, String staff) {
        return new DeliveryException(kind, "webhook " + where + " answered HTTP " + status, staff, null);
    }

    static Optional<JsonNode> json(byte[] body) {
        try {
            JsonNode node = WebhookDocument.JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !(v.isTextual() || v.isIntegralNumber())) {
            return Optional.empty();
        }
        String s = v.asText().replaceAll("\\p{Cntrl}", "").strip();
        return s.isEmpty() || s.length() > MAX_FIELD ? Optional.empty() : Optional.of(s);
    }

    private static boolean webUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String quote(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}+", " ").strip();
        return text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "…" : text;
    }
}
