package cn.gongkai.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on every exception a route does not answer itself: a request the client got wrong (a body too large,
 * a malformed multipart or JSON body, a value of the wrong type) gets a 4xx answer and one log line without a stack
 * trace; anything else is our fault: 500 with a generic Chinese message, and one log line with the stack. API paths
 * answer {@code application/problem+json}, the editor's script endpoints JSON with an {@code error}, console pages
 * the error page.
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    static final String INTERNAL = "服务器内部错误，操作没有完成。请稍后重试；如果反复出现，请把出错的时间和操作告诉管理员"
            + "（服务日志中有详细记录）。";

    private final Views views;

    /** @param views the console's pages, or null without a console (then every answer is JSON) */
    ErrorAnswers(Views views) {
        this.views = views;
    }

    /** Registers the mapping for every exception class no route maps more precisely. */
    void register(RoutesConfig routes) {
        routes.exception(Exception.class, (e, ctx) -> answer(ctx, e));
        // an address no route has: Javalin answers it itself ("Endpoint GET /x not found"), past the handlers above
        routes.error(404, "*", ctx -> {
            String said = ctx.result();
            if (said == null || said.isBlank() || said.startsWith("Endpoint ")) {
                send(ctx, 404, "urn:gongkai:problem:not-found", "找不到",
                        "没有这个地址：" + ctx.path() + "。请从页面上方的菜单进入，或检查地址是否输错。");
            }
        });
    }

    void answer(Context ctx, Exception e) {
        Door.BodyTooLarge tooLarge = find(e, Door.BodyTooLarge.class);
        HttpException http = find(e, HttpException.class);
        if (tooLarge == null && http != null && http.getCode() == 413) {
            tooLarge = new Door.BodyTooLarge(-1, -1);
        }
        if (tooLarge != null) {
            LOG.info("Refused {} {} from {}: request body too large", ctx.method(), ctx.path(), ctx.ip());
            ctx.header("Connection", "close");
            send(ctx, 413, "urn:gongkai:problem:too-large", "请求过大", tooLarge.staffMessage());
            return;
        }
        String client = clientError(e);
        if (client != null) {
            LOG.info("Bad request {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), describe(e));
            // the body may be left half read: this connection cannot carry another request
            ctx.header("Connection", "close");
            send(ctx, 400, "urn:gongkai:problem:bad-request", "请求格式有误", client);
            return;
        }
        LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
        send(ctx, 500, "urn:gongkai:problem:internal", "服务器内部错误", INTERNAL);
    }

    /** What staff read when the request itself was malformed, or null when it was not. */
    static String clientError(Throwable e) {
        if (find(e, JsonProcessingException.class) != null) {
            return "请求内容不是有效的 JSON，请检查格式（引号、逗号、括号）后重试。";
        }
        HttpException http = find(e, HttpException.class);
        if (http != null && http.getCode() >= 400 && http.getCode() < 500 || multipartFailure(e)) {
            return "请求内容不完整或格式不对（例如上传的文件没有传完整，或表单格式有误），服务器无法读取。请重新上传或提交。";
        }
        if (find(e, NumberFormatException.class) != null || find(e, DateTimeException.class) != null) {
            return "请求中的数字或日期格式不对，请检查后重试。";
        }
        return null;
    }

    private static boolean multipartFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith("jakarta.servlet.") || name.contains("MultiPart")
                    || message.contains("multipart") || message.contains("boundary")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage(), 0, Math.min(120, t.getMessage().length()));
            }
        }
        return out.toString();
    }

    static <T> T find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }

    private void send(Context ctx, int status, String type, String title, String detail) {
        String path = ctx.path();
        if (path.equals("/uploads") || path.equals("/preview")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", detail);
            body.put("title", title);
            body.put("status", status);
            ctx.status(status).json(body);
        } else if (views == null || path.startsWith("/api/") || path.startsWith("/wechat/")
                || path.equals("/healthz")) {
            new Problem(status, type, title, detail).send(ctx);
        } else {
            views.page(ctx, status, "", "error.ftlh", new Views.ErrorView(title, detail));
        }
    }
}
