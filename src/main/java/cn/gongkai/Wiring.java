package cn.gongkai;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.intake.Inbox;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.delivery.PortalProbe;
import cn.gongkai.delivery.SandboxMailbox;
import cn.gongkai.portal.DeliveryBoundary;
import cn.gongkai.portal.OfficeMailbox;
import cn.gongkai.portal.DeliveryDecisions;
import cn.gongkai.portal.DeliveryParts;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.PortalCounter;
import cn.gongkai.portal.PortalPackages;
import cn.gongkai.portal.PortalRunner;
import cn.gongkai.portal.PortalSenders;
import cn.gongkai.portal.RetryPolicy;
import cn.gongkai.publish.BoundaryListener;
import cn.gongkai.publish.CallbackGuard;
import cn.gongkai.publish.CallbackReader;
import cn.gongkai.publish.PublishActions;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.intake.OaImporter;
import cn.gongkai.store.JdbcOaRows;
import cn.gongkai.store.PrivateFiles;
import cn.gongkai.store.RowAccountLocks;
import cn.gongkai.publish.CallBudget;
import cn.gongkai.publish.PhonePreview;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishSettings;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.Glossary;
import java.nio.file.Files;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.Counter;
import cn.gongkai.report.PortalChannel;
import cn.gongkai.report.PortalLedger;
import cn.gongkai.config.ReviewConfig;
import cn.gongkai.review.ReviewPolicy;
import cn.gongkai.report.ReportWriter;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Users;
import cn.gongkai.review.SnapshottingAuditLog;
import cn.gongkai.report.HistoryImport;
import cn.gongkai.report.LedgerExport;
import cn.gongkai.report.Reconciler;
import cn.gongkai.web.Console;
import cn.gongkai.review.checks.CheckLimits;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.report.LedgerStatistics;
import cn.gongkai.report.LedgerSummary;
import cn.gongkai.review.AuditLog;
import cn.gongkai.schedule.PublishScheduler;
import java.util.Optional;
import cn.gongkai.wechat.WxCallbackReader;
import cn.gongkai.web.BearerTokenAuthenticator;
import cn.gongkai.web.ItemApi;
import cn.gongkai.wechat.WxJavaGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every object once, by hand, from the configuration. In sandbox mode it also starts
 * the WeChat simulator in-process and points the sandbox accounts at it.
 */
