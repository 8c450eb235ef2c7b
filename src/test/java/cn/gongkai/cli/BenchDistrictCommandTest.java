package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench district} at a small size: every item of every unit is published in the one slot, the units' counts
 * add up to the district's, and the 全区 page answers for the logged-in inspector. Speeds are only printed.
 */
class BenchDistrictCommandTest {
    @Test
    void aSmallDistrictPublishesEverythingInOneSlotAndItsCountsAddUp() {
        Run r = CliHarness.gongkai().run("bench", "district", "--units", "2", "--accounts-per-unit", "2",
                "--items-per-unit", "9", "--page-requests", "3");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("同一发布时段：4 个公众号、18 篇稿件", "模拟器记录已发布 18 篇，仍待发布 0 篇",
                "统计：各单位 9–9 篇，合计 18 篇；全区 18 篇（一致）").doesNotContain("任务失败");
        assertThat(r.out().lines().filter(l -> l.startsWith("全区 ")).findFirst().orElseThrow())
                .matches("全区\\s+3\\s+0\\s+.*");
        Matcher dir = Pattern.compile("临时目录 (\\S+)，结束后删除").matcher(r.out());
        assertThat(dir.find()).as(r.out()).isTrue();
        assertThat(Path.of(dir.group(1))).as("the temporary directory is removed").doesNotExist();
    }

    @Test
    void sizesOutsideTheirRangeAreRefused() {
        Run r = CliHarness.gongkai().run("bench", "district", "--units", "0");

        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).contains("--units 应在 1–200 之间");
    }
}
