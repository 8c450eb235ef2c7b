package cn.gongkai.cluster;

import static cn.gongkai.cluster.ClusterHttp.cookie;
import static cn.gongkai.cluster.ClusterHttp.csrf;
import static cn.gongkai.cluster.ClusterHttp.enc;
import static cn.gongkai.cluster.ClusterHttp.signedQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.RunReport;
import cn.gongkai.review.Role;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.FaultRule;
import cn.gongkai.simulator.SimulatorRecord;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import cn.gongkai.testsupport.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} nodes (each a {@link Wiring} with its {@link Serve}: console, callback route and the clustered
 * Quartz scheduler; its own port, data folder and templates folder) on one embedded PostgreSQL, talking to one WeChat
 * simulator in which every account has its own appid. All accounts share one publishing slot a few seconds ahead;
 * the simulator's record must show each item published once, on its own account's appid, with one ledger row each.
 * Then both nodes' publishers run every account at once (a manual {@code publish run} while the job fires), a console
 * session moves between the nodes, and callbacks are answered by either node with each nonce used once.
 *
 * <p>{@code -Dgongkai.cluster.accounts=90 -Dgongkai.cluster.items=3} runs the district-sized slot (docs/benchmarks.md,
 * "Two nodes, colliding slots"); the default is 20 accounts with 2 items each. {@code -Dgongkai.cluster.latency-millis}
 * delays every WeChat call (as over the internet), {@code -Dgongkai.cluster.slow-millis} (default 1000) every call
 * of the last account; the test prints the figures and asserts no time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {
    private static final int ACCOUNTS = Integer.getInteger("gongkai.cluster.accounts", 20);
    private static final int ITEMS = Integer.getInteger("gongkai.cluster.items", 2);
    /** Every WeChat call of the last account waits this long: a slow account beside the others. */
    private static final long SLOW_MILLIS = Long.getLong("gongkai.cluster.slow-millis", 1000);
    /** Every WeChat call of every account waits this long, as over the internet (0: the simulator answers at once). */
    private static final long LATENCY_MILLIS = Long.getLong("gongkai.cluster.latency-millis", 0);
    private static final String TOKEN = NodeConfig.CALLBACK_TOKEN;
    private static final String PASSWORD = "mima-cluster-2026";

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @TempDir
    static Path dir;

    private final ClusterHttp http = new ClusterHttp();
    private WeChatSimulator sim;
    private Database db;
    private Instant slot;
    private final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        sim = WeChatSimulator.start("127.0.0.1", 0, Clock.systemUTC());
        sim.faults().publishPolls(0);
        db = Database.open(POSTGRES.url(), EmbeddedPostgresExtension.SUPERUSER, "");
        slot = Instant.now().plusSeconds(25).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (String account : accounts()) {
            sim.registerAccount(appId(account), secret(account), AccountType.SERVICE, true);
        }
        if (LATENCY_MILLIS > 0) {
            sim.faults().add(new FaultRule("*", null, FaultRule.When.ALWAYS, 0, 0, 0, FaultRule.Action.DELAY, 0, 0,
                    LATENCY_MILLIS));
        }
        if (SLOW_MILLIS > 0) {
            sim.faults().add(new FaultRule("*", appId(slowAccount()), FaultRule.When.ALWAYS, 0, 0, 0,
                    FaultRule.Action.DELAY, 0, 0, SLOW_MILLIS));
        }
        for (String account : accounts()) {
            for (int i = 0; i < ITEMS; i++) {
                approved(account, title(account, i), slot);
            }
        }
        nodes.add(node("a"));
        nodes.add(node("b"));
        // every other account's publish results go to node B, the rest to node A: either node answers callbacks
        ClusterNode.alternateCallbacks(sim, nodes, accounts(), 1);
    }

    @AfterAll
    void stop() {
        ClusterNode.stopAll(nodes, db, sim);
    }

    @Test
    @Order(1)
    void everyAccountsCollidingSlotPublishesEachItemOnceOnItsOwnAccount() {
        int total = ACCOUNTS * ITEMS;
        Map<String, Instant> done = new HashMap<>();
        await().atMost(Duration.ofSeconds(60 + 2L * ACCOUNTS).plus(Duration.between(Instant.now(), slot)))
                .pollInterval(Duration.ofMillis(250)).until(() -> progress(done) == total && unfinished() == 0);
        Duration took = Duration.between(slot, Instant.now());
        Duration others = done.entrySet().stream().filter(e -> !e.getKey().equals(slowAccount()))
                .map(e -> Duration.between(slot, e.getValue())).max(Duration::compareTo).orElseThrow();

        for (String account : accounts()) {
            List<String> titles = sim.record().published(appId(account)).stream()
                    .map(SimulatorRecord.PublishedArticle::title).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                expected.add(title(account, i));
            }
            assertThat(titles).as("published on " + account + "'s appid").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(sim.record().successfulSubmits(appId(account))).as("submits of " + account).isEqualTo(1);
        }
        assertOncePerItemInLedgerAndBatches(total);
        SlotCalls calls = calls();
        assertThat(calls.extraDrafts()).as("drafts beyond one per account").isZero();
        assertThat(calls.extraUploads()).as("image uploads beyond one per image").isZero();
        System.out.printf(java.util.Locale.ROOT, "two nodes, colliding slot: %d accounts x %d items, every slot done"
                        + " %.1f s after it fired, all but the slow account (%d ms a call) after %.1f s, the slow one"
                        + " after %.1f s (Quartz %d workers per node, %d ms a call for all); %d WeChat calls for %d"
                        + " articles = %.3f per article, minimum %d (%.3f); by API %s%n", ACCOUNTS, ITEMS,
                took.toMillis() / 1e3,
                SLOW_MILLIS, others.toMillis() / 1e3,
                Duration.between(slot, done.getOrDefault(slowAccount(), slot)).toMillis() / 1e3,
                cn.gongkai.schedule.WorkerThreads.forAccounts(ACCOUNTS), LATENCY_MILLIS, calls.total(), total,
                calls.total() / (double) total, calls.minimum(), calls.total() / (double) calls.minimum(),
                calls.byApi());
    }

    @Test
    @Order(2)
    void bothNodesRunningThePublisherForEveryAccountAtOncePublishEachItemOnce() throws Exception {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        for (String account : accounts()) {
            for (int i = 0; i < ITEMS; i++) {
                String t = "手动" + title(account, i);
                approved(account, t, null);
                titles.computeIfAbsent(account, a -> new ArrayList<>()).add(t);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RunReport>> runs = new ArrayList<>();
        try {
            for (String account : accounts()) {
                for (ClusterNode n : nodes) {
                    runs.add(pool.submit(() -> n.wiring().publisher().run(account)));
                }
            }
            int skipped = 0;
            for (Future<RunReport> r : runs) {
                RunReport report = r.get();
                skipped += report.messages().stream().anyMatch(m -> m.contains("正由另一个发布进程发布")) ? 1 : 0;
            }
            System.out.println("both nodes' publishers at once: " + runs.size() + " runs, " + skipped
                    + " left the account to the other publisher");
        } finally {
            pool.shutdownNow();
        }
        int total = 2 * ACCOUNTS * ITEMS;
        await().atMost(Duration.ofSeconds(60 + 2L * ACCOUNTS)).pollInterval(Duration.ofMillis(250))
                .until(() -> published() == total && unfinished() == 0);
        for (String account : accounts()) {
            List<String> out = sim.record().published(appId(account)).stream()
                    .map(SimulatorRecord.PublishedArticle::title).filter(t -> t.startsWith("手动")).toList();
            assertThat(out).as("manual run on " + account).containsExactlyInAnyOrderElementsOf(titles.get(account));
        }
        assertOncePerItemInLedgerAndBatches(total);
        assertThat(calls().extraDrafts()).as("drafts beyond one per batch").isZero();
    }

    @Test
    @Order(3)
    void aLoginFormAndASessionWorkOnEitherNodeAndLogoutEndsTheSessionOnBoth() throws Exception {
        ClusterNode a = nodes.get(0);
        ClusterNode b = nodes.get(1);
        a.wiring().users().add("cluster-admin", Role.ADMIN, PASSWORD.toCharArray());
        // behind one address, the login form shown by node A may be posted to node B
        HttpResponse<String> loginPage = http.send(a, "GET", "/login", null, null);
        String anonymous = cookie(loginPage);
        assertThat(http.send(b, "POST", "/login", anonymous, "_csrf=forged&name=cluster-admin&password="
                + enc(PASSWORD)).statusCode()).as("a forged login form on node B").isEqualTo(403);
        HttpResponse<String> login = http.send(b, "POST", "/login", anonymous, "_csrf="
                + enc(csrf(loginPage.body()))
                + "&name=cluster-admin&password=" + enc(PASSWORD));
        assertThat(login.statusCode()).as("node A's login form posted to node B").isEqualTo(302);
        String session = cookie(login);
        String csrfOfA = csrf(http.send(a, "GET", "/", session, null).body());

        HttpResponse<String> onB = http.send(b, "GET", "/", session, null);
        assertThat(onB.statusCode()).as("node A's session on node B").isEqualTo(200);
        ItemContent c = Fixtures.content("会话跨节点测试稿件", "商贸流通", List.of());
        long draft = db.items().insert(new ItemContent(accounts().get(0), c.category(), c.title(), c.author(),
                c.department(), c.body(), c.notes(), c.glossary(), c.images(), null, "", "", null),
                ItemStatus.DRAFT, null, Instant.now()).id();
        HttpResponse<String> submitted = http.send(b, "POST", "/items/" + draft + "/submit", session,
                "_csrf=" + enc(csrfOfA));
        assertThat(submitted.statusCode()).as("POST on node B with node A's CSRF token").isEqualTo(302);
        assertThat(db.items().find(draft).orElseThrow().status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(http.send(b, "POST", "/items/" + draft + "/submit", session, "_csrf=forged").statusCode())
                .as("a wrong CSRF token on node B").isEqualTo(403);

        assertThat(http.send(a, "POST", "/logout", session, "_csrf=" + enc(csrfOfA)).statusCode()).isEqualTo(302);
        HttpResponse<String> after = http.send(b, "GET", "/", session, null);
        assertThat(after.statusCode()).as("node B after logout on node A").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).startsWith("/login");
    }

    @Test
    @Order(4)
    void eitherNodeAnswersTheCallbackAndANonceIsUsedOnceAcrossNodes() throws Exception {
        ClusterNode a = nodes.get(0);
        ClusterNode b = nodes.get(1);
        // WeChat's own callback, for publications node A submitted, delivered to node B
        String account = accounts().get(0);
        sim.setCallback(appId(account), b.serve().callbackUrl(account), TOKEN);
        long viaCallback = approved(account, "回调由另一节点接收", null);
        RunReport submitted = a.wiring().publisher().run(account);
        assertThat(submitted.pending()).as("node A waits for the callback: " + submitted.messages()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.items().find(viaCallback).orElseThrow().status() == ItemStatus.PUBLISHED);

        // a captured callback replayed to the other node: its nonce is spent there too
        sim.setCallback(appId(account), null, null);
        long first = approved(account, "重放回调测试第一篇", null);
        a.wiring().publisher().run(account);
        long second = approved(account, "重放回调测试第二篇", null);
        b.wiring().publisher().run(account);
        PublishBatch one = submittedBatchOf(first);
        PublishBatch two = submittedBatchOf(second);
        String query = signedQuery("7707001");
        assertThat(http.callback(b, account, query, one.publishId()).body()).isEqualTo("success");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.items().find(first).orElseThrow().status() == ItemStatus.PUBLISHED);
        HttpResponse<String> replay = http.callback(a, account, query, two.publishId());
        assertThat(replay.body()).isEqualTo("success");
        assertThat(db.publishStore().events().find(account, two.publishId())).as("replayed nonce kept").isEmpty();
        assertThat(db.batches().find(two.id()).orElseThrow().nextPollAt()).as("replay made no poll due").isNull();
        assertThat(db.items().find(second).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHING);

        assertThat(http.callback(a, account, signedQuery("7707002"), two.publishId()).body()).isEqualTo("success");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.items().find(second).orElseThrow().status() == ItemStatus.PUBLISHED);
        assertThat(sim.record().published(appId(account)).stream().map(SimulatorRecord.PublishedArticle::title)
                .filter(t -> t.contains("回调")).toList())
                .containsExactlyInAnyOrder("回调由另一节点接收", "重放回调测试第一篇", "重放回调测试第二篇");
    }

    @Test
    @Order(5)
    void aPublisherHalfwayThroughABatchKeepsTheAccountFromTheOtherNode() throws Exception {
        ClusterNode b = nodes.get(1);
        String account = accounts().get(1);
        long item = approved(account, "草稿已建、尚未记下时另一节点运行", null);
        int draftsBefore = sim.record().calls(appId(account), "draft/add");
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
        // a manual `publish run` beside node A, stopped after WeChat answered draft/add and before the commit
        try (Wiring manual = new Wiring(new ConfigLoader(Map.of()).load(nodes.get(0).config()), Clock.systemUTC(),
                Wiring.servicePolling(), (boundary, batch) -> {
            if (boundary == cn.gongkai.publish.Boundary.DRAFT_ANSWERED) {
                paused.countDown();
                awaitQuietly(resume);
            }
        })) {
            ExecutorService one = Executors.newSingleThreadExecutor();
            try {
                Future<RunReport> first = one.submit(() -> manual.publisher().run(account));
                assertThat(paused.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("paused at draft/add").isTrue();
                RunReport other = b.wiring().publisher().run(account);
                assertThat(other.batches()).as("node B's run while the account is held: " + other.messages())
                        .isZero();
                assertThat(other.messages()).anyMatch(m -> m.contains("正由另一个发布进程发布"));
                resume.countDown();
                assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS).batches()).isEqualTo(1);
            } finally {
                resume.countDown();
                one.shutdownNow();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.items().find(item).orElseThrow().status() == ItemStatus.PUBLISHED);
        assertThat(sim.record().calls(appId(account), "draft/add") - draftsBefore).as("drafts added").isEqualTo(1);
        assertThat(sim.record().published(appId(account)).stream().map(SimulatorRecord.PublishedArticle::title)
                .filter(t -> t.startsWith("草稿已建")).count()).isEqualTo(1);
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- nodes and data

    private ClusterNode node(String name) throws Exception {
        Path home = dir.resolve("node-" + name);
        List<String> lines = NodeConfig.head(home, POSTGRES.url());
        lines.addAll(List.of(
                "wechat:",
                "  daily-limits:",
                "    freepublish/get: 100000",
                "    freepublish/submit: 100000",
                "publishing:",
                "  callback-grace: 15m",
                "accounts:"));
        String cron = NodeConfig.oneOffCron(slot);
        for (String account : accounts()) {
            lines.addAll(NodeConfig.account(account, "集群测试" + account, sim.baseUrl(), cron));
        }
        ClusterNode node = ClusterNode.start(name, NodeConfig.write(home, lines));
        assertThat(node.serve().scheduledJobs()).contains("publish-" + accounts().get(0));
        return node;
    }

    private static List<String> accounts() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            ids.add(String.format(java.util.Locale.ROOT, "unit%02d", i));
        }
        return ids;
    }

    private static String appId(String account) {
        return NodeConfig.appId(account);
    }

    private static String secret(String account) {
        return NodeConfig.secret(account);
    }

    private static String title(String account, int i) {
        return account + "的政务公开第" + (i + 1) + "篇";
    }

    private long approved(String account, String title, Instant publishAt) {
        return ApprovedItems.insert(db, account, title, publishAt);
    }

    private static String slowAccount() {
        return accounts().get(ACCOUNTS - 1);
    }

    /** The items published so far; notes when each account had all of its slot's items out. */
    private int progress(Map<String, Instant> done) {
        Instant now = Instant.now();
        List<cn.gongkai.item.DisclosureItem> out = db.items().list(ItemStatus.PUBLISHED);
        Map<String, Integer> byAccount = new HashMap<>();
        out.forEach(i -> byAccount.merge(i.content().account(), 1, Integer::sum));
        byAccount.forEach((account, n) -> {
            if (n == ITEMS) {
                done.putIfAbsent(account, now);
            }
        });
        return out.size();
    }

    private int published() {
        return db.items().list(ItemStatus.PUBLISHED).size();
    }

    private int unfinished() {
        return db.batches().unfinished(null).size();
    }

    private PublishBatch submittedBatchOf(long item) {
        return db.batches().recent(10_000).stream().filter(b -> b.itemIds().contains(item)).findFirst()
                .filter(b -> b.state() == BatchState.SUBMITTED).orElseThrow(() ->
                        new AssertionError("item " + item + " has no SUBMITTED batch"));
    }

    private void assertOncePerItemInLedgerAndBatches(int total) {
        List<LedgerEntry> ledger = db.ledger().between(Instant.EPOCH, Instant.now().plusSeconds(3600));
        assertThat(ledger).as("ledger rows").hasSize(total);
        assertThat(ledger.stream().map(LedgerEntry::itemId).distinct().count()).as("items in the ledger")
                .isEqualTo(total);
        Set<Long> seen = new HashSet<>();
        for (PublishBatch b : db.batches().recent(100_000)) {
            for (long id : b.itemIds()) {
                assertThat(seen.add(id)).as("item " + id + " in two batches").isTrue();
            }
        }
    }

    // ---- WeChat calls

    private SlotCalls calls() {
        return SlotCalls.of(sim, db, accounts());
    }
}
