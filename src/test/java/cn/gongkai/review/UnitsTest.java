package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units there are: the configuration's, then those added on the 单位 page; the configuration wins for an id it
 * names; the table is not asked about a configured unit; bad and taken ids are refused naming the problem.
 */
class UnitsTest {
    private static final String ACCOUNTS = """
            accounts:
              - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
              - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
            portals: []
            categories: [招商引资, 教育教学, 其他]
            """;

    @TempDir
    Path dir;
    private final MemoryTable table = new MemoryTable();
    private final AtomicInteger tableAsked = new AtomicInteger();

    private Units units(String yaml) throws IOException {
        Path file = dir.resolve("gongkai.yml");
        Files.writeString(file, ACCOUNTS + yaml, StandardCharsets.UTF_8);
        GongkaiConfig config = new ConfigLoader(Map.of()).load(file);
        return new Units(config, () -> {
            tableAsked.incrementAndGet();
            return table;
        }, Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), ZoneOffset.UTC));
    }

    private static final String TWO_UNITS = """
            units:
              - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
              - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
            """;

    @Test
    void aUnitAddedOnThePageFollowsTheConfiguredOnesWithTheTopLevelCategoriesAndNoAccounts() throws IOException {
        Units units = units(TWO_UNITS);

        Units.Unit added = units.add(" tiyu ", " 红旗区体育局 ");

        assertThat(added.id()).isEqualTo("tiyu");
        assertThat(units.all()).extracting(Units.Unit::id).containsExactly("shangwu", "jiaoyu", "tiyu");
        Units.Unit tiyu = units.find("tiyu").orElseThrow();
        assertThat(tiyu.configured()).isFalse();
        assertThat(tiyu.sourceLabel()).isEqualTo("控制台");
        assertThat(tiyu.name()).isEqualTo("红旗区体育局");
        assertThat(tiyu.config().accounts()).isEmpty();
        assertThat(tiyu.config().categories()).containsExactly("招商引资", "教育教学", "其他");
    }

    @Test
    void aConfiguredUnitIsFoundWithoutAskingTheTable() throws IOException {
        Units units = units(TWO_UNITS);

        assertThat(units.find("jiaoyu").orElseThrow().configured()).isTrue();
        assertThat(units.find("Not An Id")).isEmpty();
        assertThat(tableAsked).hasValue(0);
        assertThat(units.find("tiyu")).isEmpty();
        assertThat(tableAsked).hasValue(1);
    }

    @Test
    void whenTheConfigurationLaterNamesTheIdTheConfigurationWins() throws IOException {
        table.addConsoleUnit("tiyu", "体育局（控制台）", Instant.now());

        Units units = units("""
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
                  - {id: tiyu, name: 红旗区体育局}
                """);

        assertThat(units.all()).extracting(Units.Unit::id).containsExactly("shangwu", "jiaoyu", "tiyu");
        assertThat(units.find("tiyu").orElseThrow()).satisfies(u -> {
            assertThat(u.configured()).isTrue();
            assertThat(u.name()).isEqualTo("红旗区体育局");
        });
    }

    @Test
    void badTakenAndNamelessUnitsAreRefusedNamingTheProblemAndNothingIsStored() throws IOException {
        Units units = units(TWO_UNITS);
        units.add("wenlv", "红旗区文旅局");

        assertThatThrownBy(() -> units.add("Wen Lv", "某局")).isInstanceOf(UserException.class)
                .hasMessageContaining("单位编号“Wen Lv”不可用：需为 1–32 位小写字母、数字、-或_");
        assertThatThrownBy(() -> units.add("a".repeat(33), "某局")).hasMessageContaining("不可用");
        assertThatThrownBy(() -> units.add("jiaoyu", "某局"))
                .hasMessage("单位编号“jiaoyu”已被使用：jiaoyu 红旗区教育局（配置文件）");
        assertThatThrownBy(() -> units.add("wenlv", "某局"))
                .hasMessage("单位编号“wenlv”已被使用：wenlv 红旗区文旅局（控制台）");
        assertThatThrownBy(() -> units.add("kong", "  ")).hasMessageContaining("单位名称不能为空");
        assertThat(table.rows).extracting(UnitTable.Row::id).containsExactly("wenlv");
    }

    @Test
    void aSingleUnitsConfigurationTakesNoUnitsFromThePage() throws IOException {
        Units units = units("");

        assertThatThrownBy(() -> units.add("tiyu", "红旗区体育局")).isInstanceOf(UserException.class)
                .hasMessageContaining("配置文件中只有一个单位，不能在控制台添加单位");
        assertThat(table.rows).isEmpty();
        assertThat(units.all()).extracting(Units.Unit::id).containsExactly("default");
    }

    @Test
    void aMoveIsRefusedWhenTheTargetDoesNotOwnAPortalOfTheRowsDeliveries() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Path file = dir.resolve("gongkai.yml");
        Files.writeString(file, "data-dir: " + dir + "\n" + """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals:
                  - {id: jybs, name: 教育报送处, delivery: folder, folder: {dir: out}, unit: 红旗区教育局}
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj, jyj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [], portals: [jybs]}
                """, StandardCharsets.UTF_8);
        Units units = new Units(new ConfigLoader(Map.of()).load(file), () -> table, Clock.systemUTC());
        List<String> moved = new ArrayList<>();
        UnitRows rows = new UnitRows() {
            @Override
            public Map<String, Long> count(String unit) {
                return Map.of("item", 1L);
            }

            @Override
            public java.util.Set<String> accounts(String unit) {
                return java.util.Set.of("jyj");
            }

            @Override
            public java.util.Set<String> portals(String unit) {
                return java.util.Set.of("jybs");
            }

            @Override
            public Map<String, Long> move(String from, String to) {
                moved.add(from + "→" + to);
                return Map.of("item", 1L);
            }
        };

        assertThatThrownBy(() -> new UnitMove(units, rows).move("default", "shangwu", false))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("报送渠道 jybs 不属于单位 shangwu（红旗区商务局）").hasMessageContaining("数据未改动");
        assertThat(moved).as("nothing moved").isEmpty();
    }

    /** The {@code unit} table in memory. */
    private static final class MemoryTable implements UnitTable {
        final List<Row> rows = new ArrayList<>();

        @Override
        public List<Row> list() {
            return List.copyOf(rows);
        }

        @Override
        public Optional<Row> find(String id) {
            return rows.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public boolean addConsoleUnit(String id, String name, Instant at) {
            if (find(id).isPresent()) {
                return false;
            }
            rows.add(new Row(id, name, true, at));
            return true;
        }
    }
}
