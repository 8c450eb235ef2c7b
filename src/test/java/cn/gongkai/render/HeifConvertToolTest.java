package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heif-convert runner on stand-in programs (shell scripts) for what the real one does not do on demand: fail with
 * a message, hang, or write nothing. The real conversion runs in ImageCorpusTest.
 */
class HeifConvertToolTest {
    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path p = dir.resolve("heif-convert");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void aConverterThatFailsIsReportedWithItsLastWordsAndTheFix() throws IOException {
        HeifConvertTool tool = new HeifConvertTool(script("echo 'Could not read HEIF/AVIF file: Invalid input'; exit 1"),
                30);

        assertThatThrownBy(() -> tool.toJpeg("IMG_0001.HEIC", new byte[] {1, 2, 3}))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("图片“IMG_0001.HEIC”是 HEIC/AVIF 格式")
                .hasMessageContaining("文件已损坏或不完整，heif-convert 报告：Could not read HEIF/AVIF file: Invalid input")
                .hasMessageContaining("设置 → 相机 → 格式 → 兼容性最佳");
    }

    @Test
    void aConverterThatHangsIsStoppedAtTheTimeLimit() throws IOException {
        HeifConvertTool tool = new HeifConvertTool(script("exec sleep 30"), 1);

        assertThatThrownBy(() -> tool.toJpeg("IMG_0002.HEIC", new byte[] {1}))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("图片“IMG_0002.HEIC”")
                .hasMessageContaining("转换超过 1 秒仍未完成");
    }

    @Test
    void aConverterThatExitsWithoutWritingIsAFailureNotAnEmptyPicture() throws IOException {
        HeifConvertTool tool = new HeifConvertTool(script("exit 0"), 30);

        assertThatThrownBy(() -> tool.toJpeg("IMG_0003.HEIC", new byte[] {1}))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("（没有输出）");
    }

    @Test
    void theConverterGetsTheInputAndOutputInAPrivateFolderThatIsRemovedAfterwards() throws IOException {
        Path seen = dir.resolve("seen.txt");
        HeifConvertTool tool = new HeifConvertTool(script("echo \"$@\" > " + seen + "; cp \"$3\" \"$4\""), 30);

        byte[] out = tool.toJpeg("IMG_0004.HEIC", new byte[] {7, 8, 9});

        assertThat(out).containsExactly(7, 8, 9);
        String[] args = Files.readString(seen, StandardCharsets.UTF_8).strip().split(" ");
        assertThat(args).hasSize(4);
        assertThat(args[0]).isEqualTo("-q");
        assertThat(Path.of(args[2]).getParent()).doesNotExist();
    }
}
