package cn.gongkai.web;

import cn.gongkai.review.HolidayCalendar;
import cn.gongkai.review.HolidayYears;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 节假日表 ({@code /system/holidays}): the years the holiday file covers, each with its notice, and for the
 * administrator a form that adds next year's notice (checked like the file, written atomically; the service reads
 * the file when it starts, so the page says to restart it). Reached from the 系统 page.
 */
final class HolidaysPage {
    private static final Logger LOG = LoggerFactory.getLogger(HolidaysPage.class);

    /** What the page shows: the years, where the file is, whether next year is missing, and the form's text. */
    public record View(List<YearRow> years, String file, int nextYear, boolean nextMissing, boolean admin,
                       String section, String error) {
    }

    /** One year of the file: its notice number and festivals in order. */
    public record YearRow(int year, String notice, String festivals) {
    }

    private final Site site;
    private final Views views;

    HolidaysPage(Site site, Views views) {
        this.site = site;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/system/holidays", ctx -> show(ctx, 200, "", ""));
        routes.post("/system/holidays", this::add);
    }

    private HolidayYears years() {
        return new HolidayYears(Path.of(site.config().review().holidaysFile()));
    }

    private void show(Context ctx, int status, String section, String error) {
        User me = ConsoleAccess.user(ctx);
        HolidayYears file = years();
        HolidayCalendar calendar = file.current();
        List<YearRow> rows = calendar.years().stream().sorted(java.util.Comparator.reverseOrder())
                .map(y -> calendar.year(y).orElseThrow())
                .map(y -> new YearRow(y.year(), y.notice(), String.join("、",
                        y.festivals().stream().map(HolidayCalendar.Festival::name).toList())))
                .toList();
        int next = site.today().getYear() + 1;
        boolean admin = me.role() == Role.ADMIN;
        views.page(ctx, status, "system", "holidays.ftlh", new View(rows, admin ? file.file().toString() : "", next,
                !calendar.covers(next), admin, section, error));
    }

    private void add(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        if (me.role() != Role.ADMIN) {
            throw new Forbidden("只有管理员可以添加节假日安排");
        }
        String section = ctx.formParam("section") == null ? "" : ctx.formParam("section");
        try {
            int year = years().add(section);
            LOG.info("{} added the holiday notice of {} to {}", me.name(), year, years().file());
            ConsoleAccess.flash(ctx, "已把 " + year + " 年的节假日安排写入节假日表。服务启动时读取该表：请在方便时重启服务，"
                    + "之后的工作日计算（公开时限等）按新表进行；可用 gongkai calendar show " + year + " 核对。", false);
            ctx.redirect("/system/holidays", io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            show(ctx, 422, section, e.getMessage());
        }
    }
}
