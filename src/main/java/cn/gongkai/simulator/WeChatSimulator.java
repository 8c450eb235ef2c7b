package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WeChat Official Account API simulator on the JDK HTTP server. It answers the token, material, draft,
 * freepublish, mass-send, clear_quota and openapi/quota/get endpoints under {@code /cgi-bin} like the real API at the HTTP level, so that
 * WxJava pointed at {@link #baseUrl()} works unchanged; it keeps daily quotas by the injected clock, injects faults
 * ({@link #faults()}), records what was published ({@link #record()}) and pushes PUBLISHJOBFINISH events to callback
 * URLs. Admin endpoints live under {@code /sim}. Thread-safe.
 */
public final class WeChatSimulator implements AutoCloseable {
    private static final long TICK_MILLIS = 200;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms
        // to every answer. The property is read once, when the first JDK HttpServer of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final SimState state;
    private final PublishApi publish;
    private final ExecutorService httpExecutor;
    private final ExecutorService callbackExecutor;
    private final ScheduledExecutorService ticker;
    private final CallbackNotifier notifier;
    private final ApiHandler api;
    private final String baseUrl;

    private WeChatSimulator(String host, int port, Clock clock, long seed) throws IOException {
        this.state = new SimState(clock, seed);
        this.publish = new PublishApi(state);
        this.httpExecutor = Executors.newCachedThreadPool(daemon("wechat-sim-http"));
        this.callbackExecutor = Executors.newCachedThreadPool(daemon("wechat-sim-callback"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("wechat-sim-ticker"));
        this.notifier = new CallbackNotifier(callbackExecutor, clock);
        Endpoints endpoints = new Endpoints(new TokenApi(state), new MaterialApi(state), new DraftApi(state), publish,
                new MassApi(state), new QuotaApi(state));
        this.server = HttpServer.create(new InetSocketAddress(host, port), 100);
        this.api = new ApiHandler(state, endpoints, notifier);
        server.createContext("/cgi-bin/", api);
        server.createContext("/sim/", new AdminHandler(this));
        server.setExecutor(httpExecutor);
        server.start();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        this.baseUrl = "http://" + shownHost + ":" + server.getAddress().getPort();
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts a simulator on {@code host:port} ({@code port} 0 picks a free port), with time from {@code clock}. */
    public static WeChatSimulator start(String host, int port, Clock clock) {
        return start(host, port, clock, 20240101L);
    }

    /** Like {@link #start(String, int, Clock)}, with a seed for the generated ids. */
    public static WeChatSimulator start(String host, int port, Clock clock, long seed) {
        try {
            return new WeChatSimulator(host, port, clock, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the WeChat simulator on " + host + ":" + port, e);
        }
    }

    /** Scheme, host and port, no trailing slash, e.g. {@code http://127.0.0.1:50123}; use as WxJava's apiHost. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The port the simulator listens on (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Registers an account. A wrong appid is answered with 40013; a wrong secret with 40001 on {@code token} and
     * 40125 on {@code stable_token}. Registering the same account again is a no-op.
     */
    public SimAccount registerAccount(String appId, String secret, AccountType type, boolean verified) {
        return state.register(new SimAccount(appId, secret, type, verified));
    }

    /**
     * Sets where PUBLISHJOBFINISH events of the account are POSTed (plain mode, signed with {@code token});
     * {@code null} stops pushing.
     */
    public void setCallback(String appId, URI url, String token) {
        state.setCallback(appId, url, token);
    }

    /** What happened so far. */
    public SimulatorRecord record() {
        return state.record;
    }

    /** Fault injection and publish-timing knobs. */
    public Faults faults() {
        return state.faults;
    }

    /**
     * Waits until no API request is being handled — a request delayed beyond its caller's timeout is still done
     * afterwards, as real WeChat may do; tests wait for it before looking at the outcome.
     *
     * @return false when requests were still in flight after {@code timeout}
     */
    public boolean awaitIdle(java.time.Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (api.inFlight() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Resets the daily call counters of one account, or of all when {@code appId} is null. */
    public void resetQuota(String appId) {
        state.resetQuota(appId);
    }

    /** Reads a {@link FaultPlan} from a JSON file, or YAML when the name ends in .yml/.yaml, and applies it. */
    public void loadFaults(Path file) {
        faults().apply(readFaultPlan(file));
    }

    /** Reads a {@link FaultPlan} from a JSON or YAML file. */
    public static FaultPlan readFaultPlan(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yml") || name.endsWith(".yaml")
                ? JsonMapper.builder(new YAMLFactory())
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build()
                : Json.MAPPER;
        try {
            return mapper.readValue(Files.readAllBytes(file), FaultPlan.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read fault plan " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
        httpExecutor.shutdownNow();
        callbackExecutor.shutdownNow();
    }

    private void tick() {
        try {
            synchronized (state) {
                publish.advanceAll(state.now());
            }
            notifier.send(state.takeEvents());
        } catch (RuntimeException e) {
            System.getLogger(WeChatSimulator.class.getName()).log(System.Logger.Level.ERROR, "simulator tick failed",
                    e);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
