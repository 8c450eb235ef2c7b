package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import cn.gongkai.testsupport.CliHarness.Run;
import cn.gongkai.testsupport.CliHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai quota} shows the calls a publishing run made, from the database, in a later process. */
class QuotaCommandTest {
    @TempDir
    Path dir;

    Run run(Path config, String... args) {
        return CliHarness.gongkai().withConfig(config).run(args);
    }

    @Test
    void showsTodaysCallsAndWhatIsLeftPerApiAfterAPublishingRun() throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\nreview:\n  chain: []\n",
                StandardCharsets.UTF_8);
        Bundled.extract("samples", dir.resolve("samples"));
        assertThat(run(config, "item", "import", dir.resolve("samples/04-waimao-kuajing.md").toString()).code())
                .isZero();
        assertThat(run(config, "publish", "run").code()).isZero();

        Run r = run(config, "quota");
        Path saved = Path.of("target", "doctor", "quota.txt");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, "$ gongkai quota\n" + r.out(), StandardCharsets.UTF_8);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("公众号 红旗商务（hongqi）", "本系统份额 90%", "00:00 重置");
        String submit = r.out().lines().filter(l -> l.startsWith("freepublish/submit")).findFirst().orElseThrow();
        assertThat(submit.split("\\s+")).containsExactly("freepublish/submit", "100", "90", "1", "89");
        String poll = r.out().lines().filter(l -> l.startsWith("freepublish/get ")).findFirst().orElseThrow();
        assertThat(poll.split("\\s+")[1]).isEqualTo("100");
        assertThat(poll.split("\\s+")[2]).isEqualTo("90");
        assertThat(run(config, "quota", "--account", "nosuch").code()).isEqualTo(1);
    }
}
