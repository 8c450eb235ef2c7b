package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.portal.DeliveryDecisions;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.OfficeMailbox;
import cn.gongkai.portal.PortalCounter;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.PhonePreview;
import cn.gongkai.publish.PublishActionException;
import cn.gongkai.publish.PublishActions;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.Counter;
import cn.gongkai.report.LedgerExport;
import cn.gongkai.review.ApprovedSnapshots;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.EditorDrafts;
import cn.gongkai.review.FormTokens;
import cn.gongkai.review.LoginFailures;
import cn.gongkai.review.LoginSessions;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.UserException;
import cn.gongkai.review.Users;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff console: server-rendered pages in Chinese from {@code templates/console/} — 待办, 稿件, 编辑 (with a live
 * WeChat preview), 审核 (with a diff against the last approved version), 排期, 发布记录 (微信公众号 and 报区政府办), 统计,
 * 年报, 区政府办邮箱 (sandbox) and 系统 — behind a login ({@link ConsoleAccess}). Every route of the server except
 * {@code /healthz} and the WeChat callback needs a logged-in user or an API token.
 */
public final class Console {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    /** The staff accounts, where logged-in sessions are kept across restarts, and the units (单位) there are. */
    public record Staff(Users users, LoginSessions sessions, LoginFailures failures, cn.gongkai.review.Units units) {
    }

    /** What the item pages (待办, 稿件, 审核, 编辑, one item) read and run. */
    public record ItemWork(ItemRepository items, ImageStore images, AuditLog audit, ApprovedSnapshots snapshots,
                           ItemImporter importer, ReviewService review, ArticleRenderer renderer,
                           PublishActions publishActions, PhonePreview phonePreview,
                           Editing editing) {
    }

    /**
     * What the editor keeps besides items: one-time form tokens, autosaves, and the publisher's schedule (an
     * account's cron and a time → the next publishing slot after it).
     */
    public record Editing(FormTokens tokens, EditorDrafts drafts, BiFunction<String, Instant, Instant> slots) {
    }

    /** What 排期, 发布记录 and 系统 read of publishing: batches, runs, warnings, quotas and the WeChat port. */
    public record Publishing(BatchRepository batches, Publisher publisher, Watchdog watchdog, CallBudget callBudget,
                             WeChatGateway gateway) {
    }

    /**
     * What 统计 and 年报 read: the counts, the publication ledger and its export, the annual report drafts and the
     * folder of their facts files ({@code config/report/}).
     */
    public record Records(Counter counter, LedgerRepository ledger, LedgerExport ledgerExport, AnnualReports reports,
                          Path factsDir, Supplier<cn.gongkai.inspect.Inspector> inspector,
                          Supplier<cn.gongkai.inspect.InspectionExport> inspectionExport,
                          Supplier<cn.gongkai.inspect.DistrictOverview> district,
                          java.util.function.Function<String, Counter> unitCounter,
                          java.util.function.Function<String, AnnualReports> unitReports) {
    }

    /**
     * What the 报区政府办 channel shows and records: the delivery rows, the staff's decisions (built on use), the
     * counts and the sandbox office mailbox (empty when every portal has a real receiver).
     */
    public record Portals(DeliveryStore deliveries, Supplier<DeliveryDecisions> decisions, PortalCounter counter,
                          Optional<OfficeMailbox> mailbox, cn.gongkai.portal.InternalAdoption adoption) {
    }

    /** The database URL without credentials and whether the database can be reached, for the 系统 page. */
    public record Database(String description, Supplier<Boolean> up) {
    }

    private final Site site;
    private final Staff staff;
    private final ItemWork work;
    private final Publishing publishing;
    private final Records records;
    private final Database database;
    private final Portals portals;
    private final Views views;
    private final ConsoleAccess access;

    /** Builds the console from its parts; API tokens ({@code Authorization: Bearer}) are accepted beside the login. */
    public Console(GongkaiConfig config, Clock clock, Staff staff, ItemWork work, Publishing publishing,
                   Records records, Database database, Portals portals) {
        this.site = new Site(config, clock);
        this.staff = staff;
        this.work = work;
        this.publishing = publishing;
        this.records = records;
        this.database = database;
        this.portals = portals;
        this.views = new Views(config.templatesDir().resolve("console"), config.timezone(), config.anySandbox(),
                names(config.accounts()), portals.mailbox().isPresent(),
                unit -> names(config.accounts().stream().filter(a -> config.unit(unit)
                        .map(u -> u.hasAccount(a.id())).orElse(false)).toList()));
        this.access = new ConsoleAccess(staff.users(), new Sessions(clock, staff.sessions()),
                new LoginThrottle(clock, staff.failures()), List.of(new BearerTokenAuthenticator(staff.users())), views);
    }

    /** Every unit there is, the configuration's and those added on the 单位 page, read when a page asks. */
    private static List<cn.gongkai.config.UnitConfig> unitConfigs(Staff staff) {
        return staff.units().all().stream().map(cn.gongkai.review.Units.Unit::config).toList();
    }

    private static String names(List<AccountConfig> accounts) {
        return String.join("、", accounts.stream().map(AccountConfig::name).toList());
    }

    /** The login session as an {@link Authenticator}, for the REST API. */
    public Authenticator sessionAuthenticator() {
        return access.sessionAuthenticator();
    }

    /** The counts of one unit, by its id (the whole instance's counter with one unit). */
    java.util.function.Function<String, Counter> unitCounter() {
        return records.unitCounter();
    }

