package cn.gongkai.cli;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai unit list|move} on H2: a single bureau's rows (unit {@code default}: two items, a ledger row, a user
 * and their API token) join a district of two units by {@code unit move --from default --to shangwu}, with counts per
 * table; refused, changing nothing, when the target is unknown, the same unit, or does not own an account of the rows.
 */
class UnitCommandsTest {
    private static final String ACCOUNTS = """
            accounts:
              - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
              - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
            portals: []
            """;
    private static final String UNITS = """
            units:
              - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
              - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
            """;

    @TempDir
    static Path dir;
    private static Path config;
    private static long bureauItem;
    private static long jiaoyuItem;

    @BeforeAll
    static void aSingleBureauThenADistrict() throws IOException {
        config = dir.resolve("gongkai.yml");
        write(ACCOUNTS);
        try (Wiring w = wiring()) {
            bureauItem = w.database().items().insert(anItem().account("swj").title("商务局旧稿一").build(),
                    ItemStatus.DRAFT, null, Instant.now()).id();
            w.database().items().insert(anItem().account("swj").title("商务局旧稿二").build(), ItemStatus.IN_REVIEW,
                    null, Instant.now());
            w.database().ledger().recordAll(List.of(new LedgerEntry(0, null, "swj", LedgerEntry.UNKNOWN_MODE, null,
                    null, 1, "", "旧文章", "招商引资", "", Instant.parse("2026-03-01T02:00:00Z"), LedgerSource.IMPORT,
                    "old-1", null, null)));
            w.users().add("张科长", Role.DRAFTER, "correct-horse-1".toCharArray());
            w.users().createToken("张科长");
        }
        write(ACCOUNTS + UNITS);
        try (Wiring w = wiring()) {
            jiaoyuItem = w.database().items().insert("jiaoyu", anItem().account("jyj").title("教育局稿").build(),
                    ItemStatus.DRAFT, null, Instant.now()).id();
            w.users().add("周管理", Role.ADMIN, "jiaoyu", "correct-horse-1".toCharArray());
        }
    }

    @Test
    void aMoveIsRefusedChangingNothingWhenTheTargetIsUnknownTheSameOrNotTheOwnerOfTheAccounts() throws IOException {
        CliHarness cli = CliHarness.gongkai().withConfig(config);

        Run foreign = cli.run("unit", "move", "--from", "jiaoyu", "--to", "shangwu");
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.err()).contains("公众号 jyj 不属于单位 shangwu（红旗区商务局）", "数据未改动");
        Run unknown = cli.run("unit", "move", "--from", "default", "--to", "wenti");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("没有编号为“wenti”的单位", "shangwu 红旗区商务局", "jiaoyu 红旗区教育局");
        Run same = cli.run("unit", "move", "--from", "jiaoyu", "--to", "jiaoyu");
        assertThat(same.code()).isEqualTo(1);
        assertThat(same.err()).contains("是同一个单位 jiaoyu");

        try (Wiring w = wiring()) {
            assertThat(w.database().items().find(jiaoyuItem).orElseThrow().unitId()).isEqualTo("jiaoyu");
            assertThat(w.users().find("周管理").orElseThrow().unitId()).isEqualTo("jiaoyu");
        }
    }

    @Test
    void aSingleBureausRowsJoinTheDistrictInOneMoveWithCountsPerTable() throws IOException {
        CliHarness cli = CliHarness.gongkai().withConfig(config);

        Run dry = cli.run("unit", "move", "--from", "default", "--to", "shangwu", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("试运行（未改动数据）：将把单位 default 的数据移到单位 shangwu");
        assertThat(line(dry.out(), "item")).contains("稿件", "2");
        try (Wiring w = wiring()) {
            assertThat(w.database().items().find(bureauItem).orElseThrow().unitId()).isEqualTo("default");
        }

        Run moved = cli.run("unit", "move", "--from", "default", "--to", "shangwu");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("已把单位 default 的数据移到单位 shangwu", "共 5 行");
        assertThat(line(moved.out(), "item")).endsWith("2");
        assertThat(line(moved.out(), "ledger")).endsWith("1");
        assertThat(line(moved.out(), "app_user")).endsWith("1");
        assertThat(line(moved.out(), "api_token")).endsWith("1");
        assertThat(line(moved.out(), "publish_batch")).endsWith("0");
        try (Wiring w = wiring()) {
            assertThat(w.database().items().find(bureauItem).orElseThrow().unitId()).isEqualTo("shangwu");
            assertThat(w.users().find("张科长").orElseThrow().scope())
                    .isEqualTo(cn.gongkai.item.Scope.unit("shangwu"));
            assertThat(w.database().items().find(jiaoyuItem).orElseThrow().unitId()).isEqualTo("jiaoyu");
        }
        assertThat(line(cli.run("unit", "move", "--from", "default", "--to", "shangwu").out(), "item"))
                .as("nothing left to move").endsWith("0");
    }

    @Test
    void theListShowsEveryUnitItsSourceAccountsAndPeopleAndAUnitAddedOnThePageTakesPeople() throws IOException {
        try (Wiring w = wiring()) {
            w.units().add("tiyu", "红旗区体育局");
        }
        CliHarness cli = CliHarness.gongkai().withConfig(config).withStdin("correct-horse-1\n");
        Run added = cli.run("user", "add", "体育管理", "--role", "admin", "--unit", "tiyu");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("已添加用户 体育管理", "红旗区体育局");

        Run list = cli.run("unit", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(line(list.out(), "jiaoyu")).contains("红旗区教育局", "配置文件", "红旗教育（jyj）").endsWith("1");
        assertThat(line(list.out(), "shangwu")).contains("红旗区商务局", "配置文件", "红旗商务（swj）");
        assertThat(line(list.out(), "tiyu")).contains("红旗区体育局", "控制台", "（尚未配置）").endsWith("1");
        assertThat(line(cli.run("user", "list").out(), "体育管理")).contains("红旗区体育局");
    }

    private static String line(String out, String first) {
        return out.lines().filter(l -> l.startsWith(first + " ")).findFirst().orElseThrow(() ->
                new AssertionError("no line for " + first + " in:\n" + out)).strip();
    }

    private static Wiring wiring() {
        return new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(),
                new PollPolicy(5, Duration.ofMillis(10)));
    }

    private static void write(String yaml) throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n" + yaml, StandardCharsets.UTF_8);
    }
}
