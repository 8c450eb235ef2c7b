package cn.gongkai.web;

import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what: every route needs a logged-in user except {@code /healthz}, the WeChat callback and the login
 * page. Users come from the session cookie (HttpOnly, SameSite=Lax) or, for scripts, from the other
 * {@link Authenticator}s (API tokens). Every unsafe request made with the session cookie must carry the session's
 * CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}); the login form carries the token of an
 * anonymous session. Failed logins are throttled per user name and per address.
 */
final class ConsoleAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccess.class);
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String USER_ATTRIBUTE = "gongkai.user";
    private static final String SESSION_ATTRIBUTE = "gongkai.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Users users;
    private final Sessions sessions;
    private final SessionAuthenticator sessionAuth;
    private final List<Authenticator> others;
    private final LoginThrottle throttle;
    private final Views views;

    ConsoleAccess(Users users, Sessions sessions, LoginThrottle throttle, List<Authenticator> others, Views views) {
        this.users = users;
        this.sessions = sessions;
        this.sessionAuth = new SessionAuthenticator(sessions, users);
        this.others = List.copyOf(others);
        this.throttle = throttle;
        this.views = views;
    }

    /** The session authenticator, to be offered to the REST API beside its token authenticator. */
    Authenticator sessionAuthenticator() {
        return sessionAuth;
    }

    /** True for the routes anyone may call. */
    static boolean open(String path) {
        return path.equals("/healthz") || path.equals("/login") || path.startsWith("/wechat/callback/");
    }

    void register(RoutesConfig routes) {
        routes.before(this::guard);
        routes.get("/login", this::loginPage);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
    }

    /** The user of the request (set by the guard), or null on open routes. */
    static User currentUser(Context ctx) {
        return ctx.attribute(USER_ATTRIBUTE);
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** The user of the request; the guard has made sure there is one. */
    static User user(Context ctx) {
        User u = currentUser(ctx);
        if (u == null) {
            throw new Forbidden("请先登录");
        }
        return u;
    }

    /** Refuses the request unless the user holds one of the roles. */
    static User requireRole(Context ctx, String what, Role... roles) {
        User u = user(ctx);
        if (holds(u, roles)) {
            return u;
        }
        List<String> labels = new ArrayList<>();
        labels.add(Role.ADMIN.label());
        for (Role r : roles) {
            labels.add(r.label());
        }
        throw new Forbidden(what + "需要以下角色之一：" + String.join("、", labels) + "；您的角色是" + u.role().label());
    }

    /** True when the user is an administrator or holds one of the roles. */
    static boolean holds(User u, Role... roles) {
        return u.role() == Role.ADMIN || Arrays.asList(roles).contains(u.role());
    }

    static void flash(Context ctx, String message, boolean error) {
        Sessions.Session s = session(ctx);
        if (s != null) {
            s.flash(message, error);
        }
    }

    private void guard(Context ctx) {
        Optional<Sessions.Session> session = sessionAuth.session(ctx);
        session.ifPresent(s -> ctx.attribute(SESSION_ATTRIBUTE, s));
        String path = ctx.path();
        if (open(path)) {
            return;
        }
        Optional<User> user = session.filter(Sessions.Session::loggedIn).flatMap(s -> users.findActive(s.user));
        boolean bySession = user.isPresent();
        if (user.isEmpty()) {
            for (Authenticator a : others) {
                user = a.authenticate(ctx);
                if (user.isPresent()) {
                    break;
                }
            }
        }
        if (user.isEmpty()) {
            refuseAnonymous(ctx, path);
            ctx.skipRemainingHandlers();
            return;
        }
        if (bySession && !SAFE.contains(ctx.method()) && !csrfMatches(ctx, session.get())) {
            LOG.warn("Refused {} {} by {}: CSRF token missing or wrong", ctx.method(), path, user.get().name());
            refuse(ctx, 403, "安全校验失败", "这个请求没有带上本页面的安全校验码（可能页面已过期，或请求来自其他网站）。"
                    + "请回到控制台刷新页面后重试。");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(USER_ATTRIBUTE, user.get());
    }

    private void refuseAnonymous(Context ctx, String path) {
        if (ctx.method() == HandlerType.GET && !path.startsWith("/api/")) {
            String next = path + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        if (!path.startsWith("/api/")) {
            refuseExpired(ctx);
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"gongkai\"");
        refuse(ctx, 401, "需要登录", "请先登录控制台；脚本请在请求头中带上 Authorization: Bearer 令牌"
                + "（用 gongkai user token 用户名 创建）。");
    }

    /** What {@code session-expired.ftlh} shows: the login link that comes back to the page the user was on. */
    public record ExpiredView(String login) {
    }

    /**
     * A console action (a form or the editor's script) whose login has ended while its page was open: 401 with a
     * Chinese answer and the link to log in again and come back — JSON for scripts, a page for forms.
     */
    private void refuseExpired(Context ctx) {
        String login = "/login?next=" + URLEncoder.encode(refererPath(ctx), StandardCharsets.UTF_8);
        String accept = ctx.header("Accept");
        if (ctx.header(CSRF_HEADER) != null || accept != null && accept.contains("application/json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "登录已过期，请重新登录");
            body.put("expired", true);
            body.put("login", login);
            ctx.status(401).json(body);
        } else {
            views.page(ctx, 401, "", "session-expired.ftlh", new ExpiredView(login));
        }
    }

    /** The path on this site of the page the request came from (its Referer), else {@code /}. */
    static String refererPath(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) {
            return "/";
        }
        int at = referer.indexOf("://");
        int slash = at < 0 ? -1 : referer.indexOf('/', at + 3);
        return next(slash < 0 ? "/" : referer.substring(slash));
    }

    private void refuse(Context ctx, int status, String title, String detail) {
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            ctx.status(status).json(body);
        } else {
            views.page(ctx, status, "", "error.ftlh", new Views.ErrorView(title, detail));
        }
    }

    private static boolean csrfMatches(Context ctx, Sessions.Session s) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) {
            given = ctx.isMultipartFormData() ? multipartField(ctx) : ctx.formParam(CSRF_FIELD);
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                s.csrf.getBytes(StandardCharsets.UTF_8));
    }

    private static String multipartField(Context ctx) {
        try {
            return ctx.formParam(CSRF_FIELD);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Sessions.Session ensureSession(Context ctx) {
        Sessions.Session s = session(ctx);
        if (s == null) {
            s = sessions.anonymous();
            setCookie(ctx, s);
            ctx.attribute(SESSION_ATTRIBUTE, s);
        }
        return s;
    }

    private void setCookie(Context ctx, Sessions.Session s) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.cookie(new Cookie(SessionAuthenticator.COOKIE, s.id, "/", -1, https, true, null, SameSite.LAX));
    }

    private void loginPage(Context ctx) {
        Sessions.Session s = ensureSession(ctx);
        if (s.loggedIn() && users.findActive(s.user).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")));
            return;
        }
        showLogin(ctx, 200, "", "");
    }

    /**
     * What {@code login.ftlh} shows: why the last try failed (empty: none), the name typed, where to go after the
     * login, and whether no staff account exists yet.
     */
    public record LoginView(String error, String name, String next, boolean noUsers) {
    }

    private void showLogin(Context ctx, int status, String error, String name) {
        views.page(ctx, status, "", "login.ftlh", new LoginView(error, name,
                next(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")),
                users.list().isEmpty()));
    }

    private void login(Context ctx) {
        Sessions.Session s = session(ctx);
        if (s == null || !csrfMatches(ctx, s)) {
            ensureSession(ctx);
            showLogin(ctx, 403, "登录页面已过期，请重新输入用户名和密码。", "");
            return;
        }
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        Optional<Duration> wait = throttle.blocked(name, ctx.ip());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            LOG.warn("Login for {} from {} refused: too many failed attempts", name, ctx.ip());
            showLogin(ctx, 429, "登录失败次数过多，请 " + minutes + " 分钟后再试。忘记密码请联系管理员重置。", name);
            return;
        }
        char[] pw = password.toCharArray();
        // one hash verification whether or not the name exists or is disabled: the answer time tells nothing
        boolean ok = users.checkPassword(name, pw);
        Arrays.fill(pw, ' ');
        if (!ok) {
            throttle.failed(name, ctx.ip());
            LOG.info("Failed login for {} from {}", name, ctx.ip());
            showLogin(ctx, 401, "用户名或密码不正确。", name);
            return;
        }
        throttle.succeeded(name);
        Sessions.Session fresh = sessions.login(s, users.require(name).name());
        setCookie(ctx, fresh);
        LOG.info("{} logged in from {}", fresh.user, ctx.ip());
        ctx.redirect(next(ctx.formParam("next")));
    }

    private void logout(Context ctx) {
        sessions.end(session(ctx));
        ctx.cookie(new Cookie(SessionAuthenticator.COOKIE, "", "/", 0, false, true, null, SameSite.LAX));
        ctx.redirect("/login");
    }

    /**
     * Only a path on this site, else {@code /}: one leading slash, not followed by another or by a backslash; no
     * backslash, whitespace or control character anywhere (browsers drop tabs and newlines and read {@code \} as
     * {@code /}, so {@code /\t/evil.example} would lead to another host); no login page (no loop).
     */
    static String next(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/login")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || c == '\u200b' || c == '\ufeff') {
                return "/";
            }
        }
        return next;
    }

    /** Ends every session of the user, e.g. after an administrator set a new password. */
    void endSessionsOf(String user) {
        sessions.endAll(user);
    }

    /**
     * After the request's user changed their own password (which ended all their sessions): a fresh session, new
     * id and CSRF token, for this browser only.
     */
    void renewAfterOwnPasswordChange(Context ctx, String user) {
        sessions.endAll(user);
        Sessions.Session fresh = sessions.login(session(ctx), user);
        setCookie(ctx, fresh);
        ctx.attribute(SESSION_ATTRIBUTE, fresh);
    }
}
