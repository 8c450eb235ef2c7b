package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryException.Kind;
import cn.gongkai.portal.SendReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sender against MockWebServer: what the receiver gets, and how each answer is read. */
class WebhookSenderTest {
    private static final String SECRET = "whsec-7c1f0a9e2b";
    private static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z");

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookSender sender(Duration timeout) {
        return sender("http://127.0.0.1:" + server.getPort() + "/api/receive?token=t0k", timeout);
    }

    private static WebhookSender sender(String url, Duration timeout) {
        return new WebhookSender("qzfb", new PortalConfig.Webhook(url, Secret.of(SECRET), timeout),
                Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private DeliveryException failure(WebhookSender sender) {
        return catchThrowableOfType(DeliveryException.class,
                () -> sender.send(TestPackages.sample(), TestPackages.identity()));
    }

    @Test
    void theReceiverGetsTheSignedDocumentWithEveryFileAndTheMetadataEmbedded() throws Exception {
        server.enqueue(json(200, "{\"request_id\":\"XB-2026-0312\"}"));

        SendReceipt receipt = sender(Duration.ofSeconds(5)).send(TestPackages.sample(), TestPackages.identity());

        assertThat(receipt.reference()).isEqualTo("XB-2026-0312");
        assertThat(receipt.adoptedUrl()).isEmpty();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/receive");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("gk-12-qzfb-5f3a9c1e");
        assertThat(request.getHeaders().get("X-Gongkai-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        byte[] body = request.getBody().toByteArray();
        String stamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.getHeaders().get("X-Gongkai-Signature")).isEqualTo("sha256=" + hmac(stamp, body, SECRET));
        // A replay with another timestamp no longer matches the signature.
        assertThat(request.getHeaders().get("X-Gongkai-Signature"))
                .isNotEqualTo("sha256=" + hmac(Long.toString(NOW.getEpochSecond() + 600), body, SECRET));

        JsonNode doc = new ObjectMapper().readTree(body);
        assertThat(doc.get("id").asLong()).isEqualTo(12);
        assertThat(doc.get("portal").asText()).isEqualTo("qzfb");
        assertThat(doc.get("title").asText()).isEqualTo("以旧换新补贴发放情况");
        assertThat(doc.get("subject").asText()).isEqualTo(TestPackages.SUBJECT);
        assertThat(doc.get("summary").asText()).isEqualTo(TestPackages.BODY);
        assertThat(doc.get("metadata").get("category").asText()).isEqualTo("工作动态");
        assertThat(doc.get("files")).hasSize(3);
        assertThat(doc.get("files").get(0).get("name").asText()).isEqualTo(TestPackages.DOCX_NAME);
        assertThat(doc.get("files").get(0).get("type").asText()).isEqualTo(TestPackages.DOCX);
        assertThat(Base64.getDecoder().decode(doc.get("files").get(0).get("base64").asText()))
                .isEqualTo(TestPackages.binary(40_000, 7));
        assertThat(Base64.getDecoder().decode(doc.get("files").get(1).get("base64").asText()))
                .isEqualTo(TestPackages.binary(25_000, 3));
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotMatch() throws Exception {
        server.enqueue(json(200, "{}"));
        sender(Duration.ofSeconds(5)).send(TestPackages.sample(), TestPackages.identity());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("X-Gongkai-Signature"))
                .isNotEqualTo("sha256=" + hmac(request.getHeaders().get("X-Gongkai-Timestamp"),
                        request.getBody().toByteArray(), "another-secret"));
    }

    @Test
    void aTwoHundredWithAUrlCarriesThePortalLinkAndWithoutAnIdTheReferenceIsTheKey() throws Exception {
        server.enqueue(json(201, "{\"url\":\"https://www.hq.gov.cn/zwgk/2026/12/art_12.html\"}"));

        SendReceipt receipt = sender(Duration.ofSeconds(5)).send(TestPackages.sample(), TestPackages.identity());

        assertThat(receipt.reference()).isEqualTo("gk-12-qzfb-5f3a9c1e");
        assertThat(receipt.adoptedUrl()).contains("https://www.hq.gov.cn/zwgk/2026/12/art_12.html");
    }

    @Test
    void aUrlThatIsNotAWebAddressIsIgnoredAndAnEmptyBodyIsStillSent() throws Exception {
        server.enqueue(json(200, "{\"id\":77,\"url\":\"javascript:alert(1)\"}"));
        server.enqueue(new MockResponse.Builder().code(204).build());

        SendReceipt first = sender(Duration.ofSeconds(5)).send(TestPackages.sample(), TestPackages.identity());
        SendReceipt second = sender(Duration.ofSeconds(5)).send(TestPackages.sample(), TestPackages.identity());

        assertThat(first.reference()).isEqualTo("77");
        assertThat(first.adoptedUrl()).isEmpty();
        assertThat(second.reference()).isEqualTo("gk-12-qzfb-5f3a9c1e");
    }

    @Test
    void aResendCarriesTheSameIdempotencyKeyAndA409MeansAlreadyReceived() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());
        server.enqueue(json(409, "{\"id\":\"XB-2026-0312\",\"error\":\"duplicate\"}"));
        WebhookSender sender = sender(Duration.ofSeconds(5));

        DeliveryException first = failure(sender);
        SendReceipt second = sender.send(TestPackages.sample(), TestPackages.identity());

        assertThat(first.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(first.staffMessage()).contains("HTTP 503").contains("稍后会用同一个 Idempotency-Key 重试");
        assertThat(second.reference()).isEqualTo("XB-2026-0312");
        assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
                .isEqualTo(server.takeRequest().getHeaders().get("Idempotency-Key"));
    }

    @Test
    void aClientErrorIsPermanentAndA401NamesTheSecretKeyWithoutTheSecret() {
        server.enqueue(json(401, "{\"error\":\"bad signature\"}"));
        server.enqueue(json(422, "{\"error\":\"title missing\"}"));

        DeliveryException unauthorized = failure(sender(Duration.ofSeconds(5)));
        DeliveryException invalid = failure(sender(Duration.ofSeconds(5)));

        assertThat(unauthorized.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(unauthorized.staffMessage()).contains("HTTP 401").contains("portals[qzfb].webhook.secret")
                .doesNotContain(SECRET);
        assertThat(invalid.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(invalid.staffMessage()).contains("HTTP 422").contains("title missing");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());

        DeliveryException e = failure(sender(Duration.ofSeconds(5)));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("HTTP 302").contains("portals[qzfb].webhook.url");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noAnswerWithinTheTimeoutAfterSendingMayHaveDelivered() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());

        DeliveryException e = failure(sender(Duration.ofMillis(400)));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_DELIVERED);
        assertThat(e.staffMessage()).contains("可能已经收到").contains("Idempotency-Key");
        assertThat(server.takeRequest().getBodySize()).isPositive();
    }

    @Test
    void aRefusedConnectionIsTransientAndTheMessageShowsNoPathOrToken() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        DeliveryException e = failure(sender("http://127.0.0.1:" + port + "/api/receive?token=t0k",
                Duration.ofSeconds(2)));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.staffMessage()).contains("http://127.0.0.1:" + port).doesNotContain("t0k");
    }

    @Test
    void plainHttpToAnotherMachineAndAMissingSecretAreRefusedBeforeSending() {
        DeliveryException http = failure(sender("http://xxbs.hq.gov.cn/api/receive", Duration.ofSeconds(1)));
        WebhookSender noSecret = new WebhookSender("qzfb", new PortalConfig.Webhook("https://xxbs.hq.gov.cn/api",
                Secret.empty(), Duration.ofSeconds(1)), Clock.systemUTC(), null);

        assertThat(http.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(http.staffMessage()).contains("https").contains("portals[qzfb].webhook.url");
        assertThat(failure(noSecret).staffMessage()).contains("portals[qzfb].webhook.secret");
        assertThat(noSecret.describe()).contains("https://xxbs.hq.gov.cn").contains("未设置签名密钥");
    }

    static String hmac(String timestamp, byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aConnectionDroppedAfterTheRequestWasReadMayHaveDelivered() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        DeliveryException e = failure(sender(Duration.ofSeconds(5)));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_DELIVERED);
        assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("gk-12-qzfb-5f3a9c1e");
    }

    @Test
    void httpsWorksWithATrustedCertificateAndAnUntrustedOneIsPermanent() throws Exception {
        try (MockWebServer https = new MockWebServer()) {
            https.useHttps(TestTls.get().server().getSocketFactory());
            https.start(InetAddress.getByName("127.0.0.1"), 0);
            https.enqueue(json(200, "{\"id\":\"T-1\"}"));
            PortalConfig.Webhook hook = new PortalConfig.Webhook("https://localhost:" + https.getPort() + "/in",
                    Secret.of(SECRET), Duration.ofSeconds(5));

            SendReceipt receipt = new WebhookSender("qzfb", hook, Clock.systemUTC(), TestTls.get().client())
                    .send(TestPackages.sample(), TestPackages.identity());
            DeliveryException untrusted = failure(WebhookSender.to("qzfb", hook));

            assertThat(receipt.reference()).isEqualTo("T-1");
            assertThat(untrusted.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(untrusted.staffMessage()).contains("证书").contains("portals[qzfb].webhook.url");
            assertThat(https.getRequestCount()).isEqualTo(1);
        }
    }
}
