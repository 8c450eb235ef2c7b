package cn.gongkai.web;

import cn.gongkai.render.PreviewPage;
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

/**
 * The console's FreeMarker pages from {@code templates/console/} (auto-escaped {@code .ftlh}, every page built on
 * the {@code layout.ftlh} macro). Adds what every page shows: the user, the CSRF token, the menu, the sandbox
 * banner and a one-time message.
 */
final class Views {
    /** The menu entry of the sandbox office mailbox, shown only when there is one ({@link PortalMailboxPage}). */
    static final String MAILBOX = "mailbox";
    /** The menu entry of the district office's 全区 page, shown to the district roles only. */
    static final String DISTRICT = "district";
    /** The menu entry of the 单位 page, shown to the district roles only. */
    static final String UNITS = "units";
    /** The menu entry of the 报送收件箱, shown to the office of a unit that receives internal deliveries only. */
    static final String INBOX = "inbox";
    /** The menu: path and label, in the order shown. */
    static final List<MenuEntry> MENU = List.of(menu("todo", "/", "待办"), menu("items", "/items", "稿件"),
            menu("edit", "/items/new", "编辑"), menu("review", "/review", "审核"), menu("schedule", "/schedule", "排期"),
            menu("publishing", "/publishing", "发布记录"), menu(MAILBOX, "/portal/mailbox", "区政府办邮箱"),
            menu(INBOX, "/inbox", "报送收件箱"),
            menu("stats", "/stats", "统计"), menu("inspect", "/inspect", "账号巡查"),
            menu(DISTRICT, "/district", "全区"), menu(UNITS, "/units", "单位"),
            menu("report", "/report", "年报"), menu("system", "/system", "系统"));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Views.class);

    private final Configuration fm;
    /** The jar's own pages, for a page whose edited copy in the folder no longer fits this version. */
    private final Configuration builtIn;
    private final Path folder;
    private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ZoneId zone;
    private final boolean sandbox;
    private final String accounts;
    private final java.util.function.UnaryOperator<String> accountsOfUnit;
    private final boolean mailbox;
    /** Whether a unit receives internal deliveries (its office then has the 报送收件箱 entry). */
    private volatile java.util.function.Predicate<String> inboxUnits = unit -> false;

    Views(Path consoleTemplates, ZoneId zone, boolean sandbox, String accounts) {
        this(consoleTemplates, zone, sandbox, accounts, false, unit -> accounts);
    }

    /**
     * The pages; {@code mailbox}: whether the menu links the sandbox office mailbox; {@code accountsOfUnit}: the
     * names of a unit's accounts, which its staff see in the sandbox banner instead of every unit's.
     */
    Views(Path consoleTemplates, ZoneId zone, boolean sandbox, String accounts, boolean mailbox,
          java.util.function.UnaryOperator<String> accountsOfUnit) {
        this.mailbox = mailbox;
        this.zone = zone;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.accountsOfUnit = accountsOfUnit;
        this.folder = consoleTemplates;
        // the templates folder first (staff may edit the pages), the jar's copy for pages a folder written out by an
        // older version does not have
        ClassTemplateLoader bundled = new ClassTemplateLoader(Views.class, "/templates/console");
        try {
            this.fm = configuration(java.nio.file.Files.isDirectory(consoleTemplates)
                    ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(consoleTemplates.toFile()),
                            bundled}) : bundled);
        } catch (IOException e) {
            throw new IllegalStateException("console templates folder unreadable: " + consoleTemplates, e);
        }
        this.builtIn = configuration(bundled);
    }

    /** The units whose office gets the 报送收件箱 menu entry; set once by the console. */
    Views withInbox(java.util.function.Predicate<String> units) {
        this.inboxUnits = units;
        return this;
    }

    private static Configuration configuration(TemplateLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        try {
            // WeChat's rules around an article, for the preview box: the same sheet as the render --out preview page
            c.setSharedVariable("wechatCss", PreviewPage.containerCss());
        } catch (TemplateModelException e) {
            throw new IllegalStateException("the WeChat container rules cannot be shared with the console pages", e);
        }
        return c;
    }

    /**
     * The menu a role works with: drafters have no review queue, publishing controls or annual report to act on,
     * the department and principal leaders no publishing controls or annual report; the office and the
     * administrator see everything. Pages stay reachable by address; each checks its own actions.
     */
    static List<MenuEntry> menuFor(cn.gongkai.review.Role role) {
        java.util.Set<String> hidden = switch (role) {
            case DRAFTER -> java.util.Set.of("review", "publishing", MAILBOX, "report", "inspect", DISTRICT, UNITS);
            case DEPT_LEADER -> java.util.Set.of("publishing", MAILBOX, "report", "inspect", DISTRICT, UNITS);
            case PRINCIPAL_LEADER -> java.util.Set.of("publishing", MAILBOX, "report", DISTRICT, UNITS);
            case OFFICE_DIRECTOR, OFFICE_LEADER, ADMIN -> java.util.Set.of(DISTRICT, UNITS);
            // issue 19: the district office reads items and its 全区 page, and changes none
            case DISTRICT_ADMIN, DISTRICT_INSPECTOR -> java.util.Set.of("edit", "review", "publishing", MAILBOX,
                    "report");
        };
        return MENU.stream().filter(m -> !hidden.contains(m.id())).toList();
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

    /** Renders {@code name} with the page's view record under {@code active}, as the response. */
    void page(Context ctx, int status, String active, String name, Record model) {
        ctx.status(status).contentType("text/html;charset=utf-8").result(render(name, model, frame(ctx, active)));
    }

    private Frame frame(Context ctx, String active) {
        Sessions.Session session = ConsoleAccess.session(ctx);
        var user = ConsoleAccess.currentUser(ctx);
        Me me = user == null ? null : new Me(user.name(), user.role().id(), user.role().label());
        var notice = session == null ? null : session.takeNotice();
        List<MenuEntry> menu = (user == null ? MENU : menuFor(user.role())).stream()
                .filter(m -> mailbox || !m.id().equals(MAILBOX))
                .filter(m -> !m.id().equals(INBOX) || user != null && ConsoleAccess.holds(user, PortalInboxPage.OFFICE)
                        && user.unitId() != null && inboxUnits.test(user.unitId())).toList();
        return new Frame(me, session == null ? "" : session.csrf, menu, active,
                sandbox, user == null || user.unitId() == null ? accounts : accountsOfUnit.apply(user.unitId()),
                notice == null ? "" : notice.text(), notice != null && notice.error());
    }

    /**
     * Renders {@code name}: a name is looked up in the page's model first, then in the frame. When the folder's copy
     * of a page (or of the layout it uses) fails — staff edited it under an older version whose names this version
     * no longer has — the jar's own page is shown instead and operators are told once which file to merge.
     */
    String render(String name, Object model, Frame frame) {
        try {
            return render(fm, name, model, frame);
        } catch (IOException | TemplateException e) {
            if (!editedInFolder(name) && !editedInFolder("layout.ftlh")) {
                // the jar's own page failed: a fault in the page or its data, not an outdated copy
                throw new IllegalStateException("console template " + name + " failed: " + e.getMessage(), e);
            }
            if (warned.add(name)) {
                LOG.warn("控制台页面 {} 用模板目录 {} 中的版本显示失败（{}），已改用程序自带的版本。该目录中的控制台模板多半是"
                        + "旧版本修改后保留下来的：请对照旁边的 .new 文件合并本单位的修改，或删除修改过的文件"
                        + "（下次启动写入新版本）", name, folder.toAbsolutePath(), firstLine(e.getMessage()));
            }
            try {
                return render(builtIn, name, model, frame);
            } catch (IOException | TemplateException again) {
                throw new IllegalStateException("console template " + name + " failed: " + again.getMessage(), again);
            }
        }
    }

    private String render(Configuration configuration, String name, Object model, Frame frame)
            throws IOException, TemplateException {
        Template t = configuration.getTemplate(name);
        StringWriter out = new StringWriter();
        t.process(new PageModel(wrap(model), wrap(frame)), out);
        return out.toString();
    }

    /** Whether the folder holds its own copy of {@code name} that differs from the jar's. */
    private boolean editedInFolder(String name) {
        Path copy = folder.resolve(name);
        if (!java.nio.file.Files.isRegularFile(copy)) {
            return false;
        }
        try (java.io.InputStream jar = Views.class.getResourceAsStream("/templates/console/" + name)) {
            return jar == null || !java.util.Arrays.equals(jar.readAllBytes(), java.nio.file.Files.readAllBytes(copy));
        } catch (IOException e) {
            return true;
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
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
