package cn.gongkai.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system's {@code heif-convert} (Debian and Ubuntu: package {@code libheif-examples}) run on a copy of the photo
 * in a private temporary folder, with a time limit, taking one of the {@link ImageDecoding} slots while it runs
 * (decoding a 48-megapixel HEIC costs as much memory as decoding the JPEG). The folder is removed afterwards.
 */
final class HeifConvertTool implements HeicConverter {
    static final String PROGRAM = "heif-convert";
    private static final int JPEG_QUALITY = 92;
    private static final int LAST_OUTPUT_CHARS = 300;

    private final Path program;
    private final long timeoutSeconds;

    HeifConvertTool(Path program, long timeoutSeconds) {
        this.program = program;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** {@code heif-convert} as found in a folder of the PATH, when it is there and executable. */
    static Optional<HeifConvertTool> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, PROGRAM)).filter(Files::isExecutable).findFirst()
                .map(p -> new HeifConvertTool(p, 60));
    }

    @Override
    public Optional<String> program() {
        return Optional.of(program.toString());
    }

    @Override
    public byte[] toJpeg(String name, byte[] heic) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gongkai-heic-");
            Path in = Files.write(dir.resolve("in.heic"), heic);
            Path out = dir.resolve("out.jpg");
            Path log = dir.resolve("heif-convert.log");
            Path folder = dir;
            return ImageDecoding.bounded(() -> run(name, in, out, log, folder));
        } catch (IOException e) {
            throw new RenderException(HeicConverter.refusal(name, "转换时出错：" + e.getMessage()), e);
        } finally {
            removeQuietly(dir);
        }
    }

    private byte[] run(String name, Path in, Path out, Path log, Path dir) throws IOException {
        Process process = new ProcessBuilder(List.of(program.toString(), "-q", String.valueOf(JPEG_QUALITY),
                in.toString(), out.toString())).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RenderException(HeicConverter.refusal(name, "转换超过 " + timeoutSeconds + " 秒仍未完成（图片可能过大）"));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RenderException(HeicConverter.refusal(name, "转换被中断"), e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(out) || Files.size(out) == 0) {
            throw new RenderException(HeicConverter.refusal(name, "文件已损坏或不完整，heif-convert 报告：" + lastOutput(log)));
        }
        return Files.readAllBytes(out);
    }

    private static String lastOutput(Path log) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "（没有输出）";
        }
        return text.length() <= LAST_OUTPUT_CHARS ? text : "…" + text.substring(text.length() - LAST_OUTPUT_CHARS);
    }

    private static void removeQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
