package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.review.ApiToken;
import cn.gongkai.review.PasswordPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.UserException;
import cn.gongkai.review.Users;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 系统 ({@code /system}): the accounts and their settings, the state of the service (database, configuration,
 * templates), today's WeChat calls against each daily quota, the watchdog's warnings, a connection check per
 * account ({@code POST /system/probe}, like {@code gongkai doctor}), the staff accounts (administrators add, disable
 * and enable users and reset passwords; everyone changes their own with the current one) and the API tokens with
 * when each was made and last used (administrators see and revoke all, others their own).
 */
final class SystemPage {
    private static final Logger LOG = LoggerFactory.getLogger(SystemPage.class);

    /** What 系统 reads and changes. */
    record Uses(Site site, Users users, ReviewService review, Watchdog watchdog, CallBudget callBudget,
               WeChatGateway gateway, String databaseDescription, Supplier<Boolean> databaseUp,
               cn.gongkai.review.Units units) {
    }

    private final Uses s;
    private final Views views;
    private final ConsoleAccess access;

    SystemPage(Uses services, Views views, ConsoleAccess access) {
        this.s = services;
        this.views = views;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/system", ctx -> page(ctx, null));
        routes.post("/system/users", this::addUser);
        routes.post("/system/password", this::setPassword);
        routes.post("/system/tokens/revoke", this::revokeToken);
        routes.post("/system/users/state", this::setUserState);
        routes.post("/system/probe", this::probe);
    }

    /** Who may check an account's connection (the administrator always may). */
    private static final java.util.Set<Role> CAN_PROBE = java.util.Set.of(Role.ADMIN, Role.OFFICE_DIRECTOR,
            Role.OFFICE_LEADER);

    private void page(Context ctx, SystemView.Probe probe) {
        User me = ConsoleAccess.user(ctx);
        var cfg = s.site().config();
        boolean admin = me.role() == Role.ADMIN;
        // where the server keeps its files and database is for administrators only
        views.page(ctx, "system", "system.ftlh", new SystemView(accounts(me.scope()), users(me), tokens(me),
                PasswordPolicy.summary(), roles(), warnings(), admin ? s.databaseDescription() : "", databaseUp(),
                admin ? cfg.source() : "", admin ? cfg.templatesDir().toAbsolutePath().toString() : "",
                cfg.timezone().getId(),
                s.review().chain(me.unitId()).stream().map(cn.gongkai.review.ReviewService::roleLabel).toList(),
                admin, CAN_PROBE.contains(me.role()), probe));
    }

    private List<SystemView.Account> accounts(cn.gongkai.item.Scope scope) {
        return s.site().accounts(scope).stream().map(a -> new SystemView.Account(a.id(), a.name(), a.appId(),
                ApiNames.mode(a.mode()), CronText.of(a.cron()), a.sandbox(), a.dryRun(), a.callbackConfigured(),
                a.maxArticlesPerDraft(), quotas(a.id()))).toList();
    }

    /**
     * The staff {@code me} sees: a unit's people their own unit's only; the district office everyone, with their
     * unit (the column shows only then).
     */
    private List<SystemView.UserRow> users(User me) {
        java.util.function.Function<String, String> unitName = me.role().district() ? unitNames() : id -> "";
        return visibleUsers(me).stream().map(u -> new SystemView.UserRow(u.name(), u.role().label(), u.role().id(),
                views.time(u.createdAt()), u.disabled(), u.name().equals(me.name()), unitName.apply(u.unitId())))
                .toList();
    }

    /** Everyone for the district office, else the people of {@code me}'s unit. */
    private List<User> visibleUsers(User me) {
        List<User> all = s.users().list();
        return me.unitId() == null ? all : all.stream().filter(u -> me.unitId().equals(u.unitId())).toList();
    }

