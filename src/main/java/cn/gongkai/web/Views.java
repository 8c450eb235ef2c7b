package cn.gongkai.web;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's FreeMarker pages from {@code templates/console/} (auto-escaped {@code .ftlh}, every page built on
 * the {@code layout.ftlh} macro). Adds what every page shows: the user, the CSRF token, the menu, the sandbox
 * banner and a one-time message.
 */
final class Views {
    /** The menu: path and label, in the order shown. */
    static final List<Map<String, String>> MENU = List.of(menu("todo", "/", "待办"), menu("items", "/items", "稿件"),
            menu("edit", "/items/new", "编辑"), menu("review", "/review", "审核"), menu("schedule", "/schedule", "排期"),
            menu("publishing", "/publishing", "发布记录"), menu("stats", "/stats", "统计"),
            menu("report", "/report", "年报"), menu("system", "/system", "系统"));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Configuration fm;
    private final ZoneId zone;
    private final boolean sandbox;
    private final String accounts;

    Views(Path consoleTemplates, ZoneId zone, boolean sandbox, String accounts) {
        this.zone = zone;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.fm = new Configuration(Configuration.VERSION_2_3_34);
        // the templates folder first (staff may edit the pages), the jar's copy for pages a folder written out by an
        // older version does not have
        ClassTemplateLoader bundled = new ClassTemplateLoader(Views.class, "/templates/console");
        try {
            fm.setTemplateLoader(java.nio.file.Files.isDirectory(consoleTemplates)
                    ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(consoleTemplates.toFile()),
                            bundled}) : bundled);
        } catch (IOException e) {
            throw new IllegalStateException("console templates folder unreadable: " + consoleTemplates, e);
        }
        fm.setDefaultEncoding("UTF-8");
        fm.setOutputEncoding("UTF-8");
        fm.setNumberFormat("computer");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setWrapUncheckedExceptions(true);
        fm.setFallbackOnNullLoopVariable(false);
    }

    private static Map<String, String> menu(String id, String href, String label) {
        return Map.of("id", id, "href", href, "label", label);
    }

    /** Renders {@code name} with the page's model plus the common parts, as the response. */
    void page(Context ctx, int status, String name, Map<String, Object> model) {
        Map<String, Object> all = new LinkedHashMap<>(model);
        Sessions.Session session = ConsoleAccess.session(ctx);
        var user = ConsoleAccess.currentUser(ctx);
        all.putIfAbsent("me", user == null ? null : Map.of("name", user.name(), "role", user.role().id(),
                "roleLabel", user.role().label()));
        all.putIfAbsent("csrf", session == null ? "" : session.csrf);
        all.putIfAbsent("menu", MENU);
        all.putIfAbsent("active", "");
        all.putIfAbsent("sandbox", sandbox);
        all.putIfAbsent("accountNames", accounts);
        boolean error = session != null && session.flashError;
        all.putIfAbsent("flash", session == null ? "" : session.takeFlash());
        all.putIfAbsent("flashError", error);
        ctx.status(status).contentType("text/html;charset=utf-8").result(render(name, all));
    }

    void page(Context ctx, String name, Map<String, Object> model) {
        page(ctx, 200, name, model);
    }

    String render(String name, Map<String, Object> model) {
        try {
            Template t = fm.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("console template " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** An instant as staff read it, in the configured time zone; empty for null. */
    String time(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }
}
