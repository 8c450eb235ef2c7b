package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.UserException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 系统 ({@code /system}): the accounts and their settings, the state of the service (database, configuration,
 * templates), today's WeChat calls against each daily quota, the watchdog's warnings, a connection check per
 * account ({@code POST /system/probe}, like {@code gongkai doctor}) and the staff accounts (administrators add users
 * and set passwords).
 */
final class SystemPage {
    private static final Logger LOG = LoggerFactory.getLogger(SystemPage.class);

    private final Console.Services s;
    private final Views views;
    private final ConsoleAccess access;

    SystemPage(Console.Services services, Views views, ConsoleAccess access) {
        this.s = services;
        this.views = views;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/system", ctx -> page(ctx, null));
        routes.post("/system/users", this::addUser);
        routes.post("/system/password", this::setPassword);
        routes.post("/system/probe", this::probe);
    }

    private void page(Context ctx, Map<String, Object> probe) {
        User me = ConsoleAccess.user(ctx);
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (AccountConfig a : s.config().accounts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", a.name());
            m.put("appId", a.appId());
            m.put("mode", a.mode());
            m.put("slot", CronText.of(a.cron()));
            m.put("sandbox", a.sandbox());
            m.put("dryRun", a.dryRun());
            m.put("callback", a.callbackConfigured());
            m.put("perDraft", a.maxArticlesPerDraft());
            m.put("quotas", quotas(a.id()));
            accounts.add(m);
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (User u : s.users().list()) {
            users.add(Map.of("name", u.name(), "role", u.role().label(), "roleId", u.role().id(), "created",
                    views.time(u.createdAt())));
        }
        List<Map<String, String>> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            roles.add(Map.of("id", r.id(), "label", r.label()));
        }
        List<String> warnings;
        try {
            warnings = s.watchdog().check().stream().map(Watchdog.Warning::message).toList();
        } catch (RuntimeException e) {
            warnings = List.of("无法检查：" + e.getMessage());
        }
        boolean dbUp;
        try {
            dbUp = s.databaseUp().get();
        } catch (RuntimeException e) {
            dbUp = false;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "system");
        model.put("accounts", accounts);
        model.put("users", users);
        model.put("roles", roles);
        model.put("warnings", warnings);
        model.put("database", s.databaseDescription());
        model.put("databaseUp", dbUp);
        model.put("configSource", s.config().source());
        model.put("templatesDir", s.config().templatesDir().toAbsolutePath().toString());
        model.put("timezone", s.config().timezone().getId());
        model.put("chain", s.review().chain().stream().map(cn.gongkai.review.ReviewService::roleLabel).toList());
        model.put("isAdmin", me.role() == Role.ADMIN);
        model.put("probe", probe);
        views.page(ctx, "system.ftlh", model);
    }

    /** Today's calls of the APIs that were used or matter for publishing. */
    private List<Map<String, Object>> quotas(String account) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> always = List.of("freepublish/submit", "freepublish/get", "draft/add", "media/uploadimg");
        for (CallBudget.Usage u : s.callBudget().usage(account)) {
            if (u.used() == 0 && !always.contains(u.api())) {
                continue;
            }
            out.add(Map.of("api", u.api(), "used", u.used(), "allowed", u.allowed(), "left", u.left(),
                    "resets", views.time(u.resetsAt()), "low", u.allowed() > 0 && u.left() * 5 < u.allowed()));
        }
        return out;
    }

    private void addUser(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "添加用户");
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        Role role;
        try {
            role = Role.parse(ctx.formParam("role"));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        char[] pw = password(ctx);
        try {
            s.users().add(name, role, pw);
        } finally {
            Arrays.fill(pw, ' ');
        }
        LOG.info("{} added user {} ({}) from the console", me.name(), name, role.id());
        ConsoleAccess.flash(ctx, "已添加用户“" + name + "”（" + role.label() + "）。请把用户名和初始密码告诉本人。", false);
        ctx.redirect("/system");
    }

    private void setPassword(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        String name = ctx.formParam("name") == null ? me.name() : ctx.formParam("name").strip();
        if (!name.equals(me.name()) && me.role() != Role.ADMIN) {
            throw new Forbidden("只有管理员可以重设他人的密码");
        }
        if (name.equals(me.name()) && me.role() != Role.ADMIN
                && !s.users().checkPassword(me.name(), current(ctx))) {
            throw new UserException("当前密码不正确，密码未修改");
        }
        char[] pw = password(ctx);
        try {
            s.users().changePassword(name, pw);
        } finally {
            Arrays.fill(pw, ' ');
        }
        LOG.info("{} set a new password for {} from the console", me.name(), name);
        if (!name.equals(me.name())) {
            access.endSessionsOf(name);
        }
        ConsoleAccess.flash(ctx, "已为“" + name + "”设置新密码。", false);
        ctx.redirect("/system");
    }

    private static char[] current(Context ctx) {
        String v = ctx.formParam("current");
        return v == null ? new char[0] : v.toCharArray();
    }

    private static char[] password(Context ctx) {
        String p1 = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String p2 = ctx.formParam("password2") == null ? "" : ctx.formParam("password2");
        if (!p1.equals(p2)) {
            throw new UserException("两次输入的密码不一致");
        }
        return p1.toCharArray();
    }

    private void probe(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "检查公众号连接", Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER);
        String account = ctx.formParam("account");
        AccountConfig a = s.config().accounts().stream().filter(x -> x.id().equals(account)).findFirst()
                .orElseThrow(() -> new NotFound("公众号“" + account + "”未配置"));
        LOG.info("{} checked the WeChat connection of account {}", me.name(), a.id());
        AccountProbe p = s.gateway().probe(a.id());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (AccountProbe.Check c : p.checks()) {
            checks.add(Map.of("name", c.name(), "state", c.status().name().toLowerCase(java.util.Locale.ROOT),
                    "label", switch (c.status()) {
                        case OK -> "正常";
                        case FAILED -> "失败";
                        case SKIPPED -> "未检查";
                    }, "message", c.message(), "code", c.code()));
        }
        page(ctx, Map.of("account", a.name(), "ok", p.ok(), "checks", checks));
    }
}
