package cn.gongkai.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request meets before any route: the browser security headers on every response, and the body size
 * limit of its route, enforced twice — a declared {@code Content-Length} above the limit is refused before one byte
 * of the body is read ({@link #refuseDeclared}), and a body without a length (chunked) is cut off the moment it passes
 * the limit ({@link Jetty}, below Javalin, so JSON, form and multipart parsing all stop there).
 */
final class Door {
    private static final Logger LOG = LoggerFactory.getLogger(Door.class);

    /** A page or an answer of the console and the API: no script from anywhere but this site, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Every request body not listed below: forms, JSON actions, the WeChat callback. */
    static final long DEFAULT_LIMIT = 2L * 1024 * 1024;
    /** What a multipart request adds to the file it carries (boundaries, part headers, the CSRF field). */
    static final long MULTIPART_OVERHEAD = 64L * 1024;
    private static final long MB = 1024L * 1024;
    private static final Pattern ITEM = Pattern.compile("/api/items/[^/]+/?");

    private final long imageLimit;

    /** @param imageMaxMb the largest image staff may upload, in MB ({@code checks.image-max-mb}) */
    Door(int imageMaxMb) {
        this.imageLimit = imageMaxMb * 1024L * 1024L + MULTIPART_OVERHEAD;
    }

    /** The most bytes a request body to this path may have. */
    long limit(String path) {
        if (path == null) {
            return DEFAULT_LIMIT;
        }
        if (path.equals("/api/items") || path.equals("/api/items/") || ITEM.matcher(path).matches()) {
            return ItemApi.MAX_REQUEST_BYTES;
        }
        if (path.equals("/uploads")) {
            return imageLimit;
        }
        if (path.equals("/stats/ledger/import")) {
            return LedgerPage.MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD;
        }
        return DEFAULT_LIMIT;
    }

    /** The largest limit of any route (Javalin's and the multipart parser's own ceiling). */
    long largest() {
        return Math.max(ItemApi.MAX_REQUEST_BYTES, Math.max(imageLimit, LedgerPage.MAX_UPLOAD_BYTES));
    }

    /** The Javalin before-handler: a declared length above the route's limit is answered 413 unread. */
    void refuseDeclared(Context ctx) throws BodyTooLarge {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            return;
        }
        long limit = limit(ctx.path());
        String declared = ctx.header("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        if (length > limit) {
            LOG.warn("Refused {} {} from {}: declared body of {} bytes, limit {}", ctx.method(), ctx.path(), ctx.ip(),
                    declared, limit);
            throw new BodyTooLarge(limit, length);
        }
    }

    /** A body larger than its route allows; answered 413 by {@link ErrorAnswers}. */
    static final class BodyTooLarge extends IOException {
        final long limit;
        final long length;

        BodyTooLarge(long limit, long length) {
            super("request body above " + limit + " bytes");
            this.limit = limit;
            this.length = length;
        }

        /** What staff read: how big the body was (when known), the limit, and what to do. */
        String staffMessage() {
            if (limit < 0) {
                return "上传的内容超过服务器允许的大小，服务器没有接收。请压缩图片、检查是否选错了文件，或分成几次上传。";
            }
            String size = length > 0 && length != Long.MAX_VALUE
                    ? "有 " + Math.max(1, (length + MB - 1) / MB) + " MB，" : "";
            // the limit without the few kilobytes a multipart request adds: what the page says a file may have
            return "上传的内容" + size + "超过 " + Math.max(1, limit / MB) + " MB 的上限，服务器没有接收。"
                    + "请压缩图片、检查是否选错了文件，或分成几次上传。";
        }
    }

    /** The Jetty handler in front of Javalin: headers on every response, request bodies counted as they are read. */
    Handler.Wrapper jetty() {
        return new Jetty();
    }

    private final class Jetty extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            HttpURI uri = request.getHttpURI();
            headers(response, request.isSecure() || "https".equalsIgnoreCase(
                    request.getHeaders().get("X-Forwarded-Proto")));
            long limit = limit(uri.getPath());
            return super.handle(new Counted(request, limit), response, callback);
        }
    }

    static void headers(Response response, boolean https) {
        var h = response.getHeaders();
        for (Map.Entry<String, String> e : Map.of("Content-Security-Policy", CSP, "X-Frame-Options", "DENY",
                "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin",
                "Cross-Origin-Opener-Policy", "same-origin", "Cache-Control", "no-store").entrySet()) {
            h.put(e.getKey(), e.getValue());
        }
        if (https) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** The request whose body fails (413) once more than {@code limit} bytes have been read. */
    private static final class Counted extends Request.Wrapper {
        private final long limit;
        private long read;

        Counted(Request request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            read += chunk.remaining();
            if (read > limit) {
                chunk.release();
                Door.LOG.warn("Refused {} {}: body passed its limit of {} bytes while being read", getMethod(),
                        getHttpURI().getPath(), limit);
                return Content.Chunk.from(new BodyTooLarge(limit, -1), true);
            }
            return chunk;
        }
    }
}
