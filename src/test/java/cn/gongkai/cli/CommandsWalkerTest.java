package cn.gongkai.cli;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19 on the command line: enumerates picocli's whole command tree; every leaf command is either walked as
 * {@code --unit jiaoyu} against the item, ledger row and delivery of the unit shangwu (it must not print their
 * title, account or portal name, must change nothing, and where it names an id must answer as for an id that never
 * existed), or listed as a district/operator command with its reason. A new command placed nowhere fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsWalkerTest {
    private static final String TITLE = "商务局招商引资政策解读稿";
    private static final String APPROVED_TITLE = "商务局外资外贸新政速递";
    private static final String LEDGER_TITLE = "商务局往年发布的文章";
    private static final List<String> SECRETS_OF_SHANGWU = List.of(TITLE, APPROVED_TITLE, LEDGER_TITLE, "红旗商务",
            "商务报送处");
    private static final int YEAR = 2026;

    /** District and operator commands (a group name covers its subcommands), each with why it takes no unit. */
    private static final Map<String, String> OPERATOR = Map.ofEntries(
            Map.entry("serve", "runs the whole instance for every unit (the console scopes each session)"),
            Map.entry("demo", "builds its own throwaway instance in a temporary folder"),
            Map.entry("simulator", "the WeChat simulator: no unit data"),
            Map.entry("bench", "benchmarks build their own throwaway instances"),
            Map.entry("doctor", "the operator's checks of configuration, database, accounts and portals"),
            Map.entry("user", "people are managed by the operator; user add takes --unit for the person's unit"),
            Map.entry("unit", "the district administrator's command for the units themselves"),
            Map.entry("calendar", "reads only the holiday table, which every unit shares"),
            Map.entry("inbox run", "the program's own job: one inbox for the instance, each file goes to its "
                    + "account's unit"),
            Map.entry("oa pull", "the program's own job: one OA source for the instance, each item goes to its "
                    + "account's unit"),
            Map.entry("ledger rebuild-summary", "rebuilds or checks the instance's daily summary table as a whole"),
            Map.entry("help", "prints usage"));

    /** Unit data commands not walked here yet, with the reason. */
    private static final Map<String, String> NOT_YET = Map.of();

    @TempDir
    static Path dir;
    private Path config;
    private CliHarness cli;
    private long item;
    private long approved;
    private long ledgerRow;

    @BeforeAll
    void twoUnitsWithAnItemALedgerRowAndADelivery() throws Exception {
        config = dir.resolve("gongkai.yml");
        Files.createDirectories(dir.resolve("data/out-sw"));
        Files.createDirectories(dir.resolve("data/out-jy"));
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n" + """
                categories: [招商引资, 外资外贸, 其他]
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals:
                  - {id: swbs, name: 商务报送处, delivery: folder, folder: {dir: out-sw}, unit: 红旗区商务局}
                  - {id: jybs, name: 教育报送处, delivery: folder, folder: {dir: out-jy}, unit: 红旗区教育局}
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj], portals: [swbs]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj], portals: [jybs]}
                """, StandardCharsets.UTF_8);
        Instant created = Instant.now().minus(Duration.ofHours(1));
        Path history = write("history.csv", "发布时间,标题,分类,链接,部门,公众号\n" + YEAR + "-03-02 10:00," + LEDGER_TITLE
                + ",其他,https://mp.weixin.qq.com/s/old1,办公室,swj\n");
        try (Wiring w = new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(),
                new PollPolicy(5, Duration.ofMillis(10)))) {
            item = w.database().items().insert("shangwu", anItem().account("swj").title(TITLE).build(),
                    ItemStatus.IN_REVIEW, null, created).id();
            approved = w.database().items().insert("shangwu", anItem().account("swj").title(APPROVED_TITLE)
                    .category("外资外贸").build(), ItemStatus.APPROVED, null, created).id();
            assertThat(w.historyImport(List.of("swj")).importFile(history).ok()).isTrue();
            ledgerRow = w.ledger().between(Instant.parse(YEAR + "-01-01T00:00:00Z"),
                    Instant.parse((YEAR + 1) + "-01-01T00:00:00Z")).get(0).id();
            assertThat(w.portalRunner(w.config().portals().subList(0, 1)).run().sent()).isEqualTo(1);
        }
        cli = CliHarness.gongkai().withConfig(config);
    }

    @Test
    void everyCommandIsWalkedAsAnotherUnitOrListedAsTheDistricts() throws Exception {
        Map<String, List<String>> walks = walks();
        Set<String> leaves = leaves();
        assertThat(leaves).as("every command is walked, listed as the district's/operator's or as not yet")
                .allMatch(c -> walks.containsKey(c) || listed(c, OPERATOR) || listed(c, NOT_YET));
        assertThat(walks.keySet()).as("no walk of a command that is gone").isSubsetOf(leaves);

        String before = ownView();
        assertThat(before).contains(TITLE, APPROVED_TITLE, LEDGER_TITLE, "商务报送处");
        for (Map.Entry<String, List<String>> walk : walks.entrySet()) {
            List<String> args = new ArrayList<>(List.of(walk.getKey().split(" ")));
            args.addAll(walk.getValue());
            args.addAll(List.of("--unit", "jiaoyu"));
            Run r = cli.run(args.toArray(String[]::new));
            String all = r.out() + r.err();
            assertThat(SECRETS_OF_SHANGWU).as(walk.getKey() + " as jiaoyu: " + all).noneMatch(all::contains);
            assertThat(r.code()).as(walk.getKey() + " as jiaoyu ran, or refused in words: " + all)
                    .isIn(ExitCodes.OK, ExitCodes.USER);
            if (namesAnId(walk.getValue())) {
                assertThat(r.code()).as(walk.getKey() + " as jiaoyu: " + all).isEqualTo(ExitCodes.USER);
                assertThat(r.err()).as(walk.getKey()).containsAnyOf("稿件 " + item + " 不存在",
                        "稿件 " + approved + " 不存在", "没有编号为 " + ledgerRow + " 的台账记录");
            }
        }
        assertThat(ownView()).as("nothing of shangwu changed").isEqualTo(before);
        assertThat(Files.readString(dir.resolve("export.csv"), StandardCharsets.UTF_8)).doesNotContain(LEDGER_TITLE);
    }

    @Test
    void withSeveralUnitsTheUnitIsRequiredAndAnUnknownOneIsNamed() {
        for (String[] args : List.of(new String[] {"item", "submit", Long.toString(item), "--as", "张三"},
                new String[] {"publish", "status"}, new String[] {"ledger", "list", "--year", "2026"},
                new String[] {"portal", "status"}, new String[] {"quota"}, new String[] {"inspect", "report"})) {
            Run none = cli.run(args);
            assertThat(none.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USER);
            assertThat(none.err()).contains("配置了多个单位，请用 --unit 指明单位", "shangwu 红旗区商务局");
        }
        Run unknown = cli.run("item", "show", Long.toString(item), "--unit", "tiyu");
        assertThat(unknown.err()).contains("没有编号为“tiyu”的单位").doesNotContain(TITLE);
    }

    @Test
    void importStoresIntoTheNamedUnitAndRefusesAnotherUnitsAccount() throws Exception {
        Path other = write("other.md", itemFile("swj", "教育局误投的商务稿件"));
        Run refused = cli.run("item", "import", other.toString(), "--unit", "jiaoyu");
        assertThat(refused.code()).isEqualTo(ExitCodes.USER);
        assertThat(refused.err()).contains("公众号“swj”属于红旗区商务局（shangwu），不是红旗区教育局（jiaoyu）的公众号");
        assertThat(cli.run("item", "list", "--unit", "shangwu").out()).doesNotContain("教育局误投的商务稿件");

        Path own = write("own.md", itemFile(null, "教育局自己的稿件"));
        Run stored = cli.run("item", "import", own.toString(), "--unit", "jiaoyu");
        assertThat(stored.code()).as(stored.err()).isZero();
        String id = stored.out().strip();
        assertThat(cli.run("item", "show", id, "--unit", "jiaoyu").out()).contains("教育局自己的稿件", "公众号：jyj");
        Run elsewhere = cli.run("item", "show", id, "--unit", "shangwu");
        assertThat(elsewhere.err()).contains("稿件 " + id + " 不存在");
    }

    @Test
    void aUnitsLedgerExportHoldsOnlyItsOwnPortalDeliveries() throws Exception {
        Path jiaoyu = dir.resolve("portal-jy.csv");
        Path shangwu = dir.resolve("portal-sw.csv");
        assertThat(cli.run("ledger", "export", "--year", Integer.toString(YEAR), "--channel", "portal", "--out",
                jiaoyu.toString(), "--unit", "jiaoyu").code()).isZero();
        assertThat(cli.run("ledger", "export", "--year", Integer.toString(YEAR), "--channel", "portal", "--out",
                shangwu.toString(), "--unit", "shangwu").code()).isZero();
        assertThat(Files.readString(shangwu, StandardCharsets.UTF_8)).contains(APPROVED_TITLE, "商务报送处");
        assertThat(Files.readString(jiaoyu, StandardCharsets.UTF_8)).contains("报送单位")
                .doesNotContain(APPROVED_TITLE, "商务报送处");

        Path book = dir.resolve("ledger-jy.xlsx");
        assertThat(cli.run("ledger", "export", "--year", Integer.toString(YEAR), "--out", book.toString(),
                "--unit", "jiaoyu").code()).isZero();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(book))) {
            assertThat(wb.getNumberOfSheets()).as("the ledger and the 报区政府办 sheet").isEqualTo(2);
            assertThat(wb.getSheetAt(1).getLastRowNum()).as("no delivery of jiaoyu's: the head row only").isZero();
        }
    }

    /** Each walked command with its arguments (without {@code --unit}). */
    private Map<String, List<String>> walks() throws Exception {
        String id = Long.toString(item);
        String ready = Long.toString(approved);
        Path file = write("update.md", itemFile("jyj", "教育局的修改稿"));
        Path history = write("history-jy.csv", "发布时间,标题,分类,链接,部门,公众号\n" + YEAR
                + "-04-01 10:00,教育局往年文章,其他,https://mp.weixin.qq.com/s/old2,办公室,swj\n");
        Map<String, List<String>> w = new LinkedHashMap<>();
        w.put("item import", List.of(write("import.md", itemFile("swj", "教育局的另一篇")).toString()));
        w.put("item list", List.of());
        w.put("item show", List.of(id));
        w.put("item update", List.of(id, file.toString(), "--as", "张三"));
        w.put("item submit", List.of(id, "--as", "张三"));
        w.put("item reschedule", List.of(ready, "--now", "--as", "张三", "--reason", "提前"));
        w.put("item delete", List.of(id, "--as", "张三"));
        w.put("item requeue", List.of(ready, "--as", "张三"));
        w.put("item withdraw", List.of(ready, "--as", "张三", "--reason", "撤回"));
        w.put("item correct", List.of(ready, "--as", "张三", "--text", "更正"));
        w.put("review approve", List.of(id, "--as", "张三", "--hash", "0123456789abcdef"));
        w.put("review reject", List.of(id, "--as", "张三", "--comment", "退回"));
        w.put("render", List.of(id));
        w.put("publish run", List.of());
        w.put("publish status", List.of());
        w.put("quota", List.of());
        w.put("counts", List.of("--year", Integer.toString(YEAR), "--by", "account"));
        w.put("report", List.of("--year", Integer.toString(YEAR), "--out", dir.resolve("report.docx").toString()));
        w.put("ledger import", List.of(history.toString()));
        w.put("ledger import-template", List.of("--out", dir.resolve("template.xlsx").toString()));
        w.put("ledger export", List.of("--year", Integer.toString(YEAR), "--out", dir.resolve("export.csv").toString()));
        w.put("ledger list", List.of("--year", Integer.toString(YEAR)));
        w.put("ledger categorise", List.of(Long.toString(ledgerRow), "招商引资"));
        w.put("ledger reconcile", List.of("--year", Integer.toString(YEAR)));
        w.put("inspect run", List.of());
        w.put("inspect report", List.of());
        w.put("portal run", List.of());
        w.put("portal status", List.of());
        w.put("portal adopted", List.of(ready, "--portal", "swbs", "--as", "张三", "--url", "https://x.gov.cn/a"));
        w.put("portal not-adopted", List.of(ready, "--portal", "swbs", "--as", "张三"));
        w.put("portal resend", List.of(ready, "--portal", "swbs", "--as", "张三"));
        return w;
    }

    private boolean namesAnId(List<String> args) {
        return !args.isEmpty() && Stream.of(item, approved, ledgerRow).map(String::valueOf)
                .anyMatch(args.get(0)::equals);
    }

    /** What shangwu sees of its item, its approved item's deliveries and its ledger: must not change. */
    private String ownView() {
        return Stream.of(cli.run("item", "show", Long.toString(item), "--unit", "shangwu"),
                        cli.run("item", "show", Long.toString(approved), "--unit", "shangwu"),
                        cli.run("item", "list", "--unit", "shangwu"),
                        cli.run("ledger", "list", "--year", Integer.toString(YEAR), "--unit", "shangwu"),
                        cli.run("portal", "status", "--unit", "shangwu"))
                .map(r -> r.code() + "\n" + r.out() + r.err()).reduce("", String::concat)
                .replaceAll("公开时限：[^\n]*", "");
    }

    private static boolean listed(String command, Map<String, String> list) {
        String group = command.split(" ")[0];
        return list.containsKey(command) || list.containsKey(group);
    }

    /** The qualified names of picocli's leaf commands, as the command line registers them. */
    private static Set<String> leaves() {
        Set<String> out = new TreeSet<>();
        collect(new CommandLine(new Cli(new Context(Map.of(), Clock.systemUTC()))), "", out);
        assertThat(out).contains("item show", "portal status", "quota");
        return out;
    }

    private static void collect(CommandLine command, String prefix, Set<String> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias (ledger categorize) is the same command
            }
            String path = prefix.isEmpty() ? name : prefix + " " + name;
            if (sub.getSubcommands().isEmpty()) {
                out.add(path);
            } else {
                collect(sub, path, out);
            }
        });
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String itemFile(String account, String title) {
        return "---\ntitle: " + title + "\ncategory: 其他\nauthor: 红旗区商务局\ndepartment: 办公室\n"
                + (account == null ? "" : "account: " + account + "\n") + "---\n\n" + title + "的正文。\n";
    }
}
