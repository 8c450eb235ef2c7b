package cn.gongkai;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.intake.Inbox;
import cn.gongkai.intake.OaImporter;
import cn.gongkai.publish.RunReport;
import cn.gongkai.schedule.PublishScheduler;
import cn.gongkai.web.Console;
import cn.gongkai.web.WebServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs, built from one {@link Wiring}: the web server (console, REST API, callback route,
 * {@code /healthz}) and, unless started without one, the publishing scheduler. Closing it stops both; the wiring
 * stays open (its owner closes it).
 */
public final class Serve implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);
    private static final String SCHEDULER_NAME = "gongkai";
    private static final Duration STATUS_EVERY = Duration.ofMinutes(2);
    private static final Duration WATCHDOG_EVERY = Duration.ofHours(1);
    private static final Duration INBOX_SETTLE = Duration.ofSeconds(5);
    /** How long the nightly housekeeping may compact an H2 file (commits wait meanwhile). */
    private static final Duration NIGHTLY_COMPACTION = Duration.ofMinutes(2);

    private final WebServer web;
    private final boolean noUsers;
    private final WarmUp warmUp;
    private volatile PublishScheduler scheduler;

    private Serve(WebServer web, boolean noUsers, WarmUp warmUp) {
        this.web = web;
        this.noUsers = noUsers;
        this.warmUp = warmUp;
    }

    /**
     * The web server with the staff console ({@code factsDir}: the annual report facts files); with the scheduler
     * when {@code scheduled}. The port opens first; the WeChat client (in sandbox mode the simulator first, with the
     * sandbox accounts' callbacks pointed at the port), the article templates and the scheduler are built right
     * after, in the background ({@link WarmUp}): {@code /healthz} lists them under "warming" until they are done, and
     * a request that needs one meanwhile waits for it.
     */
    static Serve start(Wiring w, Path factsDir, boolean scheduled) {
        prepare(w);
        Console console = w.console(factsDir);
        Serve serve = new Serve(WebServer.start(w.config(), w.items(), w.counter(), w.clock(), console,
                w.publishingEndpoints(), w.itemApi(console.sessionAuthenticator())), console.noUsers(), w.warmUp());
        try {
            serve.web.reportWarming(serve.warmUp);
            // in the order staff are likely to need them: an item page renders, a preview or publish calls WeChat
            serve.warmUp.run("article templates", w::renderer);
            // in sandbox mode the simulator first, with the callbacks pointed here before anything can publish
            serve.warmUp.run("WeChat client", () -> {
                serve.pointSandboxCallbacks(w);
                w.gateway();
            });
            if (scheduled) {
                // Quartz's start includes its recovery of jobs left by a stopped node
                serve.warmUp.run("scheduler", () -> serve.scheduler = startScheduler(w));
            }
            return serve;
        } catch (RuntimeException e) {
            serve.close();
            throw e;
        }
    }

    /**
     * Opens the database while a second thread writes out (or upgrades) the templates folder, whose console pages
     * and word list come next, and builds the review rules (word list, holidays; it then waits for the database).
     */
    private static void prepare(Wiring w) {
        FutureTask<Void> templatesAndReview = new FutureTask<>(() -> {
            w.ensureTemplates();
            w.review();
            return null;
        });
        Thread t = new Thread(templatesAndReview, "gongkai-serve-prepare");
        t.setDaemon(true);
        t.start();
        w.database();
        try {
            templatesAndReview.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("serve interrupted while starting", e);
        }
    }

    /** The web server without a console (callback route, {@code /healthz}, counts), and no scheduler. */
    static Serve withoutConsole(Wiring w) {
        return new Serve(WebServer.start(w.config(), w.items(), w.batches(), w.counter(), w.clock(),
                w.publishingEndpoints(), null), false, w.warmUp());
    }

    /** The port the web server listens on. */
    public int port() {
        return web.port();
    }

    /** Every registered route as "METHOD path" ({@link WebServer#routes}). */
    public List<String> routes() {
        return web.routes();
    }

    /** True when no staff account exists yet, so nobody can log in to the console. */
    public boolean noUsers() {
        return noUsers;
    }

    /** The scheduler's job names (publish and status per account, watchdog, intake); empty without a scheduler. */
    public List<String> scheduledJobs() {
        warmUp.await();
        PublishScheduler started = scheduler;
        return started == null ? List.of() : started.jobNames();
    }

    /** Where WeChat (or the simulator) sends the publish results of {@code accountId}. */
    public URI callbackUrl(String accountId) {
        return URI.create("http://127.0.0.1:" + port() + "/wechat/callback/" + accountId);
    }

    private void pointSandboxCallbacks(Wiring w) {
        var simulator = w.registeredSimulator();
        if (simulator == null) {
            return;
        }
        for (AccountConfig a : w.config().accounts()) {
            if (a.sandbox() && a.callbackConfigured()) {
                simulator.setCallback(a.appId(), callbackUrl(a.id()), a.callbackToken().reveal());
            }
        }
    }

    private static PublishScheduler startScheduler(Wiring w) {
        Map<String, String> crons = new LinkedHashMap<>();
        w.config().accounts().forEach(a -> crons.put(a.id(), a.cron()));
        Map<String, Duration> intakeEvery = new LinkedHashMap<>();
        intakeEvery.put("inbox", w.config().intake().inboxInterval());
        Optional<OaImporter> oaSource = w.oaSource();
        oaSource.ifPresent(oa -> intakeEvery.put("oa", w.config().intake().oaInterval()));
        return PublishScheduler.start(w.database().dataSource(), w.database().isPostgres(),
                new PublishScheduler.Plan(SCHEDULER_NAME, w.config().timezone(), crons, STATUS_EVERY,
                        WATCHDOG_EVERY, intakeEvery, w.config().portals().isEmpty() ? null
                        : w.config().portalDelivery().interval()),
                new Tasks(w, w.inbox(INBOX_SETTLE), oaSource), w.clock());
    }

    @Override
    public void close() {
        warmUp.await();
        if (scheduler != null) {
            scheduler.close();
        }
        web.close();
    }

    /** What the scheduler's jobs do: publish, poll status, warn, take in new items. */
    private record Tasks(Wiring w, Inbox inbox, Optional<OaImporter> oaSource) implements PublishScheduler.Tasks {
        @Override
        public void publish(String account) {
            log(w.publisher().run(account));
        }

        @Override
        public void status(String account) {
            log(w.publisher().resume(account));
        }

        @Override
        public void watchdog() {
            w.watchdog().logWarnings();
        }

        @Override
        public void housekeeping() {
            w.database().compactFile(NIGHTLY_COMPACTION).ifPresentOrElse(done -> LOG.info(
                    "Nightly housekeeping compacted the H2 database file {}: {}", done.file(), done.summary()),
                    () -> LOG.info("Nightly housekeeping: nothing to compact (PostgreSQL, in memory, or the file"
                            + " is open in another process)"));
        }

        @Override
        public void portals() {
            w.portalRunner().run();
        }

        @Override
        public void inspect() {
            w.inspector().run(Optional.empty()).forEach(r -> LOG.info("Inspection of account {}: {} new article(s),"
                    + " {} finding(s), idle {} day(s){}", r.status().account().id(),
                    r.pulled() == null ? 0 : r.pulled().added(), r.status().findings().size(), r.status().idle().days(),
                    r.error().isEmpty() ? "" : "; the pull failed: " + r.error()));
        }

        @Override
        public void intake(String source) {
            if (source.equals("oa")) {
                oaSource.ifPresent(oa -> LOG.info("OA source: {}", oa.pull()));
                return;
            }
            Inbox.Scan scan = inbox.scanOnce();
            if (!scan.imported().isEmpty() || !scan.failed().isEmpty()) {
                LOG.info("Inbox: imported {}, refused {}", scan.imported(), scan.failed());
            }
        }

        private static void log(RunReport r) {
            if (r.batches() > 0) {
                LOG.info("Account {}: {} batch(es), {} published, {} failed, {} pending; {}", r.account(),
                        r.batches(), r.published(), r.failed(), r.pending(), r.messages());
            }
        }
    }
}
