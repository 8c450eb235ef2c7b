package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryException.Kind;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.SendReceipt;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a 报送 package to a webhook with the JDK's HTTP client: a POST of the {@link WebhookDocument} with the headers
 * {@code Idempotency-Key} (the same on every attempt), {@code X-Gongkai-Signature} ({@code sha256=} HMAC of the
 * timestamp, a dot and the body) and {@code X-Gongkai-Timestamp} (epoch seconds). Redirects are never followed. The URL must be https, except for a
 * receiver on this machine (http://127.0.0.1, http://localhost).
 */
public final class WebhookSender implements PortalSender {
    static final String SIGNATURE_HEADER = "X-Gongkai-Signature";
    static final String TIMESTAMP_HEADER = "X-Gongkai-Timestamp";
    private static final int MAX_ANSWER = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final String portalId;
    private final PortalConfig.Webhook webhook;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(String portalId, PortalConfig.Webhook webhook, Clock clock, SSLContext tls) {
        this.portalId = Objects.requireNonNull(portalId, "portalId");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.clock = Objects.requireNonNull(clock, "clock");
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(webhook.timeout());
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /** A sender to the portal's webhook, trusting the JDK's certificates. */
    public static WebhookSender to(String portalId, PortalConfig.Webhook webhook) {
        return new WebhookSender(portalId, webhook, Clock.systemUTC(), null);
    }

    @Override
    public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException {
        URI url = checkReady();
        byte[] body = WebhookDocument.body(pkg);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(webhook.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", identity.idempotencyKey())
                .header(SIGNATURE_HEADER, WebhookDocument.signature(timestamp, body, webhook.secret().reveal()))
                .header(TIMESTAMP_HEADER, timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        SendReceipt receipt = exchange(request, identity);
        LOG.info("Portal {} item {} posted to {}: reference {}", portalId, pkg.itemId(), where(), receipt.reference());
        return receipt;
    }

    /** The URL when it is usable (https, or http to this machine) and the secret is set; else permanent. */
    URI checkReady() throws DeliveryException {
        URI url = WebhookUrl.check(portalId, webhook.url());
        if (webhook.secret().isEmpty()) {
            throw new DeliveryException(Kind.PERMANENT, "webhook secret of portal " + portalId + " not set",
                    "没有设置 webhook 的签名密钥：请设置 portals[" + portalId + "].webhook.secret（只从环境变量读取），"
                            + "密钥向区政府办索取。", null);
        }
        return url;
    }

    /** For {@code doctor}: the HTTP status of a HEAD on the URL's origin; nothing is posted. */
    int reach() throws DeliveryException, IOException, InterruptedException {
        URI origin = checkReady().resolve("/");
        return client.send(HttpRequest.newBuilder(origin).timeout(webhook.timeout())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private SendReceipt exchange(HttpRequest request, DeliveryIdentity identity) throws DeliveryException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] answer;
            try (InputStream in = response.body()) {
                answer = in.readNBytes(MAX_ANSWER);
            }
            return new WebhookAnswer(portalId, where()).interpret(response.statusCode(), answer,
                    identity.idempotencyKey());
        } catch (IOException e) {
            throw failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(Kind.MAYBE_DELIVERED, "interrupted while posting to " + where(),
                    "发送到 " + where() + " 时程序被中断：对方可能已经收到，下次用同一个 Idempotency-Key 重新发送。", e);
        }
    }

    /** Before the request left: transient (or permanent for a certificate); after: may have arrived. */
    private DeliveryException failed(IOException e) {
        String where = where();
        if (e instanceof HttpConnectTimeoutException || causedBy(e, ConnectException.class)
                || causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
            return new DeliveryException(Kind.TRANSIENT, "cannot connect to " + where + ": " + e,
                    "连不上区政府办的接收地址 " + where + "（" + e.getClass().getSimpleName() + "），报送没有发出，稍后会重试："
                            + "请确认 portals[" + portalId + "].webhook.url 正确，且本机网络可以访问它。", e);
        }
        if (causedBy(e, SSLHandshakeException.class)) {
            return new DeliveryException(Kind.PERMANENT, "TLS handshake with " + where + " failed: " + e,
                    "与 " + where + " 建立 https 加密连接失败（证书不受信任或名称不符）：请确认 portals[" + portalId
                            + "].webhook.url 中的主机名与证书一致，必要时把对方的根证书导入 Java 信任库。", e);
        }
        String what = e instanceof HttpTimeoutException ? "等待答复超时" : "连接中断";
        return new DeliveryException(Kind.MAYBE_DELIVERED, "no answer from " + where + ": " + e,
                "报送已发往 " + where + "，但" + what + "，没有收到答复：对方可能已经收到。下次用同一个 Idempotency-Key "
                        + "重新发送，对方可以认出是同一篇。", e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Scheme, host and port of the URL: its path may carry a token, so it is never shown. */
    String where() {
        return WebhookUrl.origin(webhook.url());
    }

    /** E.g. {@code webhook https://xxbs.hq.gov.cn（签名密钥已设置）} — no path, no secret. */
    @Override
    public String describe() {
        return "webhook " + where() + (webhook.secret().isEmpty() ? "（未设置签名密钥）" : "（签名密钥已设置）");
    }

    @Override
    public String toString() {
        return "WebhookSender[" + portalId + ", " + where() + "]";
    }
}
