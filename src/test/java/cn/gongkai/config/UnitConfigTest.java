package cn.gongkai.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code units:} list: one implicit unit without it, each account and portal in exactly one unit with it. */
class UnitConfigTest {
    /** A production instance: the accounts have their secrets, so nothing runs in the sandbox. */
    private static final Map<String, String> PRODUCTION = Map.of("GONGKAI_ACCOUNTS_0_SECRET", "app-secret-1234",
            "GONGKAI_ACCOUNTS_1_SECRET", "app-secret-5678", "GONGKAI_ACCOUNTS_2_SECRET", "app-secret-9012");
    private static final String ACCOUNTS = "accounts:\n"
            + "  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}\n"
            + "  - {id: swj-fw, name: 红旗商务服务, app-id: wx0000000000000002}\n"
            + "  - {id: jyj, name: 红旗教育, app-id: wx0000000000000003}\n";
    private static final String PORTALS = "portals:\n"
            + "  - {id: qzfb, name: 红旗区人民政府办公室, delivery: folder, folder: {dir: out-a}, unit: 红旗区商务局}\n"
            + "  - {id: qzfb-jy, name: 红旗区人民政府办公室, delivery: folder, folder: {dir: out-b}, unit: 红旗区教育局}\n";
    private static final String TWO_UNITS = "units:\n"
            + "  - id: shangwu\n    name: 红旗区商务局\n    accounts: [swj, swj-fw]\n    portals: [qzfb]\n"
            + "    categories: [促消费, 其他]\n"
            + "  - id: jiaoyu\n    name: 红旗区教育局\n    accounts: [jyj]\n    portals: [qzfb-jy]\n"
            + "    review: {chain: [dept-leader, office-leader]}\n    facts: ../reports/jiaoyu\n";

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("gongkai.yml");
        Files.writeString(f, "data-dir: " + dir.resolve("data") + "\n" + yaml, StandardCharsets.UTF_8);
        return f;
    }

    private GongkaiConfig load(Map<String, String> env, String yaml) throws IOException {
        return new ConfigLoader(env).load(file(yaml));
    }

    private ConfigException refused(String yaml) {
        Throwable t = catchThrowable(() -> load(PRODUCTION, yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    @Test
    void withoutUnitsTheWholeConfigurationIsOneUnitNamedAfterThePortalsReportingUnit() throws IOException {
        GongkaiConfig c = load(Map.of(), "");

        assertThat(c.units()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo(UnitConfig.DEFAULT_ID);
            assertThat(u.name()).isEqualTo("红旗区商务局");
            assertThat(u.accounts()).containsExactly("hongqi");
            assertThat(u.portals()).containsExactly("qzfb");
            assertThat(u.categories()).isEqualTo(c.categories());
            assertThat(u.reviewChain()).isEqualTo(c.reviewChain());
            assertThat(u.importantChain()).isEqualTo(c.review().importantChain());
        });
        assertThat(c.severalUnits()).isFalse();
        assertThat(c.unitOfAccount("hongqi")).map(UnitConfig::id).contains("default");
        assertThat(c.unitOfPortal("qzfb")).map(UnitConfig::id).contains("default");
        Path configFile = dir.resolve("gongkai.yml");
        assertThat(c.units().get(0).factsDir(configFile, false)).isEqualTo(dir.resolve("report").toAbsolutePath());
    }

    @Test
    void withoutPortalsOrUnitsTheOneUnitIsCalledBenDanwei() throws IOException {
        GongkaiConfig c = load(PRODUCTION, ACCOUNTS);

        assertThat(c.units()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("本单位");
            assertThat(u.accounts()).containsExactly("swj", "swj-fw", "jyj");
            assertThat(u.portals()).isEmpty();
        });
    }

    @Test
    void twoUnitsOwnTheirAccountsAndPortalsAndTakeTheTopLevelSettingsTheyLeaveOut() throws IOException {
        GongkaiConfig c = load(PRODUCTION, ACCOUNTS + PORTALS + TWO_UNITS);

        assertThat(c.severalUnits()).isTrue();
        assertThat(c.units()).extracting(UnitConfig::id).containsExactly("shangwu", "jiaoyu");
        assertThat(c.unitOfAccount("swj-fw")).map(UnitConfig::id).contains("shangwu");
        assertThat(c.unitOfAccount("jyj")).map(UnitConfig::id).contains("jiaoyu");
        assertThat(c.unitOfPortal("qzfb-jy")).map(UnitConfig::id).contains("jiaoyu");
        assertThat(c.unitOfAccount("nobody")).isEmpty();
        UnitConfig shangwu = c.unit("shangwu").orElseThrow();
        UnitConfig jiaoyu = c.unit("jiaoyu").orElseThrow();
        assertThat(shangwu.categories()).containsExactly("促消费", "其他");
        assertThat(shangwu.reviewChain()).isEqualTo(c.reviewChain());
        assertThat(jiaoyu.categories()).isEqualTo(c.categories());
        assertThat(jiaoyu.reviewChain()).containsExactly("dept-leader", "office-leader");
        assertThat(jiaoyu.importantChain()).containsExactly("principal-leader");
        Path configFile = dir.resolve("gongkai.yml");
        assertThat(shangwu.factsDir(configFile, true)).isEqualTo(dir.resolve("report/shangwu").toAbsolutePath());
        assertThat(jiaoyu.factsDir(configFile, true)).isEqualTo(dir.getParent().resolve("reports/jiaoyu")
                .toAbsolutePath());
    }

    @Test
    void anUnknownAccountOrPortalIsNamedWithTheKey() {
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("[jyj]", "[jyj, tiyu]")))
                .hasMessageContaining("units[1].accounts").hasMessageContaining("\"tiyu\"")
                .hasMessageContaining("不是 accounts: 中配置的公众号 id");
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("[qzfb-jy]", "[qzfb-tj]")))
                .hasMessageContaining("units[1].portals").hasMessageContaining("\"qzfb-tj\"");
    }

    @Test
    void anAccountOrPortalClaimedByTwoUnitsNamesBoth() {
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("[jyj]", "[jyj, swj-fw]")))
                .hasMessageContaining("units[1].accounts").hasMessageContaining("swj-fw")
                .hasMessageContaining("已属于单位 shangwu").hasMessageContaining("不能再属于单位 jiaoyu");
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("[qzfb-jy]", "[qzfb-jy, qzfb]")))
                .hasMessageContaining("units[1].portals").hasMessageContaining("已属于单位 shangwu");
    }

    @Test
    void anAccountOrPortalOfNoUnitIsRefusedWhenUnitsAreGiven() {
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("[swj, swj-fw]", "[swj]")))
                .hasMessageContaining("配置项 accounts").hasMessageContaining("swj-fw").hasMessageContaining("不属于任何单位");
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("    portals: [qzfb-jy]\n", "")))
                .hasMessageContaining("配置项 portals").hasMessageContaining("qzfb-jy").hasMessageContaining("不属于任何单位");
    }

    @Test
    void unitIdsAreUniqueAndFollowTheAccountIdRule() {
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("id: jiaoyu", "id: shangwu")))
                .hasMessageContaining("units[1].id").hasMessageContaining("单位 id 重复");
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("id: jiaoyu", "id: 教育局")))
                .hasMessageContaining("units[1].id").hasMessageContaining("\"教育局\"")
                .hasMessageContaining("小写字母");
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("name: 红旗区教育局", "name: \"\"")))
                .hasMessageContaining("units[1].name");
        assertThat(refused(ACCOUNTS + "units: []\n")).hasMessageContaining("配置项 units");
    }

    @Test
    void aUnitsCategoriesAndReviewRolesAreChecked() {
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("[促消费, 其他]", "[促消费, 体育]")))
                .hasMessageContaining("units[0].categories").hasMessageContaining("\"体育\"");
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS.replace("office-leader]}", "mayor]}")))
                .hasMessageContaining("units[1].review.chain").hasMessageContaining("\"mayor\"");
    }

    @Test
    void anUnknownKeyOfAUnitIsRefused() {
        assertThat(refused(ACCOUNTS + PORTALS + TWO_UNITS + "    accunts: [jyj]\n"))
                .hasMessageContaining("units[1].accunts").hasMessageContaining("未知的配置项");
    }
}
