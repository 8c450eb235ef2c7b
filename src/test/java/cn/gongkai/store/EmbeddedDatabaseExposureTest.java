package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gongkai.testsupport.DatabaseProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database reaches no one but the service's user on this machine: its auto-server listens on the
 * loopback interface only, the data directory is created owner-only and the database files are made owner-only.
 */
class EmbeddedDatabaseExposureTest {

    @TempDir
    Path dir;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theAutoServerListensOnTheLoopbackInterfaceOnly() throws Exception {
        Path tcp = Path.of("/proc/net/tcp");
        // serve's way of opening, in a fresh JVM: H2 reads its bind address once, when it loads, and another test in
        // this JVM may have loaded it before Database set the address
        String url = "jdbc:h2:file:" + dir.resolve("gongkai") + ";AUTO_SERVER=TRUE";
        Database.open(url, "gongkai", "").close();   // migrated here: a new JVM would load Flyway
        try (DatabaseProcess serve = DatabaseProcess.start(url)) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("gongkai.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the address a second process is told to join").matches("(127\\.0\\.0\\.1|localhost):\\d+");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assumeTrue(Files.isReadable(tcp), "needs Linux /proc/net/tcp to see the listening socket");
            String portHex = String.format(Locale.ROOT, ":%04X", port);
            List<String> listening = new java.util.ArrayList<>();
            for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
                if (Files.isReadable(table)) {
                    Files.readAllLines(table).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                            .filter(f -> f[1].endsWith(portHex) && f[3].equals("0A")).map(f -> f[1])
                            .forEach(listening::add);
                }
            }
            // 127.0.0.1 in /proc/net/tcp, ::ffff:127.0.0.1 or ::1 in /proc/net/tcp6; never 0.0.0.0 or ::.
            assertThat(listening).as("listening sockets on port %d", port).isNotEmpty().allSatisfy(a -> assertThat(a)
                    .isIn("0100007F" + portHex, "0000000000000000FFFF00000100007F" + portHex,
                            "00000000000000000000000001000000" + portHex));
        }
    }

    @Test
    void theDataDirectoryIsCreatedOwnerOnly() throws IOException {
        assumeTrue(posix(dir));
        Path data = dir.resolve("srv/gongkai/data");

        PrivateFiles.createDirectories(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void theDatabaseFilesAreOwnerOnlyOnceOpen() throws IOException {
        assumeTrue(posix(dir));
        Path trace = Files.writeString(dir.resolve("gongkai.trace.db"), "");
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));
        Path other = Files.writeString(dir.resolve("notes.txt"), "");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));

        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("gongkai") + ";AUTO_SERVER=TRUE", "gongkai",
                "")) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.getFileName().toString().startsWith("gongkai.")).toList();
            }
            assertThat(files).extracting(f -> f.getFileName().toString())
                    .contains("gongkai.mv.db", "gongkai.lock.db", "gongkai.trace.db");
            for (Path f : files) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other))).isEqualTo("rw-r--r--");
        }
    }
}
