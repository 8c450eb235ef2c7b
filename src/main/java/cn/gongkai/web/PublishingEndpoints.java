package cn.gongkai.web;

import cn.gongkai.publish.CallbackReader;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.Watchdog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing on the web: the WeChat callback route {@code /wechat/callback/{account}} — GET verifies the URL,
 * POST receives PUBLISHJOBFINISH events (plain or AES mode, signature checked) and finishes the waiting batch
 * from the database alone, well inside WeChat's 5 seconds — and the watchdog's warnings for {@code /healthz}.
 */
public final class PublishingEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(PublishingEndpoints.class);
    static final String CALLBACK_PATH = "/wechat/callback/{account}";

    private final Publisher publisher;
    private final CallbackReader callbacks;
    private final Watchdog watchdog;

    /**
     * @param publisher takes the events
     * @param callbacks checks and reads WeChat's requests
     * @param watchdog  its warnings appear in {@code /healthz}
     */
    public PublishingEndpoints(Publisher publisher, CallbackReader callbacks, Watchdog watchdog) {
        this.publisher = publisher;
        this.callbacks = callbacks;
        this.watchdog = watchdog;
    }

    void register(RoutesConfig routes) {
        routes.get(CALLBACK_PATH, this::verify);
        routes.post(CALLBACK_PATH, this::receive);
    }

    /** The watchdog's current warnings, as {@code /healthz} lists them. */
    List<Map<String, Object>> warnings() {
        return watchdog.check().stream().map(w -> Map.<String, Object>of("kind", w.kind().name().toLowerCase(
                java.util.Locale.ROOT), "account", w.account(), "message", w.message())).toList();
    }

    private boolean known(Context ctx, String account) {
        if (!callbacks.enabled(account)) {
            ctx.status(404).result("公众号 " + account + " 未配置回调（callback-token）");
            return false;
        }
        return true;
    }

    private void verify(Context ctx) {
        String account = ctx.pathParam("account");
        if (!known(ctx, account)) {
            return;
        }
        Optional<String> echo = callbacks.verify(account, ctx.queryParam("timestamp"), ctx.queryParam("nonce"),
                ctx.queryParam("signature"), ctx.queryParam("echostr"));
        if (echo.isPresent()) {
            LOG.info("WeChat verified the callback URL of account {}", account);
            ctx.contentType("text/plain").result(echo.get());
        } else {
            LOG.warn("Callback URL verification for account {} with a wrong signature refused", account);
            ctx.status(403).result("签名错误");
        }
    }

    private void receive(Context ctx) {
        String account = ctx.pathParam("account");
        if (!known(ctx, account)) {
            return;
        }
        CallbackReader.Request request = new CallbackReader.Request(ctx.queryParam("timestamp"),
                ctx.queryParam("nonce"), ctx.queryParam("signature"), ctx.queryParam("encrypt_type"),
                ctx.queryParam("msg_signature"), ctx.body());
        Optional<PublishStatus> event;
        try {
            event = callbacks.read(account, request);
        } catch (CallbackReader.Rejected e) {
            LOG.warn("{}", e.getMessage());
            ctx.status(403).result("签名错误");
            return;
        }
        if (event.isPresent()) {
            Publisher.EventOutcome outcome = publisher.onPublishEvent(account, event.get());
            LOG.info("PUBLISHJOBFINISH publish_id {} (status {}) for account {}: {}", event.get().publishId(),
                    event.get().rawStatus(), account, outcome);
        }
        ctx.contentType("text/plain").result("success");
    }
}
