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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19 on the command line: walks picocli's {@code item} subcommands; each one that reads one item takes
 * {@code --unit U} and, run as another unit against an item of the first, answers as for an id that never existed
 * (稿件 N 不存在, exit 1, no title); {@code item list --unit U} lists only the unit's items, and with several units
 * {@code --unit} is required.
 */
class UnitItemCommandsWalkerTest {
    private static final String TITLE = "商务局招商引资政策解读稿";

    /**
     * The item subcommands without {@code --unit} yet (they change an item as a named user, and the review layer
     * refuses another unit's reviewer): not walked here, listed so that a new command must be placed.
     */
    private static final Set<String> NOT_YET = Set.of("import", "update", "submit", "reschedule", "delete",
            "requeue", "withdraw", "correct");

    @TempDir
    Path dir;
    private Path config;
    private long itemOfShangwu;

    @BeforeEach
    void twoUnitsWithAnItem() throws Exception {
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n" + """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals: []
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
                """, StandardCharsets.UTF_8);
        try (Wiring w = new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(),
                new PollPolicy(5, Duration.ofMillis(10)))) {
            itemOfShangwu = w.database().items().insert("shangwu", anItem().account("swj").title(TITLE).build(),
                    ItemStatus.IN_REVIEW, null, Instant.now()).id();
        }
    }

    @Test
    void everyItemCommandThatReadsOneItemAnswersNotFoundToAnotherUnit() {
        CliHarness cli = CliHarness.gongkai().withConfig(config);
        List<String> walked = new ArrayList<>();
        for (String name : itemSubcommands()) {
            if (NOT_YET.contains(name) || name.equals("list")) {
                continue;
            }
            Run other = cli.run("item", name, Long.toString(itemOfShangwu), "--unit", "jiaoyu");
            assertThat(other.code()).as("item " + name + " as jiaoyu: " + other.err()).isEqualTo(1);
            assertThat(other.err()).contains("稿件 " + itemOfShangwu + " 不存在");
            assertThat(other.out() + other.err()).doesNotContain(TITLE);
            Run own = cli.run("item", name, Long.toString(itemOfShangwu), "--unit", "shangwu");
            assertThat(own.code()).as("item " + name + " as shangwu: " + own.err()).isZero();
            assertThat(own.out()).contains(TITLE);
            walked.add(name);
        }
        assertThat(walked).contains("show");
    }

    @Test
    void theListShowsOnlyTheUnitsItemsAndNeedsTheUnitWithSeveral() {
        CliHarness cli = CliHarness.gongkai().withConfig(config);

        assertThat(cli.run("item", "list", "--unit", "shangwu").out()).contains(TITLE);
        Run other = cli.run("item", "list", "--unit", "jiaoyu");
        assertThat(other.code()).isZero();
        assertThat(other.out()).doesNotContain(TITLE);
        Run none = cli.run("item", "list");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("配置了多个单位，请用 --unit 指明单位", "shangwu 红旗区商务局");
        Run unknown = cli.run("item", "show", Long.toString(itemOfShangwu), "--unit", "tiyu");
        assertThat(unknown.err()).contains("没有编号为“tiyu”的单位").doesNotContain(TITLE);
    }

    /** The names of picocli's {@code item} subcommands, as the command line registers them. */
    private static Set<String> itemSubcommands() {
        CommandLine cli = new CommandLine(new Cli(new Context(Map.of(), Clock.systemUTC())));
        Set<String> names = cli.getSubcommands().get("item").getSubcommands().keySet();
        assertThat(names).as("every item subcommand is walked or listed as not yet")
                .allMatch(n -> n.equals("show") || n.equals("list") || NOT_YET.contains(n));
        return names;
    }
}
