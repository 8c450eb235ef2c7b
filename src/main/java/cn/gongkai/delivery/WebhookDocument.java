package cn.gongkai.delivery;

import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.PortalPackage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JSON document a webhook receives, and its signature. Fields: {@code id} (the item), {@code portal},
 * {@code title}, {@code subject}, {@code summary} (the plain body), {@code metadata} (the package's metadata JSON,
 * embedded as an object), {@code files} ({@code [{name, type, base64}]}). The signature is
 * {@code sha256=<hex HMAC-SHA256 of the exact body bytes with the portal's secret>}.
 */
final class WebhookDocument {
    static final ObjectMapper JSON = new ObjectMapper();

    private WebhookDocument() {
    }

    /** The body as UTF-8 bytes; a metadata text that is not JSON is the package builder's fault: permanent. */
    static byte[] body(PortalPackage pkg) throws DeliveryException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", pkg.itemId());
        doc.put("portal", pkg.portalId());
        doc.put("title", pkg.title());
        doc.put("subject", pkg.subject());
        doc.put("summary", pkg.plainBody());
        doc.set("metadata", metadata(pkg));
        ArrayNode files = doc.putArray("files");
        for (Attachment a : pkg.attachments()) {
            files.addObject().put("name", a.fileName()).put("type", a.mediaType())
                    .put("base64", Base64.getEncoder().encodeToString(a.content()));
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook document", e);
        }
    }

    private static JsonNode metadata(PortalPackage pkg) throws DeliveryException {
        try {
            return JSON.readTree(pkg.metadataJson());
        } catch (JsonProcessingException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT,
                    "metadata of item " + pkg.itemId() + " is not JSON: " + e.getOriginalMessage(),
                    "报送包中的元数据不是合法的 JSON，无法发送：请联系技术人员。", e);
        }
    }

    /**
     * {@code sha256=} and the lowercase hex HMAC-SHA256 of the timestamp header's value, a dot and the body (as
     * Stripe and Slack sign theirs): a receiver that checks the timestamp's age rejects a replayed request, whose
     * timestamp it cannot change without breaking the signature.
     */
    static String signature(String timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
