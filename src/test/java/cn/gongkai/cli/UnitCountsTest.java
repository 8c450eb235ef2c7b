package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code counts --unit U} with two units: each unit counts its own accounts' articles (categories, pushes, deleted
 * ones, corrections as the whole ledger counts them); without {@code --unit} the district's; an unknown unit is named.
 */
class UnitCountsTest {
    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void twoUnitsWithALedger() throws Exception {
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n" + """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals: []
                categories: [招商引资, 教育教学, 其他]
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
                """, StandardCharsets.UTF_8);
        try (Wiring w = new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(),
                new PollPolicy(5, Duration.ofMillis(10)))) {
            w.database().ledger().recordAll(List.of(row("swj", "a1", "招商引资", "2026-03-01T02:00:00Z"),
                    row("swj", "a2", "招商引资", "2026-04-01T02:00:00Z"),
                    row("swj", "a3", "其他", "2026-05-01T02:00:00Z"),
                    row("jyj", "b1", "教育教学", "2026-06-01T02:00:00Z"),
                    row("jyj", "b0", "教育教学", "2025-06-01T02:00:00Z")));
        }
    }

    @Test
    void eachUnitCountsItsOwnAccountsAndTheDistrictCountsAll() {
        CliHarness cli = CliHarness.gongkai().withConfig(config);

        Run shangwu = cli.run("counts", "--year", "2026", "--unit", "shangwu");
        Run jiaoyu = cli.run("counts", "--year", "2026", "--unit", "jiaoyu", "--format", "json");
        Run district = cli.run("counts", "--year", "2026", "--by", "account");

        assertThat(shangwu.code()).as(shangwu.err()).isZero();
        assertThat(shangwu.out()).contains("红旗区商务局", "2026 年公众号发布：文章 3 条", "招商引资  2", "教育教学  0", "其他      1");
        assertThat(jiaoyu.out()).contains("\"articles\":1", "\"教育教学\":1").doesNotContain("招商引资\":2");
        assertThat(district.out()).contains("全区（2 个单位）", "文章 4 条");
    }

    @Test
    void anUnknownUnitIsNamedWithTheKnownOnes() {
        Run r = CliHarness.gongkai().withConfig(config).run("counts", "--year", "2026", "--unit", "tiyu");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("没有编号为“tiyu”的单位", "shangwu 红旗区商务局", "jiaoyu 红旗区教育局");
    }

    private static LedgerEntry row(String account, String key, String category, String when) {
        return new LedgerEntry(0, null, account, LedgerEntry.UNKNOWN_MODE, null, null, 1, "", key, category, "",
                Instant.parse(when), LedgerSource.IMPORT, key, null, null);
    }
}
