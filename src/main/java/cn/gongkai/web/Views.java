package cn.gongkai.web;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The console's FreeMarker pages from {@code templates/console/} (auto-escaped {@code .ftlh}, every page built on
 * the {@code layout.ftlh} macro). Adds what every page shows: the user, the CSRF token, the menu, the sandbox
 * banner and a one-time message.
 */
final class Views {
    /** The menu: path and label, in the order shown. */
    static final List<MenuEntry> MENU = List.of(menu("todo", "/", "待办"), menu("items", "/items", "稿件"),
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

    private static MenuEntry menu(String id, String href, String label) {
        return new MenuEntry(id, href, label);
    }

    /** One entry of the menu. */
    public record MenuEntry(String id, String href, String label) {
    }

    /** The logged-in user as the header shows them. */
    public record Me(String name, String role, String roleLabel) {
    }

    /**
     * What every page shows around its own content ({@code layout.ftlh}): the user (null before login), the CSRF
     * token, the menu with the {@code active} entry, the sandbox banner and a one-time message.
     */
    public record Frame(Me me, String csrf, List<MenuEntry> menu, String active, boolean sandbox,
                        String accountNames, String flash, boolean flashError) {
    }

    /** What {@code error.ftlh} shows. */
    public record ErrorView(String title, String message) {
    }

    /** Renders {@code name} with the page's view record, under the menu entry {@code active}, as the response. */
    void page(Context ctx, String active, String name, Record view) {
        page(ctx, 200, active, name, view);
    }

    /** Renders {@code name} with the page's model (a view record, or a map) under {@code active}, as the response. */
    void page(Context ctx, int status, String active, String name, Object model) {
        ctx.status(status).contentType("text/html;charset=utf-8").result(render(name, model, frame(ctx, active)));
    }

    /** Renders {@code name} with a map as the page's model (its {@code active} entry picks the menu entry). */
    void page(Context ctx, int status, String name, Map<String, Object> model) {
        page(ctx, status, model.get("active") instanceof String a ? a : "", name, model);
    }

    void page(Context ctx, String name, Map<String, Object> model) {
        page(ctx, 200, name, model);
    }

    private Frame frame(Context ctx, String active) {
        Sessions.Session session = ConsoleAccess.session(ctx);
        var user = ConsoleAccess.currentUser(ctx);
        Me me = user == null ? null : new Me(user.name(), user.role().id(), user.role().label());
        boolean error = session != null && session.flashError;
        return new Frame(me, session == null ? "" : session.csrf, MENU, active, sandbox, accounts,
                session == null ? "" : session.takeFlash(), error);
    }

    /** Renders {@code name}: a name is looked up in the page's model first, then in the frame. */
    String render(String name, Object model, Frame frame) {
        try {
            Template t = fm.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(new PageModel(wrap(model), wrap(frame)), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("console template " + name + " failed: " + e.getMessage(), e);
        }
    }

    private TemplateHashModel wrap(Object o) {
        try {
            return (TemplateHashModel) fm.getObjectWrapper().wrap(o);
        } catch (TemplateModelException e) {
            throw new IllegalStateException("console model not usable: " + e.getMessage(), e);
        }
    }

    /** The page's names over the frame's names. */
    private record PageModel(TemplateHashModel page, TemplateHashModel frame) implements TemplateHashModel {
        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            TemplateModel v = page.get(key);
            return v != null ? v : frame.get(key);
        }

        @Override
        public boolean isEmpty() {
            return false;
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
