package cn.gongkai.web;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.review.PasswordPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.UserException;
import cn.gongkai.review.Units;
import cn.gongkai.review.Users;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 单位 ({@code /units}, issue 19): every unit of the district — where it is defined (the configuration, read-only
 * here, or this page), its accounts and portals, review chain, people and administrators. The district administrator
 * adds units ({@code POST /units}) and each unit's administrators ({@code POST /units/admins}), and disables or
 * enables them ({@code POST /units/admins/state}); the district inspector only reads. Everyone else is answered as
 * for an address that does not exist.
 */
final class UnitsPage {
    private static final Logger LOG = LoggerFactory.getLogger(UnitsPage.class);

    /** What 单位 reads and changes. */
    record Uses(Units units, Users users, Site site) {
    }

    /** What {@code units.ftlh} shows; {@code canManage}: the forms are shown (the district administrator). */
    public record View(List<UnitRow> units, boolean canManage, boolean canAddUnits, String passwordRule) {
    }

    /** One unit: names of its accounts and portals (empty when none), its chain, people and administrators. */
    public record UnitRow(String id, String name, String source, boolean configured, String accounts,
                          String portals, String chain, long people, List<AdminRow> admins) {
    }

    /** One of a unit's administrators. */
    public record AdminRow(String name, boolean disabled) {
    }

    private final Uses s;
    private final Views views;
    private final ConsoleAccess access;

    UnitsPage(Uses uses, Views views, ConsoleAccess access) {
        this.s = uses;
        this.views = views;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/units", this::page);
        routes.post("/units", this::addUnit);
        routes.post("/units/admins", this::addAdmin);
        routes.post("/units/admins/state", this::setAdminState);
    }

    /** The district roles; anyone else does not find the page. */
    private static User viewer(Context ctx) {
        DistrictPage.requireViewer(ctx);
        return ConsoleAccess.user(ctx);
    }

    /** The district administrator; the inspector is refused. */
    private static User manager(Context ctx) {
        User me = viewer(ctx);
        if (me.role() != Role.DISTRICT_ADMIN) {
            throw new Forbidden(me.role().label() + "只能查看单位；添加单位和管理员由区政府办管理员办理");
        }
        return me;
    }

    private void page(Context ctx) {
        User me = viewer(ctx);
        List<User> people = s.users().list();
        List<UnitRow> rows = s.units().all().stream().map(u -> row(u, people)).toList();
        views.page(ctx, "units", "units.ftlh", new View(rows, me.role() == Role.DISTRICT_ADMIN,
                s.site().config().severalUnits(), PasswordPolicy.summary()));
    }

    private UnitRow row(Units.Unit u, List<User> people) {
        GongkaiConfig config = s.site().config();
        List<String> accounts = u.config().accounts().stream().map(s.site()::accountName).toList();
        List<String> portals = config.portals().stream().filter(p -> u.config().hasPortal(p.id()))
                .map(PortalConfig::name).toList();
        List<User> own = people.stream().filter(p -> u.id().equals(p.unitId())).toList();
        return new UnitRow(u.id(), u.name(), u.sourceLabel(), u.configured(), String.join("、", accounts),
                String.join("、", portals), String.join(" → ", u.config().reviewChain().stream()
                        .map(ReviewService::roleLabel).toList()), own.size(),
                own.stream().filter(p -> p.role() == Role.ADMIN).map(p -> new AdminRow(p.name(), p.disabled()))
                        .toList());
    }

    private void addUnit(Context ctx) {
        User me = manager(ctx);
        Units.Unit added = s.units().add(ctx.formParam("id"), ctx.formParam("name"));
        LOG.info("{} added unit {} from the console", me.name(), added.id());
        ConsoleAccess.flash(ctx, "已添加单位“" + added.name() + "”（" + added.id() + "）。它还没有公众号：请运维人员在配置文件"
                + " units: 中为它列出账号；现在可以为它添加管理员。", false);
        ctx.redirect("/units");
    }

    private void addAdmin(Context ctx) {
        User me = manager(ctx);
        String asked = ctx.formParam("unit") == null ? "" : ctx.formParam("unit").strip();
        Units.Unit unit = s.units().find(asked).orElseThrow(() -> new UserException("没有编号为“" + asked
                + "”的单位"));
        User added = StaffForms.addUser(ctx, (name, pw) -> s.users().add(name, Role.ADMIN, unit.id(), pw));
        LOG.info("{} added administrator {} of unit {} from the console", me.name(), added.name(), unit.id());
        ConsoleAccess.flash(ctx, StaffForms.added(added) + "（单位：" + unit.name() + "）", false);
        ctx.redirect("/units");
    }

    /** Disables or enables one of a unit's administrators (no one else is managed here). */
    private void setAdminState(Context ctx) {
        User me = manager(ctx);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        User admin = s.users().find(name).filter(u -> u.role() == Role.ADMIN && u.unitId() != null)
                .orElseThrow(() -> new UserException("“" + name + "”不是任何单位的管理员"));
        boolean disable = "disable".equals(ctx.formParam("action"));
        String told = StaffForms.setDisabled(s.users(), access, admin.name(), disable);
        LOG.info("{} {} administrator {} of unit {} from the console", me.name(), disable ? "disabled" : "enabled",
                admin.name(), admin.unitId());
        ConsoleAccess.flash(ctx, told, false);
        ctx.redirect("/units");
    }
}
