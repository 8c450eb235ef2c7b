package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only folders and H2 files where the file system has POSIX permissions; left to it where it has none. */
class PrivateFilesTest {

    @Test
    void onPosixTheFolderAndTheDatabaseFilesAreTheOwnersAlone(@TempDir Path dir) throws Exception {
        Path data = PrivateFiles.createDirectories(dir.resolve("a").resolve("data"));
        Files.writeString(data.resolve("gongkai.mv.db"), "x");
        Files.writeString(data.resolve("gongkai.lock.db"), "x");
        Files.writeString(data.resolve("other.txt"), "x");

        PrivateFiles.restrictH2Files(data.resolve("gongkai"));

        assertThat(PrivateFiles.isPosix(dir)).as("the build machine's file system").isTrue();
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PrivateFiles.OWNER_DIRECTORY);
        assertThat(Files.getPosixFilePermissions(dir.resolve("a"))).isEqualTo(PrivateFiles.OWNER_DIRECTORY);
        assertThat(Files.getPosixFilePermissions(data.resolve("gongkai.mv.db"))).isEqualTo(PrivateFiles.OWNER_FILE);
        assertThat(Files.getPosixFilePermissions(data.resolve("gongkai.lock.db"))).isEqualTo(PrivateFiles.OWNER_FILE);
        assertThat(Files.getPosixFilePermissions(data.resolve("other.txt"))).as("not the database's")
                .isNotEqualTo(PrivateFiles.OWNER_FILE);
    }

    @Test
    void aFileSystemWithoutPosixPermissionsGetsItsFoldersAndIsOtherwiseLeftAlone(@TempDir Path dir) throws Exception {
        // a zip file system has no POSIX permissions, as Windows' has none
        URI zip = URI.create("jar:" + dir.resolve("t.zip").toUri());
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path data = fs.getPath("/data", "db");
            assertThat(PrivateFiles.isPosix(data)).isFalse();

            assertThat(PrivateFiles.createDirectories(data)).isDirectory();
            Files.writeString(data.resolve("gongkai.mv.db"), "x");
            PrivateFiles.restrictH2Files(data.resolve("gongkai"));
            assertThat(data.resolve("gongkai.mv.db")).hasContent("x");
        }
    }
}
