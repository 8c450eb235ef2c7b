package cn.gongkai;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.ConfigException;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.item.ItemImage;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.Publisher;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderSettings;
import cn.gongkai.report.Counter;
import cn.gongkai.review.ReviewService;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.wechat.WxJavaGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
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
    private final WeChatSimulator simulator;
    private final Database database;
    private final WxJavaGateway gateway;
    private final ArticleRenderer renderer;
    private final ReviewService review;
    private final ItemImporter importer;
    private final Publisher publisher;
    private final Counter counter;

    /** Builds everything; {@code poll} says how long a run waits for WeChat to finish a publish job. */
    public Wiring(GongkaiConfig loaded, Clock clock, PollPolicy poll) {
        this.clock = clock;
        Bundled.ensureTemplates(loaded.templatesDir());
        Map<String, byte[]> qrBytes = new LinkedHashMap<>();
        this.renderer = ArticleRenderer.load(loaded.templatesDir(), renderSettings(loaded, qrBytes));
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
        // QR codes are uploaded like body images, so their bytes must be where the publisher looks for images.
        qrBytes.forEach(database.images()::put);
        this.gateway = new WxJavaGateway(cfg.accounts(), cfg.wechat(), clock);
        this.review = new ReviewService(cfg.reviewChain(), database.items(), database.audit(),
                database.transactions(), clock);
        this.importer = new ItemImporter(cfg.categories(), cfg.accounts().stream().map(AccountConfig::id).toList(),
                renderer.glossary().keys(), cfg.timezone(), database.items(), database.images(),
                database.transactions(), review, clock);
        this.publisher = new Publisher(cfg.accounts(), database.items(), database.images(), database.batches(),
                database.ledger(), database.mediaCache(), database.audit(), database.transactions(), gateway,
                renderer, new ImagePreparer(), poll, clock);
        this.counter = new Counter(database.ledger(), cfg.timezone(), cfg.categories());
        LOG.info("gongkai wired: database {}, {} account(s){}", database.describe(), cfg.accounts().size(),
                sim == null ? "" : ", WeChat simulator at " + sim.baseUrl());
    }

    /** The configured render choices, with each account's QR code read from the templates folder. */
    private static RenderSettings renderSettings(GongkaiConfig cfg, Map<String, byte[]> qrBytes) {
        Map<String, ItemImage> qrCodes = new LinkedHashMap<>();
        ImagePreparer preparer = new ImagePreparer();
        for (AccountConfig a : cfg.accounts()) {
            if (a.qrCode().isEmpty()) {
                continue;
            }
            Path file = cfg.templatesDir().resolve(a.qrCode());
            String key = "accounts[" + a.id() + "].qr-code";
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ConfigException(key, a.qrCode(), "二维码图片 " + file.toAbsolutePath() + " 不存在或无法读取");
            }
            try {
                ItemImage qr = preparer.describe(file.getFileName().toString(), bytes, "", a.name() + "二维码");
                qrCodes.put(a.id(), qr);
                qrBytes.put(qr.sha256(), bytes);
            } catch (RenderException e) {
                throw new ConfigException(key, a.qrCode(), e.getMessage());
            }
        }
        return new RenderSettings(cfg.render().headingNumbers(), qrCodes);
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

    @Override
    public void close() {
        gateway.close();
        database.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
