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

/**
 * {@code gongkai bench console} on a tiny database: two staff for two seconds get every page answered, and a second
 * run reuses the items and ledger rows the first wrote. No timing is asserted (speed is for docs/benchmarks.md).
 */
class BenchConsoleCommandTest {
    @TempDir
    Path dir;

    private Run bench(Path config) {
        return CliHarness.gongkai().withConfig(config).run("bench", "console", "--items", "120", "--ledger-rows",
                "300", "--staff", "2", "--seconds", "2", "--warmup", "0", "--think", "50");
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("gongkai.yml"), "data-dir: " + dir.resolve("data") + "\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void twoStaffGetEveryPageWithoutErrorsAndASecondRunReusesTheData() throws IOException {
        Path config = config();

        Run first = bench(config);

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("写入 120 篇稿件", "台账写入 300 行", "2 名模拟工作人员已登录", "错误合计：0");
        for (String page : BenchConsoleCommand.PAGES) {
            // the page's line: its name, a request count of at least one, then zero errors
            assertThat(first.out()).containsPattern("(?m)^" + page + "\\s+[1-9]\\d*\\s+0\\s");
        }

        Run again = bench(config);

        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("已有 120 篇基准稿件，直接使用。", "台账已有 300 行基准数据。", "错误合计：0");
    }

    @Test
    void refusesADatabaseWithItemsOfItsOwn() throws IOException {
        Path config = config();
        Run imported = CliHarness.gongkai().withConfig(config).run("item", "import",
                Path.of("samples").toAbsolutePath().resolve(firstSample()).toString());
        assertThat(imported.code()).as(imported.err()).isZero();

        Run r = bench(config);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("已有不是基准测试写入的稿件", "GONGKAI_DATA_DIR=/tmp/gongkai-bench-console");
    }

    private static String firstSample() throws IOException {
        try (var files = Files.list(Path.of("samples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().findFirst()
                    .orElseThrow();
        }
    }
}
