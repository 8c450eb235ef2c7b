package cn.gongkai;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.Publisher;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.report.AnnualReports;
import cn.gongkai.report.Counter;
import cn.gongkai.report.ReportWriter;
import cn.gongkai.review.ReviewService;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.wechat.WxJavaGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
    private final WeChatSimulator simulator;
    private final Database database;
    private final WxJavaGateway gateway;
    private final ArticleRenderer renderer;
    private final ReviewService review;
    private final ItemImporter importer;
    private final Publisher publisher;
    private final Counter counter;
    private final AnnualReports reports;

    /** Builds everything; {@code poll} says how long a run waits for WeChat to finish a publish job. */
    public Wiring(GongkaiConfig loaded, Clock clock, PollPolicy poll) {
        this.clock = clock;
        Bundled.ensureTemplates(loaded.templatesDir());
        this.renderer = ArticleRenderer.load(loaded.templatesDir());
        WeChatSimulator sim = null;
        GongkaiConfig cfg = loaded;
        if (loaded.anySandbox()) {
            sim = WeChatSimulator.start("127.0.0.1", 0, clock);
            List<AccountConfig> routed = new ArrayList<>();
            for (AccountConfig a : loaded.accounts()) {
                if (a.sandbox()) {
                    String secret = randomSecret();
                    sim.registerAccount(a.appId(), secret, AccountType.SERVICE, true);
                    routed.add(a.withApiBaseUrl(sim.baseUrl(), Secret.of(secret)));
                } else {
                    routed.add(a);
                }
            }
            cfg = loaded.withAccounts(routed);
        }
        this.config = cfg;
        this.simulator = sim;
        try {
            Files.createDirectories(cfg.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + cfg.dataDir(), e);
        }
        String url = cfg.database().url();
        this.database = Database.open(url, cfg.database().user(), cfg.database().password().reveal());
        this.gateway = new WxJavaGateway(cfg.accounts(), cfg.wechat(), clock);
        this.review = new ReviewService(cfg.reviewChain(), database.items(), database.audit(),
                database.transactions(), clock);
        this.importer = new ItemImporter(cfg.categories(), cfg.accounts().stream().map(AccountConfig::id).toList(),
                renderer.glossary().keys(), cfg.timezone(), database.items(), database.images(),
                database.transactions(), review, clock);
        this.publisher = new Publisher(cfg.accounts(), database.items(), database.images(), database.batches(),
                database.ledger(), database.mediaCache(), database.audit(), database.transactions(), gateway,
                renderer, new ImagePreparer(), poll, clock);
        this.counter = new Counter(database.ledgerStatistics(), cfg.timezone(), cfg.categories());
        this.reports = new AnnualReports(counter, new ReportWriter(cfg.templatesDir()));
        LOG.info("gongkai wired: database {}, {} account(s){}", database.describe(), cfg.accounts().size(),
                sim == null ? "" : ", WeChat simulator at " + sim.baseUrl());
    }

    /** The poll policy for a long-running service: a short wait per run, the status job polls again later. */
    public static PollPolicy servicePolling() {
        return new PollPolicy(3, Duration.ofSeconds(2));
    }

    private static String randomSecret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public GongkaiConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The in-process simulator, or null when every account talks to real WeChat. */
    public WeChatSimulator simulator() {
        return simulator;
    }

    public Database database() {
        return database;
    }

    public ArticleRenderer renderer() {
        return renderer;
    }

    public ReviewService review() {
        return review;
    }

    public ItemImporter importer() {
        return importer;
    }

    public Publisher publisher() {
        return publisher;
    }

    public Counter counter() {
        return counter;
    }

    /** The annual report drafts (issue 7). */
    public AnnualReports reports() {
        return reports;
    }

    @Override
    public void close() {
        gateway.close();
        database.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