public final class Wiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final GongkaiConfig config;
    private final Clock clock;
    private final List<Lazy<?>> parts = new ArrayList<>();
    private final Lazy<WeChatSimulator> simulator;
    private final Lazy<GongkaiConfig> routed;
    private final Lazy<Database> database;
    private final Lazy<CallBudget> callBudget;
    private final Lazy<WxJavaGateway> gateway;
    private final Lazy<ArticleRenderer> renderer;
    private final Lazy<List<TemplateUpgrade.Step>> templatesFolder;
    /** What serve builds after its port opened; the parts below wait for it rather than build a second time. */
    private final WarmUp warmUp = new WarmUp();
    private final WeChatGateway gatewayWhenReady;
    private final Lazy<ArticleRenderer> rendererWhenReady;
    private final Lazy<java.util.Set<String>> glossaryKeys;
    private final Lazy<ReviewService> review;
    private final Lazy<Users> users;
    private final Lazy<ItemImporter> importer;
    private final Lazy<Publisher> publisher;
    private final Lazy<PhonePreview> phonePreview;
    private final Lazy<PublishActions> publishActions;
    private final Lazy<Watchdog> watchdog;
    private final Lazy<WxCallbackReader> callbacks;
    private final Lazy<CallbackGuard> callbackGuard;
    private final Lazy<java.util.concurrent.ThreadPoolExecutor> confirmations;
    private final Lazy<Counter> counter;
    private final Lazy<AnnualReports> reports;
    private final Lazy<PortalRunner> portalRunner;
    private final Lazy<SandboxMailbox> sandboxMailbox;
    private final Lazy<Glossary> glossary;
    private final Lazy<cn.gongkai.inspect.Inspector> inspector;
    /** Set only by tests ({@link #withPortalParts}); null: the real senders and package builder. */
    private PortalSenders portalSenders;
    private PortalPackages portalPackages;
    private DeliveryBoundary.Listener deliveryBoundaries = DeliveryBoundary.Listener.NONE;

    /** Wires everything; {@code poll} says how long a run waits for WeChat to finish a publish job. */
    public Wiring(GongkaiConfig loaded, Clock clock, PollPolicy poll) {
        this(loaded, clock, poll, BoundaryListener.NONE);
    }

    /**
     * Wires everything with a listener told of each publishing state boundary. Only tests pass anything but
     * {@link BoundaryListener#NONE} (the crash tests stop the process at a boundary); no configuration key or
     * environment variable reaches it.
     *
     * <p>Nothing is built here: each part (the database, the simulator, the WeChat client, the templates, the use
     * cases) is built the first time something asks for it, so a command pays only for what it uses — a read command
     * opens the database and nothing else.
     */
    public Wiring(GongkaiConfig loaded, Clock clock, PollPolicy poll, BoundaryListener boundaries) {
        this.clock = clock;
        this.config = loaded;
        // An anonymous class rather than a lambda: a lambda returning WeChatSimulator loads that class at wiring.
        this.simulator = part("simulator", new java.util.function.Supplier<WeChatSimulator>() {
            @Override
            public WeChatSimulator get() {
                return loaded.anySandbox() ? startSimulator() : null;
            }
        });
        this.routed = part("sandbox routing", () -> simulator.get() == null ? loaded
                : routedToSimulator(loaded, simulator.get()));
        this.database = part("database", () -> openDatabase(loaded));
        this.callBudget = part("call budget", () -> new CallBudget(database().callCounter(),
                loaded.wechat().dailyLimits(), loaded.wechat().quotaShare(), clock));
        this.gateway = part("WeChat client", () -> new WxJavaGateway(routed.get().accounts(), loaded.wechat(),
                callBudget.get(), clock));
        this.renderer = part("article templates", this::loadRenderer);
        this.templatesFolder = part("templates folder", () -> Bundled.ensureTemplates(loaded.templatesDir()));
        this.gatewayWhenReady = new DeferredGateway(warmUp.whenReady("WeChat client", gateway));
        // not a part of its own: the templates are compiled (and listed) only when a render needs them
        this.rendererWhenReady = Lazy.of("article templates when ready",
                () -> ArticleRenderer.later(warmUp.whenReady("article templates", renderer)));
        this.glossaryKeys = part("glossary", this::loadGlossaryKeys);
        this.review = part("review", this::buildReview);
        this.users = part("users", () -> new Users(database().users(), clock, Users.DEFAULT_COST));
        this.importer = part("importer", () -> new ItemImporter(loaded.categories(), accountIds(),
                glossaryKeys.get(), loaded.timezone(), database().items(), database().images(),
                database().transactions(), review.get(), clock));
        this.publisher = part("publisher", () -> new Publisher(database().publishStore(), gatewayWhenReady,
                rendererWhenReady.get(), new ImagePreparer(), PublishSettings.of(loaded.accounts(), loaded.timezone(),
                        loaded.publishing(), poll).withBoundaries(boundaries).withGate(this::lastCheck),
                new RowAccountLocks(database().dataSource()), clock));
        this.phonePreview = part("phone preview", () -> new PhonePreview(database().images(),
                database().mediaCache(), gatewayWhenReady, rendererWhenReady.get(), new ImagePreparer()));
        this.publishActions = part("publish actions", () -> new PublishActions(database().publishStore(),
                gatewayWhenReady, review.get(), clock));
        this.watchdog = part("watchdog", () -> new Watchdog(loaded.accounts(), database().batches(),
                callBudget.get(), loaded.publishing(), loaded.timezone(), clock));
        this.callbacks = part("callback reader", () -> new WxCallbackReader(loaded.accounts()));
        this.callbackGuard = part("callback guard", () -> new CallbackGuard(database().callbackNonces(), clock));
        this.confirmations = part("callback confirmations", ConfigFiles::confirmationExecutor);
        this.counter = part("counter", () -> new Counter(database().ledgerStatistics(), loaded.timezone(),
                loaded.categories(), new PortalChannel(portalCounter(), loaded.portals())));
        this.reports = part("annual reports", () -> new AnnualReports(counter.get(),
                new ReportWriter(loaded.templatesDir())));
        this.sandboxMailbox = part("sandbox mailbox",
                () -> new SandboxMailbox(loaded.dataDir().resolve("sandbox-mailbox")));
        this.glossary = part("glossary notes", this::loadGlossary);
        this.inspector = part("inspector", () -> InspectionSeams.inspector(loaded, gatewayWhenReady,
                database().inspections(), () -> Optional.ofNullable(simulator.get()).map(WeChatSimulator::baseUrl),
                clock));
        this.portalRunner = part("portal runner", () -> portalRunner(loaded.portals()));
    }

    /** A runner that delivers only to {@code portals} (one unit's: {@code portal run --unit U}). */
    public PortalRunner portalRunner(List<PortalConfig> portals) {
        return new PortalRunner(portals, config.units(),
                database().portalDeliveries(), new DeliveryParts(database().items(), database().ledger(),
                        database().audit(), portalPackages != null ? portalPackages
                        : PortalSeams.packages(config, database().images(), glossary::get, database().audit())),
                portalSenders != null ? portalSenders : PortalSeams.senders(sandboxMailbox::get),
                new RetryPolicy(config.portalDelivery().retryAfter()), deliveryBoundaries, clock);
    }

    /**
     * Connects the 报区政府办 channel to other senders and package maker, with a listener told of each delivery
     * boundary; only tests call this (the crash test's folder receiver), before anything asks for the channel.
     */
    public Wiring withPortalParts(PortalSenders senders, PortalPackages packages,
                                  DeliveryBoundary.Listener boundaries) {
        if (portalRunner.isBuilt()) {
            throw new IllegalStateException("the portal runner is already built");
        }
        this.portalSenders = senders;
        this.portalPackages = packages;
        this.deliveryBoundaries = boundaries;
        return this;
    }

    /** Delivers due items to the portals (报区政府办): {@code portal run} and the scheduled job. */
    public PortalRunner portalRunner() {
        return portalRunner.get();
    }

    /** Adoption and resend, recorded by staff. */
    public DeliveryDecisions portalDecisions() {
        return new DeliveryDecisions(portalRunner(), database().portalDeliveries(), database().items(),
                database().audit(), users(), clock);
    }

    /**
     * The office's mailbox in this process, when a portal's mail has no server (sandbox mode): what the office
     * received, for the console's mailbox page; empty when every portal has a real mail server, webhook or folder.
     */
    public Optional<OfficeMailbox> officeMailbox() {
        boolean sandboxed = config.portals().stream().anyMatch(p -> p.delivery() == PortalConfig.Delivery.EMAIL
                && p.email().sandbox());
        return sandboxed ? Optional.of(sandboxMailbox.get()) : Optional.empty();
    }

    /**
     * {@code gongkai doctor}'s lines for each portal ({@code [ok]}, {@code [失败]} or {@code [跳过]} first): mail
     * server and login, webhook reachability, folder writable; a test mail to {@code testTo} only when it is given.
     */
    public List<String> portalChecks(Optional<String> testTo) {
        return config.portals().stream().flatMap(p -> PortalProbe.check(p, sandboxMailbox::get, testTo).stream())
                .map(PortalProbe.Line::text).toList();
    }

    /** The delivery rows of the 报区政府办 channel (status lists). */
    public DeliveryStore portalDeliveries() {
        return database().portalDeliveries();
    }

    /** 报送 and 采用 counts by year. */
    public PortalCounter portalCounter() {
        return new PortalCounter(database().portalDeliveries(), config.timezone(), config.categories());
    }

    private <T> Lazy<T> part(String name, java.util.function.Supplier<? extends T> supplier) {
        Lazy<T> lazy = Lazy.of(name, supplier);
        parts.add(lazy);
        return lazy;
    }

    /** The names of the parts built so far, in wiring order (what a command paid for; for tests and logs). */
    public List<String> builtParts() {
        return parts.stream().filter(Lazy::isBuilt).map(Lazy::name).toList();
    }

    private WeChatSimulator startSimulator() {
        WeChatSimulator sim = WeChatSimulator.start("127.0.0.1", 0, clock);
        LOG.info("WeChat simulator for the sandbox accounts at {}", sim.baseUrl());
        return sim;
    }

    /**
     * The article templates, written out or upgraded first; the accounts' QR codes are stored with the images, since
     * they are uploaded like body images and the publisher looks for them there.
     */
    private ArticleRenderer loadRenderer() {
        templatesFolder.get();
        Map<String, byte[]> qr = new LinkedHashMap<>();
        ArticleRenderer loaded = ArticleRenderer.load(config.templatesDir(), ConfigFiles.renderSettings(config, qr));
        qr.forEach(database().images()::put);
        return loaded;
    }

    /** The glossary (名词解释 of shared terms): read from the templates folder without compiling any template. */
    private Glossary loadGlossary() {
        if (renderer.isBuilt() || !Files.isDirectory(config.templatesDir().resolve("notes"))) {
            return renderer.get().glossary();
        }
        return Glossary.load(config.templatesDir().resolve("notes"));
    }

    /** The glossary's terms for the importer: read from the templates folder without compiling any template. */
    private java.util.Set<String> loadGlossaryKeys() {
        if (renderer.isBuilt() || !Files.isDirectory(config.templatesDir().resolve("notes"))) {
            return renderer.get().glossary().keys();
        }
        return Glossary.load(config.templatesDir().resolve("notes")).keys();
    }

    private ReviewService buildReview() {
        ReviewConfig rc = config.review();
        PrePublishChecks checks = new PrePublishChecks(new CheckLimits(rc.titleMax(), rc.authorMax(), rc.bodyMax(),
                rc.imageMaxMb() * 1024L * 1024L, rc.imageMaxSide(), rc.imageMinWidth()), ConfigFiles.wordList(config));
        // the holiday calendar before the database: serve opens it meanwhile (cn.gongkai.Prewarm)
        cn.gongkai.review.HolidayCalendar holidays = ConfigFiles.holidays(config);
        Database db = database();
        return new ReviewService(new ReviewPolicy(config.reviewChain(), rc.importantChain(), rc.dueWorkingDays(),
                config.timezone(), holidays, unitChains(), accountUnits()), checks, db.items(),
                new SnapshottingAuditLog(db.audit(), db.items(), db.approvedSnapshots(), config.timezone()),
                db.users(), db.transactions(), clock);
    }

    /**
     * Each unit's own review chain (a unit that writes none has the configured one; so has the implicit unit of a
     * single bureau). A lone unit of {@code units:} keeps its own chain too.
     */
    private Map<String, ReviewPolicy.Chains> unitChains() {
        Map<String, ReviewPolicy.Chains> out = new java.util.HashMap<>();
        config.units().forEach(u -> out.put(u.id(), new ReviewPolicy.Chains(u.reviewChain(), u.importantChain())));
        return out;
    }

    private Map<String, String> accountUnits() {
        Map<String, String> out = new java.util.HashMap<>();
        config.units().forEach(u -> u.accounts().forEach(a -> out.put(a, u.id())));
        return out;
    }

    private List<String> accountIds() {
        return config.accounts().stream().map(AccountConfig::id).toList();
    }

    /** The configuration with every sandbox account registered with the simulator under a fresh secret. */
    private static GongkaiConfig routedToSimulator(GongkaiConfig loaded, WeChatSimulator sim) {
        List<AccountConfig> routed = new ArrayList<>();
        for (AccountConfig a : loaded.accounts()) {
            if (a.sandbox()) {
                String secret = ConfigFiles.randomSecret();
                sim.registerAccount(a.appId(), secret, AccountType.SERVICE, true);
                routed.add(a.withApiBaseUrl(sim.baseUrl(), Secret.of(secret)));
            } else {
                routed.add(a);
            }
        }
        return loaded.withAccounts(routed);
    }

    /** Creates the data directory (owner-only) and opens the database, applying the migrations. */
    static Database openDatabase(GongkaiConfig cfg) {
        Optional<Database> ahead = Prewarm.takeDatabase(cfg);
        Database db = ahead.isPresent() ? ahead.get() : openDatabaseNow(cfg);
        db.declareUnits(cfg.units()); // issue 19: the unit of each account; no query until the first item is stored
        return db;
    }

    /** {@link #openDatabase} without asking for one opened ahead (what the warm-up thread itself calls). */
    static Database openDatabaseNow(GongkaiConfig cfg) {
        try {
            PrivateFiles.createDirectories(cfg.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + cfg.dataDir(), e);
        }
        return Database.open(cfg.database().url(), cfg.database().user(), cfg.database().password().reveal(),
                cfg.timezone());
    }

    /** The pre-publish checks once more, just before an item is claimed; the result is an audit row either way. */
    private String lastCheck(cn.gongkai.item.DisclosureItem item) {
        cn.gongkai.review.checks.CheckReport report = review.get().checks().check(item.content());
        review.get().recordCheck(item, report, "publisher");
        return report.hasErrors() ? "发布前检查未通过：" + report.toText() : "";
    }

    /** The poll policy for a long-running service: a short wait per run, the status job polls again later. */
    public static PollPolicy servicePolling() {
        return new PollPolicy(3, Duration.ofSeconds(2));
    }

    /**
     * The configuration as loaded. Sandbox accounts keep their configured API address here; only the WeChat client
     * sees them routed to the simulator (building it starts the simulator).
     */
    public GongkaiConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The in-process simulator with the sandbox accounts registered, or null when every account is real. While serve
     * builds it after its port opened, this waits for that step instead of building it beside it.
     */
    public WeChatSimulator simulator() {
        return warmUp.whenReady("WeChat client", this::registeredSimulator).get();
    }

    /** The simulator with the sandbox accounts registered, built here if need be (serve's warm-up step). */
    WeChatSimulator registeredSimulator() {
        routed.get();
        return simulator.get();
    }

    /**
     * The concrete store. Commands and pages use the repositories below instead; this stays for the serve wiring and
     * for tests that reach into the store.
     */
    public Database database() {
        return database.get();
    }

    /** Disclosure items (the item port). */
    public ItemRepository items() {
        return database().items();
    }

    /** Image bytes by SHA-256. */
    public ImageStore images() {
        return database().images();
    }

    /** Every decision on an item, in order. */
    public AuditLog audit() {
        return database().audit();
    }

    /** Publish batches and their items. */
    public BatchRepository batches() {
        return database().batches();
    }

    /** The ledger of published articles. */
    public LedgerRepository ledger() {
        return database().ledger();
    }

    /** Counts over the ledger, done by the database(). */
    public LedgerStatistics ledgerStatistics() {
        return database().ledgerStatistics();
    }

    /** The per-day summary of the ledger that counts read: rebuilt or checked on demand. */
    public LedgerSummary ledgerSummary() {
        return database().ledgerSummary();
    }

    /** Runs work in one database transaction (bulk writes such as a benchmark's data). */
    public cn.gongkai.item.Transactions transactions() {
        return database().transactions();
    }

    /** The database in one line for staff: its URL without secrets and the product name. */
    public String describeDatabase() {
        return database().describe();
    }

    /**
     * Compacts an H2 file for at most {@code budget} and says what it did, in Chinese for staff; empty on PostgreSQL,
     * in memory or when another process has the file open.
     */
    public Optional<String> compactDatabase(Duration budget) {
        return database().compactFile(budget).map(c -> String.format(java.util.Locale.ROOT,
                "整理 H2 数据库文件：%.0f MB → %.0f MB（有效数据 %d%% → %d%%），用时 %.1f 秒", c.bytesBefore() / 1e6,
                c.bytesAfter() / 1e6, c.liveBefore(), c.liveAfter(), c.took().toMillis() / 1e3));
    }

    /** The H2 file's size and live share, in Chinese for staff; empty on PostgreSQL or in memory. */
    public Optional<String> databaseFileSpace() {
        return database().fileSpace().map(Wiring::fileSpace);
    }

    /**
     * Opens the configured database once, applying the migrations, and says what it is and its schema version
     * ({@code doctor}). Throws what opening or migrating throws.
     */
    public static DatabaseProbe probeDatabase(GongkaiConfig config) {
        try {
            PrivateFiles.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        try (Database db = Database.open(config.database().url(), config.database().user(),
                config.database().password().reveal(), config.timezone())) {
            return new DatabaseProbe(db.describe(), db.schemaVersion(), db.fileSpace().map(Wiring::fileSpace));
        }
    }

    /**
     * What {@link #probeDatabase} found: the database in one line, the migration version applied and, for an H2
     * file, its size and live share in Chinese.
     */
    public record DatabaseProbe(String description, String schemaVersion, Optional<String> fileSpace) {
    }

    private static String fileSpace(cn.gongkai.store.FileSpace f) {
        return String.format(java.util.Locale.ROOT, "H2 数据库文件 %.1f MB，其中有效数据约 %.1f MB（%d%%）", f.fileBytes() / 1e6,
                f.liveBytes() / 1e6, f.livePercent());
    }

    /** The holiday calendar {@code review.holidays-file} names, or the jar's copy when that file is absent. */
    public static cn.gongkai.review.HolidayCalendar holidays(GongkaiConfig config) {
        return ConfigFiles.holidays(config);
    }

    /** The next time a publish slot of {@code cron} fires after {@code after}, in {@code zone}. */
    public static java.time.Instant nextPublishSlot(String cron, java.time.ZoneId zone, java.time.Instant after) {
        return PublishScheduler.nextSlotAfter(cron, zone, after);
    }

    /**
     * Starts what {@code serve} runs: the web server with the console ({@code factsDir}: the annual report facts
     * files) and the REST API, sandbox callbacks pointed at it, and the publishing scheduler.
     */
    public Serve serve(Path factsDir) {
        return Serve.start(this, factsDir, true);
    }

    /** The same web server as {@link #serve} without the scheduler (nothing publishes unless asked; for tests). */
    public Serve webServer(Path factsDir) {
        return Serve.start(this, factsDir, false);
    }

    /** Starts the web server without a console or scheduler: callback route, {@code /healthz}, counts. */
    public Serve webServerWithoutConsole() {
        return Serve.withoutConsole(this);
    }

    /**
     * What serve builds after its port opened ({@link Serve}); the publisher, the console and the publish actions get
     * the WeChat client and the article templates through it, so a request meanwhile waits for them.
     */
    WarmUp warmUp() {
        return warmUp;
    }

    /** Writes the bundled templates out, or upgrades them, once (the console's pages are read from there). */
    void ensureTemplates() {
        templatesFolder.get();
    }

    /** The WeChat port (for doctor's account probe and tools). */
    public WeChatGateway gateway() {
        return gateway.get();
    }

    /** Today's WeChat calls per account and API against the configured share of each daily quota. */
    public CallBudget callBudget() {
        return callBudget.get();
    }

    public ArticleRenderer renderer() {
        return renderer.get();
    }

    public ReviewService review() {
        return review.get();
    }

    /** Staff accounts and API tokens. */
    public Users users() {
        return users.get();
    }

    /** The units there are: the configuration's and those added on the 单位 page (issue 19); no query until asked. */
    public cn.gongkai.review.Units units() {
        return new cn.gongkai.review.Units(config, () -> database().unitTable(), clock);
    }

    /** {@code gongkai unit move}: gives every row of one unit to another, in one transaction. */
    public cn.gongkai.review.UnitMove unitMove() {
        return new cn.gongkai.review.UnitMove(units(), database().unitRows());
    }

    /** The inbox folder of {@code inbox.dir}; files changed less than {@code settle} ago wait for the next scan. */
    public Inbox inbox(Duration settle) {
        return new Inbox(config.intake().inboxDir(), importer(), config.categories(), clock, settle);
    }

    /** The OA source of {@code oa.*}, when {@code oa.url} is set. */
    public java.util.Optional<OaImporter> oaSource() {
        if (!config.intake().oaEnabled()) {
            return java.util.Optional.empty();
        }
        var oa = config.intake();
        return java.util.Optional.of(new OaImporter(new JdbcOaRows(oa.oaUrl(), oa.oaUser(), oa.oaPassword().reveal(),
                oa.oaQuery()), config.categories(), config.accounts().stream().map(AccountConfig::id).toList(),
                glossaryKeys.get(), config.timezone(), database().items(), database().transactions(), review(),
                clock));
    }

    /** The REST API for items, authenticating by API token. */
    public ItemApi itemApi() {
        return new ItemApi(importer.get(), review.get(), database().items(), database().audit(),
                List.of(new BearerTokenAuthenticator(users.get())));
    }

    /** The REST API for items, authenticating by API token or by {@code session} (the console's login). */
    public ItemApi itemApi(cn.gongkai.web.Authenticator session) {
        return new ItemApi(importer.get(), review.get(), database().items(), database().audit(),
                List.of(new BearerTokenAuthenticator(users.get()), session));
    }

    public ItemImporter importer() {
        return importer.get();
    }

    /** An importer that takes only {@code accounts} (one unit's: a file naming none goes to the first of them). */
    public ItemImporter importer(List<String> accounts) {
        return new ItemImporter(config.categories(), accounts, glossaryKeys.get(), config.timezone(),
                database().items(), database().images(), database().transactions(), review.get(), clock);
    }

    public Publisher publisher() {
        return publisher.get();
    }

    /** Sends an item to a reviewer's phone through a temporary draft ({@code render --preview-to}). */
    public PhonePreview phonePreview() {
        return phonePreview.get();
    }

    /** Staff actions around publishing: requeue a failed item, withdraw an article, publish a 更正说明. */
    public PublishActions publishActions() {
        return publishActions.get();
    }

    /** Idle accounts, stuck batches, nearly spent quotas. */
    public Watchdog watchdog() {
        return watchdog.get();
    }

    /** The timestamp window and the callback nonces already used (shared by every node through the database). */
    public CallbackGuard callbackGuard() {
        return callbackGuard.get();
    }

    /** The callback route and {@code /healthz} warnings, confirming events with WeChat on serve's own executor. */
    public cn.gongkai.web.PublishingEndpoints publishingEndpoints() {
        return new cn.gongkai.web.PublishingEndpoints(publisher(), callbacks(), callbackGuard(), watchdog(),
                confirmations.get());
    }

    /** Reads and checks what WeChat sends to the callback route. */
    public CallbackReader callbacks() {
        return callbacks.get();
    }

    public Counter counter() {
        return counter.get();
    }

    /**
     * The counts of one unit: its accounts' ledger, its categories, its portals (issue 19). With a single unit this
     * is {@link #counter()}, which reads the per-day summary.
     *
     * @throws IllegalArgumentException when there is no such unit (configured or added on the 单位 page)
     */
    public Counter counter(String unitId) {
        cn.gongkai.config.UnitConfig unit = units().find(unitId).map(cn.gongkai.review.Units.Unit::config)
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitId));
        if (config.units().size() == 1 && config.unit(unitId).isPresent()) {
            return counter();
        }
        return new Counter(database().ledgerStatistics(unit.accounts()), config.timezone(), unit.categories(),
                new PortalChannel(portalCounter(), config.portals().stream()
                        .filter(p -> unit.portals().contains(p.id())).toList(), true));
    }

    /** The ledger as CSV or XLSX for a year, with each article's approvals. */
    public LedgerExport ledgerExport() {
        return new LedgerExport(database().ledger(), database().audit(), counter(),
                new PortalLedger(database().portalDeliveries(), config.timezone(), config.portals()));
    }

    /** Imports the articles published before gongkai (CSV/XLSX) into the ledger. */
    public HistoryImport historyImport() {
        return historyImport(config.accounts().stream().map(AccountConfig::id).toList());
    }

    /** {@link #historyImport()} taking only {@code accounts} (one unit's). */
    public HistoryImport historyImport(List<String> accounts) {
        return new HistoryImport(database().ledger(), config.timezone(), config.categories(), accounts);
    }

    /** Compares the ledger with WeChat's published list, reading at most {@code maxPages} pages per account. */
    public Reconciler reconciler(int maxPages) {
        return new Reconciler(database().ledger(), counter(), gateway()::listPublished, clock, maxPages);
    }

    /** The inspection of what each account actually published: 错敏字, dead links, idle days (issue 19). */
    public cn.gongkai.inspect.Inspector inspector() {
        return inspector.get();
    }

    /** The quarterly inspection export, under the unit's name found in {@code factsDir} or the portals. */
    public cn.gongkai.inspect.InspectionExport inspectionExport(Path factsDir) {
        return InspectionSeams.export(config, factsDir);
    }

    /** What units receive from each other by internal 报送 (issue 19). */
    public cn.gongkai.portal.InternalInbox internalInbox() {
        return new cn.gongkai.portal.InternalInbox(config, database().portalDeliveries());
    }

    /** Adoption by the receiving unit of what it received by internal 报送. */
    public cn.gongkai.portal.InternalAdoption internalAdoption() {
        return new cn.gongkai.portal.InternalAdoption(config, internalInbox(), database().items(), database().audit(),
                database().transactions(), users(), this::portalDecisions, clock);
    }

    /** The district office's 全区 view: every unit's year and every account's updates (issue 19). */
    public cn.gongkai.inspect.DistrictOverview districtOverview() {
        return new cn.gongkai.inspect.DistrictOverview(new cn.gongkai.inspect.DistrictOverview.Sources(
                () -> units().all().stream().map(u -> new cn.gongkai.inspect.DistrictOverview.UnitRef(u.id(), u.name(),
                        u.config().accounts())).toList(),
                counter(), database().items(), review()::overdue,
                () -> inspector().today(Optional.empty()),
                account -> database().callCounter().counts(account, java.time.LocalDate.now(clock.withZone(
                        cn.gongkai.publish.CallBudget.WECHAT_DAY))).values().stream().mapToLong(Long::longValue).sum(),
                clock));
    }

    /** The annual report drafts (issue 7). */
    public AnnualReports reports() {
        return reports.get();
    }

    /** The annual report drafts of one unit, from its counts ({@link #counter(String)}). */
    public AnnualReports reports(String unitId) {
        return config.units().size() == 1 ? reports() : new AnnualReports(counter(unitId),
                new ReportWriter(config.templatesDir()));
    }

    /** The staff console; {@code factsDir} holds the annual report facts files ({@code config/report/}). */
    public Console console(Path factsDir) {
        return new Console(config, clock, new Console.Staff(users(), database().loginSessions(),
                database().loginFailures(), units()),
                new Console.ItemWork(database().items(), database().images(), database().audit(),
                        database().approvedSnapshots(), importer(), review(), rendererWhenReady.get(), publishActions(),
                        phonePreview(),
                        new Console.Editing(database().formTokens(), database().editorDrafts(),
                                (cron, after) -> nextPublishSlot(cron, config.timezone(), after))),
                new Console.Publishing(database().batches(), publisher(), watchdog(), callBudget(),
                        gatewayWhenReady),
                new Console.Records(counter(), database().ledger(), ledgerExport(), reports(), factsDir,
                        this::inspector, () -> inspectionExport(factsDir), this::districtOverview,
                        this::counter, this::reports),
                new Console.Database(database().describe(), () -> {
                    database().items().list(cn.gongkai.item.ItemStatus.PUBLISHING);
                    return true;
                }),
                new Console.Portals(database().portalDeliveries(), this::portalDecisions, portalCounter(),
                        officeMailbox(), internalAdoption()));
    }

    /** Closes what was built, in reverse order of need; parts never built are left alone. */
    @Override
    public void close() {
        confirmations.ifBuilt(java.util.concurrent.ThreadPoolExecutor::shutdownNow);
        if (gateway.isBuilt()) {
            gateway.get().close();
        }
        database.ifBuilt(Database::close);
        sandboxMailbox.ifBuilt(SandboxMailbox::close);
        if (simulator.isBuilt() && simulator.get() != null) {
            simulator.get().close();
        }
    }
}
