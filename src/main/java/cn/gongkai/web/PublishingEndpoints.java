package cn.gongkai.web;

import cn.gongkai.publish.CallbackGuard;
import cn.gongkai.publish.CallbackReader;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.RunReport;
import cn.gongkai.publish.Watchdog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing on the web: the WeChat callback route {@code /wechat/callback/{account}} — GET verifies the URL, POST
 * receives PUBLISHJOBFINISH events (plain or AES mode) — and the watchdog's warnings for {@code /healthz}.
 *
 * <p>A callback is a hint from the internet (design.md §5): it must be signed, its timestamp within 5 minutes of the
 * server clock and its nonce new (shared by every node); an event then only makes the waiting batch due for
 * {@code freepublish/get}, which runs on the confirmation executor so that WeChat gets its answer well inside 5
 * seconds. Malformed requests are answered 400 with one warning line, never a stack trace.
 */
public final class PublishingEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(PublishingEndpoints.class);
    static final String CALLBACK_PATH = "/wechat/callback/{account}";
    private static final long MAX_BODY = 64 * 1024;

    private final Publisher publisher;
    private final CallbackReader callbacks;
    private final CallbackGuard guard;
    private final Watchdog watchdog;
    private final Executor confirmations;

    /**
     * @param publisher     takes the events
     * @param callbacks     checks and reads WeChat's requests
     * @param guard         the timestamp window and the nonces already used
     * @param watchdog      its warnings appear in {@code /healthz}
     * @param confirmations runs {@link Publisher#confirm} after an event; a refused task is left to the status job
     */
    public PublishingEndpoints(Publisher publisher, CallbackReader callbacks, CallbackGuard guard, Watchdog watchdog,
                               Executor confirmations) {
        this.publisher = publisher;
        this.callbacks = callbacks;
        this.guard = guard;
        this.watchdog = watchdog;
        this.confirmations = confirmations;
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
            ctx.status(404).contentType("text/plain").result("该公众号未配置回调（callback-token）");
            return false;
        }
        return true;
    }

    /** A timestamp or nonce that is missing or not a number: 400. */
    private static boolean wellFormed(Context ctx, String account) {
        Optional<String> malformed = CallbackGuard.malformed(ctx.queryParam("timestamp"), ctx.queryParam("nonce"));
        malformed.ifPresent(reason -> {
            LOG.warn("Callback of account {} refused: {}", account, reason);
            ctx.status(400).contentType("text/plain").result("请求参数有误：timestamp 和 nonce 须为数字");
        });
        return malformed.isEmpty();
    }

    private static boolean inWindow(Context ctx, String account, CallbackGuard.Check check) {
        if (check.verdict() == CallbackGuard.Verdict.STALE) {
            LOG.warn("Callback of account {} refused: timestamp {} s from the server clock (window ±{} s)", account,
                    check.skew().toSeconds(), CallbackGuard.WINDOW.toSeconds());
            ctx.status(403).contentType("text/plain").result("时间戳超出允许范围（±5 分钟），请核对服务器时钟");
            return false;
        }
        return true;
    }

    private void verify(Context ctx) {
        String account = ctx.pathParam("account");
        if (!known(ctx, account) || !wellFormed(ctx, account)) {
            return;
        }
        Optional<String> echo = callbacks.verify(account, ctx.queryParam("timestamp"), ctx.queryParam("nonce"),
                ctx.queryParam("signature"), ctx.queryParam("echostr"));
        if (echo.isEmpty()) {
            LOG.warn("Callback URL verification for account {} with a wrong signature refused", account);
            ctx.status(403).contentType("text/plain").result("签名错误");
            return;
        }
        if (inWindow(ctx, account, guard.window(ctx.queryParam("timestamp")))) {
            LOG.info("WeChat verified the callback URL of account {}", account);
            ctx.contentType("text/plain").result(echo.get());
        }
    }

    private void receive(Context ctx) {
        String account = ctx.pathParam("account");
        if (!known(ctx, account) || !wellFormed(ctx, account)) {
            return;
        }
        if (ctx.contentLength() > MAX_BODY) {
            LOG.warn("Callback of account {} refused: body of {} bytes", account, ctx.contentLength());
            ctx.status(413).contentType("text/plain").result("请求过大");
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
            ctx.status(403).contentType("text/plain").result("签名错误");
            return;
        } catch (CallbackReader.Malformed e) {
            LOG.warn("{}", e.getMessage());
            ctx.status(400).contentType("text/plain").result("请求内容不是有效的微信消息");
            return;
        }
        CallbackGuard.Check check = guard.admit(account, request.timestamp(), request.nonce());
        if (!inWindow(ctx, account, check)) {
            return;
        }
        if (check.verdict() == CallbackGuard.Verdict.REPLAYED) {
            LOG.warn("Callback of account {} with a nonce already used: not acted upon (a replay, or WeChat's retry)",
                    account);
            ctx.contentType("text/plain").result("success");
            return;
        }
        if (event.isPresent()) {
            String publishId = event.get().publishId();
            Publisher.EventOutcome outcome = publisher.onPublishEvent(account, event.get());
            LOG.info("PUBLISHJOBFINISH publish_id {} (status {}) for account {}: {}", publishId,
                    event.get().rawStatus(), account, outcome);
            if (outcome == Publisher.EventOutcome.CONFIRM) {
                confirmLater(account, publishId);
            }
        }
        ctx.contentType("text/plain").result("success");
    }

    private void confirmLater(String account, String publishId) {
        try {
            confirmations.execute(() -> {
                try {
                    RunReport r = publisher.confirm(account, publishId);
                    LOG.info("Account {}: publish_id {} checked with WeChat: {} published, {} failed, {} pending {}",
                            account, publishId, r.published(), r.failed(), r.pending(), r.messages());
                } catch (RuntimeException e) {
                    LOG.warn("Account {}: checking publish_id {} with WeChat failed ({}); the status job checks again",
                            account, publishId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Account {}: too many checks queued; publish_id {} is left to the status job", account,
                    publishId);
        }
    }
}
