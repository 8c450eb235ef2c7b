package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.LedgerRepository;
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
import cn.gongkai.review.LoginSessions;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.UserException;
import cn.gongkai.review.Users;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff console: server-rendered pages in Chinese from {@code templates/console/} — 待办, 稿件, 编辑 (with a live
 * WeChat preview), 审核 (with a diff against the last approved version), 排期, 发布记录, 统计, 年报 and 系统 — behind
 * a login ({@link ConsoleAccess}). Every route of the server except {@code /healthz} and the WeChat callback needs a
 * logged-in user or an API token.
 */
public final class Console {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    /**
     * What the console works with, all from the composition root.
     *
     * @param ledger              the publication ledger, for the 统计 page's 台账 card (import, reconcile, categorise)
     * @param sessions            where logged-in sessions are kept across restarts
     * @param factsDir            folder of the annual report facts files ({@code config/report/})
     * @param databaseDescription the database URL without credentials, for the 系统 page
     * @param databaseUp          answers whether the database can be reached
     */
    public record Services(GongkaiConfig config, Clock clock, Users users, ItemRepository items, ImageStore images,
                           AuditLog audit, ItemImporter importer, ReviewService review, ArticleRenderer renderer,
                           BatchRepository batches, Publisher publisher, PublishActions publishActions,
                           Watchdog watchdog, CallBudget callBudget, WeChatGateway gateway, Counter counter,
                           LedgerRepository ledger, LedgerExport ledgerExport, AnnualReports reports,
                           ApprovedSnapshots snapshots, LoginSessions sessions, Path factsDir,
                           String databaseDescription, Supplier<Boolean> databaseUp) {
        public Services {
            Object[] all = {config, clock, users, items, images, audit, importer, review, renderer, batches,
                    publisher, publishActions, watchdog, callBudget, gateway, counter, ledger, ledgerExport, reports,
                    snapshots, sessions, factsDir, databaseDescription, databaseUp};
            String[] names = {"config", "clock", "users", "items", "images", "audit", "importer", "review",
                    "renderer", "batches", "publisher", "publishActions", "watchdog", "callBudget", "gateway",
                    "counter", "ledger", "ledgerExport", "reports", "snapshots", "sessions", "factsDir",
                    "databaseDescription", "databaseUp"};
            for (int i = 0; i < all.length; i++) {
                if (all[i] == null) {
                    throw new IllegalArgumentException("console service " + names[i] + " must not be null");
                }
            }
        }

        /** The account's display name, or its id when it is not configured. */
        String accountName(String id) {
            return config.accounts().stream().filter(a -> a.id().equals(id)).map(AccountConfig::name).findFirst()
                    .orElse(id);
        }
    }

    private final Services services;
    private final Views views;
    private final ConsoleAccess access;

    /** Builds the console; {@code tokens} are further ways to authenticate (API tokens for scripts). */
    public Console(Services services, List<Authenticator> tokens) {
        this.services = services;
        GongkaiConfig cfg = services.config();
        this.views = new Views(cfg.templatesDir().resolve("console"), cfg.timezone(), cfg.anySandbox(),
                String.join("、", cfg.accounts().stream().map(AccountConfig::name).toList()));
        this.access = new ConsoleAccess(services.users(), new Sessions(services.clock(), services.sessions()),
                new LoginThrottle(services.clock()), tokens, views);
    }

    /** The console with API tokens ({@code Authorization: Bearer}) accepted beside the login session. */
    public Console(Services services) {
        this(services, List.of(new BearerTokenAuthenticator(services.users())));
    }

    /** The login session as an {@link Authenticator}, for the REST API. */
    public Authenticator sessionAuthenticator() {
        return access.sessionAuthenticator();
    }

    /** Whether no staff account exists yet (then the first administrator must be made with the CLI). */
    public boolean noUsers() {
        return services.users().list().isEmpty();
    }

    /** The console's pages, for answers made outside a page (errors, refused bodies). */
    Views views() {
        return views;
    }

    void register(RoutesConfig routes) {
        access.register(routes);
        new Assets(services.config().templatesDir().resolve("console")).register(routes);
        // before the item pages: /items/new must not be taken for /items/{id}
        new EditorPages(services, views).register(routes);
        new ItemPages(services, views).register(routes);
        new SchedulePage(services, views).register(routes);
        new PublishPages(services, views).register(routes);
        new StatsPage(services, views).register(routes);
        new ReportPage(services, views).register(routes);
        new SystemPage(services, views, access).register(routes);
        routes.exception(Forbidden.class, (e, ctx) -> error(ctx, 403, "没有权限", e.getMessage()));
        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, "找不到", e.getMessage()));
        routes.exception(ReviewException.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                new Problem(409, "urn:gongkai:problem:review", "审核操作不允许", e.getMessage()).send(ctx);
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

    private void error(Context ctx, int status, String title, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).json(Map.of("title", title, "status", status, "detail", message));
        } else {
            views.page(ctx, status, "error.ftlh", Map.of("title", title, "message", message));
        }
    }

    /** An action that was refused: back to the page it came from, with the reason. */
    private void back(Context ctx, String message) {
        LOG.info("Console action {} {} refused: {}", ctx.method(), ctx.path(), message);
        ConsoleAccess.flash(ctx, message, true);
        String referer = ctx.header("Referer");
        String target = "/";
        if (referer != null) {
            int at = referer.indexOf("://");
            int slash = at < 0 ? -1 : referer.indexOf('/', at + 3);
            target = ConsoleAccess.next(slash < 0 ? "/" : referer.substring(slash));
        }
        ctx.redirect(target);
    }
}
