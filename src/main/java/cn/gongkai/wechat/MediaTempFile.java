package cn.gongkai.wechat;

import cn.gongkai.publish.MediaFile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link MediaFile} written to a file of its own name in a fresh temporary directory, because WxJava uploads only
 * {@link File}s and sends the file's name as the multipart filename (WeChat checks the extension). Deleted on close.
 */
final class MediaTempFile implements AutoCloseable {

    private final Path dir;
    private final Path file;

    private MediaTempFile(Path dir, Path file) {
        this.dir = dir;
        this.file = file;
    }

    static MediaTempFile write(MediaFile media) {
        Path name = Path.of(media.fileName()).getFileName();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gongkai-wx-");
            Path file = dir.resolve(name.toString());
            Files.write(file, media.bytes());
            return new MediaTempFile(dir, file);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("cannot stage " + media + " for upload in a temporary directory", e);
        }
    }

    File file() {
        return file.toFile();
    }

    @Override
    public void close() {
        deleteQuietly(file);
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            path.toFile().deleteOnExit();
        }
    }
}
