package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add --unit} and {@code user list} with two units, and with the one unit of a single bureau. */
class UserUnitsCliTest {
    private static final String PASSWORD = "correct-horse-1\n";
    private static final String TWO_UNITS = """
            accounts:
              - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
              - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
            portals: []
            units:
              - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
              - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
            """;

    @TempDir
    Path dir;

    private CliHarness cli(String yaml) throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n" + yaml, StandardCharsets.UTF_8);
        return CliHarness.gongkai().withConfig(config).withStdin(PASSWORD);
    }

    @Test
    void withSeveralUnitsAUserNeedsAKnownUnitAndTheListShowsIt() throws IOException {
        CliHarness cli = cli(TWO_UNITS);

        Run missing = cli.run("user", "add", "张科长", "--role", "dept-leader");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("配置了多个单位，请用 --unit 指明", "shangwu 红旗区商务局", "jiaoyu 红旗区教育局")
                .doesNotContain("correct-horse");
        Run unknown = cli.run("user", "add", "张科长", "--role", "dept-leader", "--unit", "tiyu");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("没有编号为“tiyu”的单位");

        Run added = cli.run("user", "add", "张科长", "--role", "dept-leader", "--unit", "jiaoyu");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("已添加用户 张科长", "红旗区教育局");
        assertThat(cli.run("user", "add", "李主任", "--role", "office-director", "--unit", "shangwu").code()).isZero();
        Run office = cli.run("user", "add", "钱主任", "--role", "district-admin");
        assertThat(office.code()).as(office.err()).isZero();
        assertThat(office.out()).contains("区政府办管理员", "区政府办");

        Run list = cli.run("user", "list");
        assertThat(list.out()).contains("单位");
        assertThat(list.out().lines().filter(l -> l.startsWith("张科长"))).singleElement().asString()
                .contains("红旗区教育局");
        assertThat(list.out().lines().filter(l -> l.startsWith("李主任"))).singleElement().asString()
                .contains("红旗区商务局");
        assertThat(list.out().lines().filter(l -> l.startsWith("钱主任"))).singleElement().asString()
                .contains("区政府办", "district-admin");
    }

    @Test
    void aDistrictRoleTakesNoUnit() throws IOException {
        Run r = cli(TWO_UNITS).run("user", "add", "孙巡查", "--role", "district-inspector", "--unit", "shangwu");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("区政府办巡查员属于区政府办，不属于任何单位", "--unit shangwu");
    }

    @Test
    void aSingleBureauNeedsNoUnitAndNeverSeesTheWord() throws IOException {
        CliHarness cli = cli("");

        Run added = cli.run("user", "add", "张科长", "--role", "dept-leader");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).doesNotContain("单位");
        assertThat(cli.run("user", "list").out()).contains("张科长").doesNotContain("单位");
        Run named = cli.run("user", "add", "李主任", "--role", "office-director", "--unit", "default");
        assertThat(named.code()).as(named.err()).isZero();
    }
}
