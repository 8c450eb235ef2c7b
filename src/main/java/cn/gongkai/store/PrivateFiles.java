package cn.gongkai.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory and the embedded database's files belong to the service's user alone: the H2 file holds every
 * item, user and token hash, and its lock file the key that lets a client join the auto-server. On POSIX file
 * systems the directory is created {@code rwx------} and the H2 files are made {@code rw-------}; elsewhere nothing
 * is changed.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and missing parents, each new one owner-only; a folder that exists is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        // Not a POSIX file system (Windows): permissions cannot be given at creation; its own ACLs apply.
        return isPosix(dir) ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY))
                : Files.createDirectories(dir);
    }

    /** Whether the file system holding {@code path} has POSIX permissions (Linux and macOS do, Windows does not). */
    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Makes the files of the H2 database at {@code databasePath} (its path without {@code .mv.db}) owner-only: the
     * data file, the lock file and any trace or temporary file H2 keeps beside them.
     */
    static void restrictH2Files(Path databasePath) throws IOException {
        Path dir = databasePath.toAbsolutePath().getParent();
        String prefix = databasePath.getFileName() + ".";
        if (dir == null || !Files.isDirectory(dir) || !isPosix(dir)) {
            return; // not a POSIX file system: its own access rules apply
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> f.getFileName().toString()
                .startsWith(prefix) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))) {
            for (Path f : files) {
                Files.setPosixFilePermissions(f, OWNER_FILE);
            }
        }
    }
}
