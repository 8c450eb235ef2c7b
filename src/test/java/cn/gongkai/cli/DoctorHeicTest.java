package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.render.HeicConverter;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} says whether this server converts HEIC photos (heif-convert on the PATH). */
class DoctorHeicTest {
    @TempDir
    Path dir;

    @Test
    void theHeicLineSaysWhetherThisServerConvertsHeicPhotos() throws IOException {
        Path file = dir.resolve("gongkai.yml");
        Files.writeString(file, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);

        Run r = CliHarness.gongkai().withConfig(file).run("doctor");

        String line = r.out().lines().filter(l -> l.contains(" HEIC 照片：")).findFirst().orElseThrow();
        Optional<String> program = HeicConverter.system().program();
        if (program.isPresent()) {
            assertThat(line).isEqualTo("[ok] HEIC 照片：本服务器支持，导入时用 " + program.get() + " 转换为 JPG");
        } else {
            assertThat(line).startsWith("[警告] HEIC 照片：本服务器不支持").contains("apt-get install libheif-examples");
        }
    }
}
