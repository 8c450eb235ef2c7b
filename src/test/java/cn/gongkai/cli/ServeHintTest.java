package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The first-start hint names the command as this program was started, with the --config it was given. */
class ServeHintTest {

    @Test
    void outsideAJarTheHintNamesTheBuiltJarAndTheConfigGiven() {
        assertThat(ServeCommand.selfCommand(null)).isEqualTo("java -jar target/gongkai.jar");
        assertThat(ServeCommand.selfCommand(Path.of("/srv/gongkai/bureau.yml")))
                .isEqualTo("java -jar target/gongkai.jar --config /srv/gongkai/bureau.yml");
    }

    @Test
    void aPathWithSpacesOrChineseIsQuoted() {
        assertThat(ServeCommand.selfCommand(Path.of("配置 文件/gongkai.yml")))
                .isEqualTo("java -jar target/gongkai.jar --config \"配置 文件/gongkai.yml\"");
    }
}
