package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.CliHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai doctor} never prints a password written into the database URL, whatever form it takes. */
class DoctorDatabaseSecretsTest {
    private static final String PASSWORD = "Url-Pa55-9173";

    @TempDir
    Path dir;

    private String doctor(String url) throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\ndatabase:\n  url: \"" + url + "\"\n",
                StandardCharsets.UTF_8);
        CliHarness.Run run = CliHarness.gongkai().withConfig(config).run("doctor");
        assertThat(run.code()).as(url).isNotZero();
        return run.out() + "\n" + run.err();
    }

    @Test
    void aPasswordParameterOfAnUnreachableDatabaseIsMasked() throws IOException {
        String printed = doctor("jdbc:postgresql://127.0.0.1:1/gongkai?user=gk&password=" + PASSWORD);

        assertThat(printed).contains("数据库").doesNotContain(PASSWORD);
    }

    @Test
    void aUserAndPasswordBeforeTheHostAreRefusedWithoutPrintingThem() throws IOException {
        String printed = doctor("jdbc:postgresql://gk:" + PASSWORD + "@127.0.0.1:1/gongkai");

        assertThat(printed).contains("database.url").doesNotContain(PASSWORD);
    }

    @Test
    void anH2PasswordSettingIsMasked() throws IOException {
        String printed = doctor("jdbc:h2:file:" + dir.resolve("data/gk") + ";PASSWORD=" + PASSWORD
                + ";NO_SUCH_SETTING=1");

        assertThat(printed).contains("数据库").doesNotContain(PASSWORD);
    }
}
