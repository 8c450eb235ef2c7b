package cn.gongkai.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The queue in front of every route but {@code /healthz}: at most {@link #ACTIVE} requests are handled at once — as
 * many as the database pool has connections, so that no request waits for a connection until the pool's timeout
 * fails it — and the others wait their turn, up to {@link #WAITING} of them, each for at most {@link #MAX_WAIT}.
 * Only a request that finds the queue full, or waited that long, is answered 503 "系统繁忙，请稍后再试".
 */
final class RequestQueue extends QoSHandler {
    /** Requests handled at once: the database pool's size (store.Database). */
    static final int ACTIVE = 10;
    /** Requests that may wait for their turn. */
    static final int WAITING = 1000;
    /** How long a request waits at most. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final String BUSY = "系统繁忙，请稍后再试。";

    RequestQueue(int active, int waiting, Duration maxWait) {
        setMaxRequestCount(active);
        setMaxSuspendedRequestCount(waiting);
        setMaxSuspend(maxWait);
        excludePath("/healthz");
    }

    RequestQueue() {
        this(ACTIVE, WAITING, MAX_WAIT);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(request, response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable x) {
        busy(request, response, callback);
    }

    private static void busy(Request request, Response response, Callback callback) {
        response.setStatus(503);
        Door.headers(response, request.isSecure());
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.write(true, ByteBuffer.wrap(BUSY.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
