package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.report.Counter;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: {@code GET /healthz} for operators and monitoring, and a read-only overview page at {@code /}
 * (queue by status, recent publishing batches) from {@code templates/console/overview.ftlh},
 * {@code GET /api/counts?year=Y} (see {@link CountsRoutes}), and with {@link PublishingEndpoints} the WeChat callback
 * route and the watchdog's warnings in {@code /healthz}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Javalin app;
    private final GongkaiConfig config;
    private final ItemRepository items;
    private final BatchRepository batches;
    private final Template overview;
    private final Clock clock;
    private final PublishingEndpoints publishing;

    private WebServer(GongkaiConfig config, ItemRepository items, BatchRepository batches, Counter counter,
                      Clock clock, PublishingEndpoints publishing, ItemApi api) {
        this.config = config;
        this.items = items;
        this.batches = batches;
        this.clock = clock;
        this.publishing = publishing;
        this.overview = template(config);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/healthz", this::health);
            c.routes.get("/", this::overviewPage);
            c.routes.get("/api/counts", new CountsRoutes(counter)::counts);
            if (publishing != null) {
                publishing.register(c.routes);
            }
            if (api != null) {
                api.register(c.routes);
            }
        });
    }

    /** Starts listening on the configured host and port (port 0: any free port). */
    public static WebServer start(GongkaiConfig config, ItemRepository items, BatchRepository batches, Counter counter,
                                  Clock clock) {
        return start(config, items, batches, counter, clock, null, null);
    }

    /**
     * Starts listening, with the publishing endpoints (callback route, watchdog warnings) and the REST API of
     * {@link ItemApi} under {@code /api} when they are given.
     */
    public static WebServer start(GongkaiConfig config, ItemRepository items, BatchRepository batches, Counter counter,
                                  Clock clock, PublishingEndpoints publishing, ItemApi api) {
        WebServer server = new WebServer(config, items, batches, counter, clock, publishing, api);
        server.app.start(config.web().host(), config.web().port());
        LOG.info("Web server listening on {}:{}", config.web().host(), server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    private static Template template(GongkaiConfig config) {
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        try {
            fm.setDirectoryForTemplateLoading(config.templatesDir().resolve("console").toFile());
            fm.setDefaultEncoding("UTF-8");
            fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            fm.setLogTemplateExceptions(false);
            return fm.getTemplate("overview.ftlh");
        } catch (IOException e) {
            throw new IllegalStateException("console template overview.ftlh unreadable under "
                    + config.templatesDir().resolve("console") + ": " + e.getMessage(), e);
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
        body.put("status", dbUp ? "ok" : "degraded");
        body.put("database", dbUp ? "ok" : "unreachable");
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
        ctx.status(dbUp ? 200 : 503).json(body);
    }

    private void overviewPage(Context ctx) throws Exception {
        Map<ItemStatus, Integer> byStatus = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            byStatus.put(s, 0);
        }
        for (DisclosureItem i : items.list(null)) {
            byStatus.merge(i.status(), 1, Integer::sum);
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        byStatus.forEach((s, n) -> statuses.add(Map.of("label", s.label(), "count", n)));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (PublishBatch b : batches.recent(20)) {
            recent.add(Map.of("id", b.id(), "account", b.account(), "state", b.state().name(),
                    "items", b.itemIds().size(), "error", b.error(),
                    "updated", MINUTE.format(b.updatedAt().atZone(config.timezone()))));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sandbox", config.anySandbox());
        model.put("accounts", config.accounts().stream().map(AccountConfig::name).toList());
        model.put("statuses", statuses);
        model.put("batches", recent);
        StringWriter out = new StringWriter();
        overview.process(model, out);
        ctx.html(out.toString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