    /** The name of each unit by its id; 区政府办 for the office's people (no unit). */
    private java.util.function.Function<String, String> unitNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        s.units().all().forEach(u -> names.put(u.id(), u.name()));
        return id -> id == null ? "区政府办" : names.getOrDefault(id, id);
    }

    /**
     * The user {@code name} when {@code me} may manage them: a unit's administrator only their own unit's people;
     * anyone else is answered as a user that does not exist.
     */
    private String inMyUnit(User me, String name) {
        boolean mine = s.users().find(name).map(u -> me.unitId() == null || me.unitId().equals(u.unitId()))
                .orElse(false);
        if (!mine) {
            throw new UserException("用户“" + name + "”不存在");
        }
        return name;
    }

    private List<SystemView.TokenRow> tokens(User me) {
        java.util.Set<String> mine = visibleUsers(me).stream().map(User::name).collect(
                java.util.stream.Collectors.toSet());
        List<ApiToken> tokens = me.role() == Role.ADMIN ? s.users().tokens() : s.users().tokens(me.name());
        return tokens.stream().filter(t -> mine.contains(t.user())).map(t -> new SystemView.TokenRow(t.id(),
                t.user(), views.time(t.createdAt()), t.lastUsed() == null ? "从未使用" : views.time(t.lastUsed())))
                .toList();
    }

    private static List<SystemView.RoleOption> roles() {
        return Arrays.stream(Role.values()).filter(r -> !r.district()) // district roles: command line only
                .map(r -> new SystemView.RoleOption(r.id(), r.label())).toList();
    }

    private List<String> warnings() {
        try {
            return s.watchdog().check().stream().map(Watchdog.Warning::message).toList();
        } catch (RuntimeException e) {
            return List.of("无法检查：" + e.getMessage());
        }
    }

    private boolean databaseUp() {
        try {
            return s.databaseUp().get();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Today's calls of the APIs that were used or matter for publishing. */
    private List<SystemView.Quota> quotas(String account) {
        List<SystemView.Quota> out = new ArrayList<>();
        List<String> always = List.of("freepublish/submit", "freepublish/get", "draft/add", "media/uploadimg");
        for (CallBudget.Usage u : s.callBudget().usage(account)) {
            if (u.used() == 0 && !always.contains(u.api())) {
                continue;
            }
            boolean unlimited = u.allowed() == Long.MAX_VALUE;
            out.add(new SystemView.Quota(ApiNames.label(u.api()), u.api(), u.used(), unlimited ? "不限" : String.valueOf(u.allowed()),
                    unlimited ? "不限" : String.valueOf(u.left()), views.time(u.resetsAt()),
                    !unlimited && u.allowed() > 0 && u.left() * 5 < u.allowed()));
        }
        return out;
    }

    private void addUser(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "添加用户");
        Role role;
        try {
            role = Role.parse(ctx.formParam("role"));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        User added = StaffForms.addUser(ctx, (name, pw) -> s.users().addBy(me, name, role, pw));
        LOG.info("{} added user {} ({}) from the console", me.name(), added.name(), role.id());
        ConsoleAccess.flash(ctx, StaffForms.added(added), false);
        ctx.redirect("/system");
    }

    /**
     * A new password: one's own (the current password is needed, also for an administrator; the other sessions and
     * all API tokens end, this browser gets a fresh session), or an administrator's reset of someone else's (all
     * their sessions and tokens end).
     */
    private void setPassword(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        String name = ctx.formParam("name") == null ? me.name() : ctx.formParam("name").strip();
        boolean own = name.equals(me.name());
        if (!own && me.role() != Role.ADMIN) {
            throw new Forbidden("只有管理员可以重设他人的密码");
        }
        if (!own) {
            inMyUnit(me, name);
        }
        char[] pw = StaffForms.password(ctx);
        char[] current = current(ctx);
        try {
            if (own) {
                s.users().changeOwnPassword(me.name(), current, pw);
            } else {
                s.users().changePassword(name, pw);
            }
        } finally {
            Arrays.fill(pw, ' ');
            Arrays.fill(current, ' ');
        }
        if (own) {
            LOG.info("{} changed their own password from the console; their other sessions and tokens ended",
                    me.name());
            access.renewAfterOwnPasswordChange(ctx, me.name());
            ConsoleAccess.flash(ctx, "您的密码已修改。您在其他浏览器的登录和您的全部接口令牌已失效"
                    + "（脚本需要新令牌：gongkai user token " + me.name() + "）。", false);
        } else {
            LOG.info("{} set a new password for {} from the console; their sessions and tokens ended", me.name(),
                    name);
            access.endSessionsOf(name);
            ConsoleAccess.flash(ctx, "已为“" + name + "”设置新密码；其已登录的会话和接口令牌已全部失效。", false);
        }
        ctx.redirect("/system");
    }

    /** Revokes one API token: one's own, or anyone's for an administrator. */
    private void revokeToken(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        String owner = ctx.formParam("user") == null ? me.name() : ctx.formParam("user").strip();
        if (!owner.equals(me.name()) && me.role() != Role.ADMIN) {
            throw new Forbidden("只有管理员可以作废他人的接口令牌");
        }
        inMyUnit(me, owner);
        ApiToken revoked = s.users().revokeToken(owner, ctx.formParam("id"));
        LOG.info("{} revoked API token {} of {} from the console", me.name(), revoked.id(), owner);
        ConsoleAccess.flash(ctx, "已作废“" + owner + "”的接口令牌 " + revoked.id() + "，使用它的脚本将无法再访问。", false);
        ctx.redirect("/system");
    }

    /** Disables or enables an account (administrators; not their own account). */
    private void setUserState(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "停用或启用用户");
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        boolean disable = "disable".equals(ctx.formParam("action"));
        if (disable && name.equals(me.name())) {
            throw new UserException("不能停用自己的账号（否则可能没有管理员能登录）；请由另一位管理员操作，"
                    + "或在服务器上运行 gongkai user disable " + name);
        }
        String told = StaffForms.setDisabled(s.users(), access, inMyUnit(me, name), disable);
        LOG.info("{} {} user {} from the console", me.name(), disable ? "disabled" : "enabled", name);
        ConsoleAccess.flash(ctx, told, false);
        ctx.redirect("/system");
    }

    private static char[] current(Context ctx) {
        String v = ctx.formParam("current");
        return v == null ? new char[0] : v.toCharArray();
    }

    private void probe(Context ctx) {
        String account = s.site().account(ctx.formParam("account"), ConsoleAccess.user(ctx).scope());
        User me = ConsoleAccess.requireRole(ctx, "检查公众号连接", Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER);
        AccountConfig a = s.site().config().account(account).orElseThrow();
        LOG.info("{} checked the WeChat connection of account {}", me.name(), a.id());
        AccountProbe p = s.gateway().probe(a.id());
        List<SystemView.Check> checks = new ArrayList<>();
        for (AccountProbe.Check c : p.checks()) {
            checks.add(new SystemView.Check(c.name(), c.status().name().toLowerCase(java.util.Locale.ROOT),
                    switch (c.status()) {
                        case OK -> "正常";
                        case FAILED -> "失败";
                        case SKIPPED -> "未检查";
                    }, c.message(), c.code()));
        }
        page(ctx, new SystemView.Probe(a.name(), p.ok(), checks));
    }
}