    /** Whether no staff account exists yet (then the first administrator must be made with the CLI). */
    public boolean noUsers() {
        return staff.users().list().isEmpty();
    }

    /** The console's pages, for answers made outside a page (errors, refused bodies). */
    Views views() {
        return views;
    }

    void register(RoutesConfig routes) {
        access.register(routes);
        new ItemScopeGuard(work.items()).register(routes);
        new Assets(site.config().templatesDir().resolve("console")).register(routes);
        registerItemPages(routes);
        new SchedulePage(new SchedulePage.Uses(work.items(), site), views).register(routes);
        new PublishPages(new PublishPages.Uses(work.items(), publishing.batches(), publishing.publisher(), site),
                views).register(routes);
        new PortalRecordsPage(portals.deliveries(), site, views).register(routes);
        portals.mailbox().ifPresent(m -> new PortalMailboxPage(m, portals.deliveries(), site, views)
                .register(routes));
        cn.gongkai.portal.InternalInbox inbox = new cn.gongkai.portal.InternalInbox(site.config(), portals.deliveries());
        views.withInbox(inbox::receives);
        new PortalInboxPage(new PortalInboxPage.Uses(inbox, portals.adoption(), work.items(), work.images()), views)
                .register(routes);
        new StatsPage(new StatsPage.Uses(records.counter(), records.ledgerExport(), site,
                records.unitCounter()), views,
                new LedgerPage.Uses(records.ledger(), records.counter(), publishing.gateway(), site),
                new PortalStatsCard(portals.counter(), site)).register(routes);
        new InspectionPage(new InspectionPage.Uses(records.inspector(), records.inspectionExport(), site), views)
                .register(routes);
        new DistrictPage(records.district(), () -> cn.gongkai.report.DistrictCategories.of(unitConfigs(staff),
                records.counter(), records.unitCounter()), site, views).register(routes);
        new DistrictReportsPage(() -> cn.gongkai.report.DistrictReports.of(site.config(), unitConfigs(staff),
                records.factsDir(), records.unitReports(), records.unitCounter()), site, views).register(routes);
        new UnitsPage(new UnitsPage.Uses(staff.units(), staff.users(), site), views, access).register(routes);
        new ReportPage(new ReportPage.Uses(records.reports(), records.factsDir(), site, records.unitReports()), views).register(routes);
        new HolidaysPage(site, views).register(routes);
        new SystemPage(new SystemPage.Uses(site, staff.users(), work.review(), publishing.watchdog(),
                publishing.callBudget(), publishing.gateway(), database.description(), database.up(), staff.units()), views,
                access)
                .register(routes);
        registerRefusals(routes);
    }

    /** How refused requests are answered: an error page, a problem body for the API, or back with the reason. */
    private void registerRefusals(RoutesConfig routes) {
        routes.exception(Forbidden.class, (e, ctx) -> error(ctx, 403, "没有权限", e.getMessage()));
        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, "找不到", e.getMessage()));
        routes.exception(ReviewException.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                ItemApi.refusal(e).send(ctx);
            } else if (e.forbidden()) {
                error(ctx, 403, "没有权限", e.getMessage());
            } else {
                back(ctx, e.getMessage());
            }
        });
        routes.exception(PublishActionException.class, (e, ctx) -> back(ctx, e.getMessage()));
        routes.exception(UserException.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                new Problem(400, "urn:gongkai:problem:user", "用户操作不允许", e.getMessage()).send(ctx);
            } else {
                back(ctx, e.getMessage());
            }
        });
    }

    private void registerItemPages(RoutesConfig routes) {
        ItemPages items = new ItemPages(new ItemPages.Uses(work.items(), work.review(), site), views);
        // before the item pages: /items/new must not be taken for /items/{id}
        new EditorPages(new EditorPages.Uses(work.items(), work.images(), work.importer(), work.review(),
                work.renderer(), site, work.audit(), work.editing().tokens(), work.editing().drafts(),
                work.editing().slots()), views).register(routes);
        new TodoPage(new TodoPage.Uses(work.items(), work.review(), publishing.watchdog(), site), views,
                items).register(routes);
        new ItemListPages(new ItemListPages.Uses(work.items(), work.review(), site), views, items).register(routes);
        new ItemDetailPage(new ItemDetailPage.Uses(work.review(), work.audit(), work.renderer(), work.snapshots(),
                records.ledger(), site), views, items, new PortalItemStatus(portals.deliveries(), site, views))
                .register(routes);
        new ItemActions(new ItemActions.Uses(work.review(), work.publishActions(), work.images())).register(routes);
        new PhonePreviewAction(new PhonePreviewAction.Uses(work.phonePreview(), site), items).register(routes);
        new PublishedItemActions(work.publishActions()).register(routes);
        new PortalItemActions(portals.decisions(), work.items(), site).register(routes);
        new PublishNowPages(new PublishNowPages.Uses(work.items(), work.review(), site), views, items)
                .register(routes);
    }

    private void error(Context ctx, int status, String title, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).json(Map.of("title", title, "status", status, "detail", message));
        } else {
            views.page(ctx, status, "", "error.ftlh", new Views.ErrorView(title, message));
        }
    }

    /** An action that was refused: back to the page it came from, with the reason. */
    private void back(Context ctx, String message) {
        LOG.info("Console action {} {} refused: {}", ctx.method(), ctx.path(), message);
        ConsoleAccess.flash(ctx, message, true);
        ctx.redirect(ConsoleAccess.refererPath(ctx));
    }
}
