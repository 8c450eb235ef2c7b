package cn.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.Wiring;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.Boundary;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.report.CountBy;
import cn.gongkai.review.Role;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.SimulatorRecord;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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
 * A district on two {@code serve} nodes (issue 19): a {@code units:} configuration with several units of several
 * accounts each (every account its own appid in one WeChat simulator), two nodes on one embedded PostgreSQL with
 * their clustered Quartz schedulers, and every account's publishing slot at the same moment. The simulator's record
 * (WeChat's state is the truth) must show each unit's items published once, each on its own account's appid — an
 * account of its unit —, the ledger rows in the item's unit, each unit's count its items and the district's the sum,
 * and no API called beyond WeChat's daily limits. Then a unit user's session made on node A works on node B and
 * still finds no other unit's item there, and a callback for a unit's account delivered to both nodes counts once.
 *
 * <p>Every account's cron fires every {@value #TICK_SECONDS} seconds, so both nodes fire the same slots for every
 * account throughout; the slot of the test is the first tick at or after the time the items are due.
 * {@code -Dgongkai.district.units=30 -Dgongkai.district.accounts-per-unit=3 -Dgongkai.district.items=9} runs a
 * district-sized slot ({@code items}: per unit, spread over its accounts; docs/benchmarks.md, "A district on one
 * instance"); the default is 3 units × 3 accounts × 6 items. The test prints its figures and asserts no time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeDistrictTest {
    private static final int UNITS = Integer.getInteger("gongkai.district.units", 3);
    private static final int ACCOUNTS_PER_UNIT = Integer.getInteger("gongkai.district.accounts-per-unit", 3);
    private static final int ITEMS_PER_UNIT = Integer.getInteger("gongkai.district.items", 6);
    private static final int TICK_SECONDS = 2;
    private static final String CRON = "0/" + TICK_SECONDS + " * * * * ?";
    private static final String PASSWORD = "mima-district-2026";
    /** The items are due this long before their tick: Quartz may fire a trigger a few milliseconds early. */
    private static final Duration EARLY = Duration.ofMillis(200);

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @TempDir
    static Path dir;

    private final ClusterHttp http = new ClusterHttp();
    private final List<ClusterNode> nodes = new ArrayList<>();
    /** The node whose publisher claimed each batch. */
    private final Map<Long, String> claimedBy = new ConcurrentHashMap<>();
    /** Each slot item by title: its id, unit and account. */
    private final Map<String, Slotted> slotted = new LinkedHashMap<>();
    private final Map<String, ItemImage> pictures = new HashMap<>();
    private WeChatSimulator sim;
    private Database db;
    private double loadAtStart;

    private record Slotted(long id, String unit, String account) {
    }

    @BeforeAll
    void start() throws Exception {
        loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        sim = WeChatSimulator.start("127.0.0.1", 0, Clock.systemUTC());
        sim.faults().publishPolls(0);
        db = Database.open(POSTGRES.url(), EmbeddedPostgresExtension.SUPERUSER, "");
        assertThat(allAccounts().stream().map(NodeConfig::appId).distinct().count()).as("distinct appids")
                .isEqualTo(UNITS * ACCOUNTS_PER_UNIT);
        for (String account : allAccounts()) {
            sim.registerAccount(NodeConfig.appId(account), NodeConfig.secret(account), AccountType.SERVICE, true);
        }
        // both nodes start at once, as two servers brought up together, while the items' pictures are stored
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ClusterNode> a = starting.submit(() -> node("a"));
            Future<ClusterNode> b = starting.submit(() -> node("b"));
            storePictures();
            nodes.add(a.get());
            nodes.add(b.get());
        } finally {
            starting.shutdown();
        }
        // WeChat pushes each account's results to one node or the other, as behind one address
        ClusterNode.alternateCallbacks(sim, nodes, allAccounts(), 0);
    }

    @AfterAll
    void stop() {
        ClusterNode.stopAll(nodes, db, sim);
    }

    @Test
    @Order(1)
    void everyUnitsItemsInTheCollidingSlotArePublishedOnceOnTheirOwnUnitsAccounts() throws Exception {
        int total = UNITS * ITEMS_PER_UNIT;
        // when the items should all be stored (their pictures are); one stored late only makes the figure longer
        Instant stored = Instant.now().plusMillis(300 + 50L * total);
        Instant slot = Wiring.nextPublishSlot(CRON, NodeConfig.ZONE, stored.plus(EARLY));
        Instant seeding = Instant.now();
        seed(slot.minus(EARLY));
        Instant seeded = Instant.now();
        await().atMost(Duration.ofSeconds(60 + 2L * total).plus(Duration.between(Instant.now(), slot)))
                .pollInterval(Duration.ofMillis(200)).until(() -> published() == total && unfinished() == 0);
        Duration took = Duration.between(slot, Instant.now());

        assertEachItemPublishedOnceOnItsAccount(total);
        assertLedgerAndBatchesInTheItemsUnit(total);
        assertCountsPerUnitAddUpToTheDistrict();
        assertThat(SlotCalls.overDailyLimits(sim, allAccounts())).as("calls beyond WeChat's daily limits").isEmpty();
        SlotCalls calls = SlotCalls.of(sim, db, allAccounts());
        assertThat(calls.extraDrafts()).as("drafts beyond one per batch").isZero();
        assertThat(calls.extraUploads()).as("image uploads beyond one per image").isZero();
        System.out.printf(Locale.ROOT, "two nodes, a district: %d units x %d accounts, %d items per unit; items"
                        + " stored in %.1f s, %.1f s before the slot; every slot done %.1f s after it fired"
                        + " (Quartz %d workers per node); %d WeChat calls for %d articles = %.3f per article,"
                        + " minimum %d (%.3f); by API %s; items per node %s, batches per node %s; load average %.1f"
                        + " at the start, %.1f now%n", UNITS, ACCOUNTS_PER_UNIT, ITEMS_PER_UNIT,
                Duration.between(seeding, seeded).toMillis() / 1e3, Duration.between(seeded, slot).toMillis() / 1e3,
                took.toMillis() / 1e3, cn.gongkai.schedule.WorkerThreads.forAccounts(allAccounts().size()),
                calls.total(), total, calls.total() / (double) total, calls.minimum(),
                calls.total() / (double) calls.minimum(), calls.byApi(), perNode(true), perNode(false), loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Test
    @Order(2)
    void aUnitUsersSessionMadeOnNodeAWorksOnNodeBAndFindsNoOtherUnitsItemThere() throws Exception {
        ClusterNode a = nodes.get(0);
        ClusterNode b = nodes.get(1);
        a.wiring().users().add("第1局科员", Role.DRAFTER, unitId(1), PASSWORD.toCharArray());
        String session = http.login(a, "第1局科员", PASSWORD);
        String own = title(1, 0);
        String other = title(2, 0);

        HttpResponse<String> ownOnB = http.send(b, "GET", "/items/" + slotted.get(own).id(), session, null);
        assertThat(ownOnB.statusCode()).as("own unit's item on node B").isEqualTo(200);
        assertThat(ownOnB.body()).contains(own);
        HttpResponse<String> otherOnB = http.send(b, "GET", "/items/" + slotted.get(other).id(), session, null);
        assertThat(otherOnB.statusCode()).as("another unit's item on node B").isEqualTo(404);
        assertThat(otherOnB.body()).doesNotContain(other);
        assertThat(http.send(b, "GET", "/items", session, null).body()).as("node B's item list")
                .doesNotContain(unitName(2));
        assertThat(http.send(a, "GET", "/items/" + slotted.get(other).id(), session, null).statusCode())
                .as("another unit's item on node A").isEqualTo(404);
    }

    @Test
    @Order(3)
    void aCallbackForAUnitsAccountDeliveredToBothNodesIsCountedOnce() throws Exception {
        String unit = unitId(2);
        String account = accountId(2, 0);
        int year = Instant.now().atZone(NodeConfig.ZONE).getYear();
        int unitBefore = count(unit, year);
        int districtBefore = nodes.get(0).wiring().counter().count(year, CountBy.CATEGORY).articles();
        sim.setCallback(NodeConfig.appId(account), null, null);   // the test delivers this callback itself
        String title = "回调由两个节点各接收一次";
        long item = ApprovedItems.insert(db, unit, account, "第2局科员", title, ApprovedItems.picture(db, title),
                null);
        nodes.get(0).wiring().publisher().run(account);   // or the slot of either node, whichever holds the account
        await().atMost(Duration.ofSeconds(30)).until(() -> batchOf(item).filter(bt -> bt.state()
                == BatchState.SUBMITTED).isPresent());
        String publishId = batchOf(item).orElseThrow().publishId();

        // WeChat retries a callback it thinks was lost; behind one address the retry lands on the other node
        CompletableFuture<HttpResponse<String>> toA = CompletableFuture.supplyAsync(() -> deliver(0, account,
                publishId, "8808001"));
        CompletableFuture<HttpResponse<String>> toB = CompletableFuture.supplyAsync(() -> deliver(1, account,
                publishId, "8808002"));
        assertThat(toA.get().body()).as("node A's answer").isEqualTo("success");
        assertThat(toB.get().body()).as("node B's answer").isEqualTo("success");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.items().find(item).orElseThrow().status() == ItemStatus.PUBLISHED);

        assertThat(ledgerUnits().get(item)).as("unit_id of the item's one ledger row").isEqualTo(unit);
        assertThat(count(unit, year)).as(unit + "'s count").isEqualTo(unitBefore + 1);
        assertThat(nodes.get(1).wiring().counter().count(year, CountBy.CATEGORY).articles()).as("district's count")
                .isEqualTo(districtBefore + 1);
        assertThat(sim.record().published(NodeConfig.appId(account)).stream()
                .filter(p -> p.title().equals(title)).count()).as("published on WeChat").isEqualTo(1);
    }

    // ---- the district

    private ClusterNode node(String name) throws Exception {
        Path home = dir.resolve("node-" + name);
        List<String> lines = NodeConfig.head(home, POSTGRES.url());
        lines.addAll(List.of("publishing:", "  callback-grace: 15m", "accounts:"));
        for (int u = 1; u <= UNITS; u++) {
            for (int a = 0; a < ACCOUNTS_PER_UNIT; a++) {
                lines.addAll(NodeConfig.account(accountId(u, a), unitName(u) + "公众号" + (a + 1), sim.baseUrl(),
                        CRON));
            }
        }
        lines.add("units:");
        for (int u = 1; u <= UNITS; u++) {
            lines.addAll(List.of("  - id: " + unitId(u), "    name: " + unitName(u),
                    "    accounts: [" + String.join(", ", accountsOf(u)) + "]"));
        }
        ClusterNode node = ClusterNode.start(name, NodeConfig.write(home, lines), (boundary, batch) -> {
            if (boundary == Boundary.CLAIMED) {
                claimedBy.put(batch, name);
            }
        });
        assertThat(node.serve().scheduledJobs()).contains("publish-" + accountId(UNITS, ACCOUNTS_PER_UNIT - 1));
        return node;
    }

    private static String unitId(int u) {
        return String.format(Locale.ROOT, "u%02d", u);
    }

    private static String unitName(int u) {
        return "红旗区第" + u + "局";
    }

    private static String accountId(int u, int a) {
        return unitId(u) + (char) ('a' + a);
    }

    private static List<String> accountsOf(int u) {
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS_PER_UNIT; a++) {
            ids.add(accountId(u, a));
        }
        return ids;
    }

    private static List<String> allAccounts() {
        List<String> ids = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            ids.addAll(accountsOf(u));
        }
        return ids;
    }

    private static String title(int u, int i) {
        return unitName(u) + "政务公开第" + (i + 1) + "条";
    }

    /** Every unit's items, stored in the unit, spread over its accounts, due at {@code due}. */
    private void seed(Instant due) {
        for (int u = 1; u <= UNITS; u++) {
            for (int i = 0; i < ITEMS_PER_UNIT; i++) {
                String account = accountId(u, i % ACCOUNTS_PER_UNIT);
                long id = ApprovedItems.insert(db, unitId(u), account, "第" + u + "局科员", title(u, i),
                        pictures.get(title(u, i)), due);
                slotted.put(title(u, i), new Slotted(id, unitId(u), account));
            }
        }
    }

    /** Every slot item's picture, stored before the nodes start (the items themselves are stored for the slot). */
    private void storePictures() {
        for (int u = 1; u <= UNITS; u++) {
            for (int i = 0; i < ITEMS_PER_UNIT; i++) {
                pictures.put(title(u, i), ApprovedItems.picture(db, title(u, i)));
            }
        }
    }

    // ---- what WeChat and the database say

    private void assertEachItemPublishedOnceOnItsAccount(int total) {
        Map<String, List<String>> appIdsByTitle = new HashMap<>();
        for (SimulatorRecord.PublishedArticle p : sim.record().published()) {
            appIdsByTitle.computeIfAbsent(p.title(), t -> new ArrayList<>()).add(p.appId());
        }
        assertThat(appIdsByTitle.keySet()).as("titles published on WeChat").containsExactlyInAnyOrderElementsOf(
                slotted.keySet());
        Map<String, String> unitOfAppId = new HashMap<>();
        for (int u = 1; u <= UNITS; u++) {
            for (String account : accountsOf(u)) {
                unitOfAppId.put(NodeConfig.appId(account), unitId(u));
            }
        }
        slotted.forEach((title, s) -> {
            List<String> appIds = appIdsByTitle.get(title);
            assertThat(appIds).as("appids " + title + " was published on").containsExactly(
                    NodeConfig.appId(s.account()));
            assertThat(unitOfAppId.get(appIds.get(0))).as("unit of the account " + title + " went out on")
                    .isEqualTo(s.unit());
        });
        assertThat(sim.record().published()).hasSize(total);
    }

    private void assertLedgerAndBatchesInTheItemsUnit(int total) throws Exception {
        Map<Long, String> ledger = ledgerUnits();
        assertThat(ledger).as("ledger rows").hasSize(total);
        slotted.forEach((title, s) -> assertThat(ledger.get(s.id())).as("unit_id of the ledger row of " + title)
                .isEqualTo(s.unit()));
        Map<String, String> unitOfAccount = new HashMap<>();
        slotted.values().forEach(s -> unitOfAccount.put(s.account(), s.unit()));
        for (Map.Entry<Long, String[]> batch : batchUnits().entrySet()) {
            assertThat(batch.getValue()[1]).as("unit_id of batch " + batch.getKey() + " of " + batch.getValue()[0])
                    .isEqualTo(unitOfAccount.get(batch.getValue()[0]));
        }
    }

    private void assertCountsPerUnitAddUpToTheDistrict() {
        int year = Instant.now().atZone(NodeConfig.ZONE).getYear();
        int sum = 0;
        for (int u = 1; u <= UNITS; u++) {
            int n = count(unitId(u), year);
            assertThat(n).as(unitId(u) + "'s count").isEqualTo(ITEMS_PER_UNIT);
            sum += n;
        }
        for (ClusterNode n : nodes) {
            assertThat(n.wiring().counter().count(year, CountBy.CATEGORY).articles())
                    .as("the district's count on node " + n.name()).isEqualTo(sum);
        }
    }

    private int count(String unit, int year) {
        return nodes.get(0).wiring().counter(unit).count(year, CountBy.CATEGORY).articles();
    }

    /** Each ledger row's item and {@code unit_id}, read from the table. */
    private Map<Long, String> ledgerUnits() throws Exception {
        Map<Long, String> units = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT item_id, unit_id FROM ledger");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                assertThat(units.put(r.getLong(1), r.getString(2))).as("a second ledger row of item " + r.getLong(1))
                        .isNull();
            }
        }
        return units;
    }

    /** Each batch's account and {@code unit_id}, read from the table. */
    private Map<Long, String[]> batchUnits() throws Exception {
        Map<Long, String[]> units = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, account, unit_id FROM publish_batch");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                units.put(r.getLong(1), new String[] {r.getString(2), r.getString(3)});
            }
        }
        return units;
    }

    private int published() {
        return db.items().countByStatus().getOrDefault(ItemStatus.PUBLISHED, 0);
    }

    private int unfinished() {
        return db.batches().unfinished(null).size();
    }

    private java.util.Optional<PublishBatch> batchOf(long item) {
        return db.batches().recent(10_000).stream().filter(b -> b.itemIds().contains(item)).findFirst();
    }

    /** Items (or batches) per node, by the node whose publisher claimed the batch. */
    private Map<String, Integer> perNode(boolean items) {
        return db.batches().recent(100_000).stream().collect(Collectors.groupingBy(
                b -> claimedBy.getOrDefault(b.id(), "?"), TreeMap::new,
                Collectors.summingInt(b -> items ? b.itemIds().size() : 1)));
    }

    private HttpResponse<String> deliver(int node, String account, String publishId, String nonce) {
        try {
            return http.callback(nodes.get(node), account, ClusterHttp.signedQuery(nonce), publishId);
        } catch (Exception e) {
            throw new IllegalStateException("callback to node " + node, e);
        }
    }
}
