package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.report.Counter;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: {@code GET /healthz} for operators and monitoring, the staff {@link Console} (login, pages in
 * Chinese), {@code GET /api/counts?year=Y} (see {@link CountsRoutes}), and with {@link PublishingEndpoints} the
 * WeChat callback route and the watchdog's warnings in {@code /healthz}. Everything but {@code /healthz} and the
 * callback needs a logged-in user or an API token; without a console nobody can log in and only those two answer.
 * Every request first meets the {@link Door} (security headers, body limits per route); every exception no route
 * answers itself is answered by {@link ErrorAnswers} (4xx for the client's mistakes, a generic 500 for ours).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final GongkaiConfig config;
    private final ItemRepository items;
    private final Clock clock;
    private final PublishingEndpoints publishing;
    private volatile Warming warming = Warming.DONE;

    private WebServer(GongkaiConfig config, ItemRepository items, Counter counter, Clock clock,
                      PublishingEndpoints publishing, Console console, ItemApi api) {
        this.config = config;
        this.items = items;
        this.clock = clock;
        this.publishing = publishing;
        Door door = new Door(config.review().imageMaxMb());
        ErrorAnswers errors = new ErrorAnswers(console == null ? null : console.views());
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            // no body is read past its route's limit: declared lengths are refused unread, chunked bodies are cut off
            c.http.maxRequestSize = door.largest();
            c.jetty.multipartConfig.maxFileSize(door.largest(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(door.largest(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            c.jetty.modifyServer(server -> server.insertHandler(door.jetty()));
            // outermost: requests beyond the database pool's size wait their turn instead of failing (RequestQueue)
            c.jetty.modifyServer(server -> server.insertHandler(new RequestQueue()));
            c.routes.before(door::refuseDeclared);
            errors.register(c.routes);
            if (api != null) {
                api.register(c.routes);
            }
            // after the API, so that the console's exception handlers (which answer /api/ paths the API's way)
            // replace the API's for the same exception classes; the console's guard still runs before every endpoint
            if (console != null) {
                console.register(c.routes);
            } else {
                c.routes.before(ctx -> closed(ctx, api != null));
            }
            c.routes.get("/healthz", this::health);
            c.routes.get("/api/counts", new CountsRoutes(counter, config,
                    console == null ? unit -> counter : console.unitCounter())::counts);
            if (publishing != null) {
                publishing.register(c.routes);
            }
        });
    }

    /** Starts listening on the configured host and port (port 0: any free port), without a console. */
    public static WebServer start(GongkaiConfig config, ItemRepository items, BatchRepository batches, Counter counter,
                                  Clock clock) {
        return start(config, items, batches, counter, clock, null, null);
    }

    /**
     * Starts listening without a console, with the publishing endpoints (callback route, watchdog warnings) and the
     * REST API of {@link ItemApi} (which asks for a token itself) when they are given.
     */
    public static WebServer start(GongkaiConfig config, ItemRepository items, BatchRepository batches, Counter counter,
                                  Clock clock, PublishingEndpoints publishing, ItemApi api) {
        return listen(new WebServer(config, items, counter, clock, publishing, null, api));
    }

    /**
     * Starts listening with the staff console and, when given, the publishing endpoints and the REST API (which
     * should accept the console's session too: {@link Console#sessionAuthenticator()}).
     */
    public static WebServer start(GongkaiConfig config, ItemRepository items, Counter counter, Clock clock,
                                  Console console, PublishingEndpoints publishing, ItemApi api) {
        return listen(new WebServer(config, items, counter, clock, publishing, console, api));
    }

    /**
     * Starts a throw-away server on a free loopback port, has it answer one request and stops it: initialises Jetty
     * and Javalin ahead of the real start. {@code serve} does this on a second thread while its configuration and
     * database are read (issue 16); nothing else listens meanwhile, and a failure only costs the head start.
     */
    public static void warmUp() {
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/", ctx -> ctx.json(Map.of("status", "ok")));
        });
        try {
            app.start("127.0.0.1", 0);
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:"
                    + app.port() + "/").toURL().openConnection();
            try (java.io.InputStream in = c.getInputStream()) {
                in.readAllBytes();
            } finally {
                c.disconnect();
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("Web server warm-up failed; serve starts without it", e);
        } finally {
            app.stop();
        }
    }

    private static WebServer listen(WebServer server) {
        server.app.start(server.config.web().host(), server.config.web().port());
        LOG.info("Web server listening on {}:{}", server.config.web().host(), server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    /**
     * Every registered route as "METHOD path" (Javalin's own list, without before/after filters), e.g.
     * {@code "GET /items/{id}"}: the isolation walker requests each of them as a user of another unit.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(h -> h.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .toList();
    }

    /**
     * What {@code serve} still does after the port opened (the scheduler's start and recovery …): {@code /healthz}
     * lists it under {@code warming} and answers 200 meanwhile; a step that failed makes it 503 ("degraded").
     */
    public void reportWarming(Warming warming) {
        this.warming = warming;
    }

    /** The warm-up steps still running and those that failed, by name (e.g. "scheduler"). */
    public interface Warming {
        Warming DONE = new Warming() {
            @Override
            public List<String> pending() {
                return List.of();
            }

            @Override
            public List<String> failed() {
                return List.of();
            }
        };

        List<String> pending();

        List<String> failed();
    }

    /**
     * Without a console nobody can log in: everything but the open routes is refused, except the item API's routes,
     * which ask for a token themselves.
     */
    private static void closed(Context ctx, boolean api) {
        boolean apiRoute = api && (ctx.path().equals("/api/me") || ctx.path().startsWith("/api/items"));
        if (!ConsoleAccess.open(ctx.path()) && !apiRoute) {
            ctx.status(401).json(Map.of("title", "需要登录", "status", 401, "detail", "控制台未启用，无法登录"));
            ctx.skipRemainingHandlers();
        }
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean dbUp;
        try {
            items.list(ItemStatus.PUBLISHING);
            dbUp = true;
        } catch (RuntimeException e) {
            LOG.error("Health check: database unreachable", e);
            dbUp = false;
        }
        Warming w = warming;
        List<String> failed = w.failed();
        boolean up = dbUp && failed.isEmpty();
        body.put("status", up ? "ok" : "degraded");
        body.put("database", dbUp ? "ok" : "unreachable");
        body.put("warming", w.pending());
        if (!failed.isEmpty()) {
            body.put("warmupFailed", failed);
        }
        body.put("sandbox", config.anySandbox());
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (AccountConfig a : config.accounts()) {
            accounts.add(Map.of("id", a.id(), "name", a.name(), "sandbox", a.sandbox(), "cron", a.cron()));
        }
        body.put("accounts", accounts);
        if (publishing != null && dbUp) {
            try {
                body.put("warnings", publishing.warnings());
            } catch (RuntimeException e) {
                LOG.error("Health check: watchdog failed", e);
            }
        }
        body.put("time", clock.instant().toString());
        ctx.status(up ? 200 : 503).json(body);
    }

    @Override
    public void close() {
        app.stop();
    }
}
