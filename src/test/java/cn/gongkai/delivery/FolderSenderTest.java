package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.SendReceipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder sender: one complete package folder per key, never half of one, written once. */
class FolderSenderTest {
    @TempDir
    Path dir;

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void thePackageFolderHoldsEveryFileUnderTheKeyAndNothingElseIsLeftBeside() throws Exception {
        SendReceipt receipt = new FolderSender("qzfb", dir).send(TestPackages.sample(), TestPackages.identity());

        Path pkg = dir.resolve("gk-12-qzfb-5f3a9c1e");
        assertThat(receipt.reference()).isEqualTo(pkg.toAbsolutePath().toString());
        assertThat(entries(dir)).containsExactly("gk-12-qzfb-5f3a9c1e");
        assertThat(entries(pkg)).containsExactlyInAnyOrder(TestPackages.DOCX_NAME,
                TestPackages.PICTURE_NAME, "metadata.json");
        assertThat(Files.readAllBytes(pkg.resolve(TestPackages.DOCX_NAME))).isEqualTo(TestPackages.binary(40_000, 7));
        assertThat(Files.readAllBytes(pkg.resolve(TestPackages.PICTURE_NAME))).isEqualTo(TestPackages.binary(25_000, 3));
        assertThat(Files.readString(pkg.resolve("metadata.json"))).isEqualTo(TestPackages.METADATA);
    }

    @Test
    void aResendFindsTheCompletePackageAndTreatsItAsSentWithoutRewritingIt() throws Exception {
        FolderSender sender = new FolderSender("qzfb", dir);
        SendReceipt first = sender.send(TestPackages.sample(), TestPackages.identity());
        Path docx = dir.resolve("gk-12-qzfb-5f3a9c1e").resolve(TestPackages.DOCX_NAME);
        Files.writeString(docx, "imported and marked by the office's system");

        SendReceipt second = sender.send(TestPackages.sample(), TestPackages.identity());

        assertThat(second.reference()).isEqualTo(first.reference());
        assertThat(Files.readString(docx)).isEqualTo("imported and marked by the office's system");
        assertThat(entries(dir)).containsExactly("gk-12-qzfb-5f3a9c1e");
    }

    @Test
    void aHalfWrittenFolderOfACrashedAttemptStaysHiddenAndAnHourLaterMakesWayForTheCompleteOne() throws Exception {
        Path leftover = Files.createDirectory(dir.resolve(".gk-12-qzfb-5f3a9c1e.tmp-crashed"));
        Files.write(leftover.resolve(TestPackages.DOCX_NAME), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path inProgress = Files.createDirectory(dir.resolve(".gk-12-qzfb-5f3a9c1e.tmp-another-instance"));

        new FolderSender("qzfb", dir).send(TestPackages.sample(), TestPackages.identity());

        assertThat(entries(dir)).containsExactly(".gk-12-qzfb-5f3a9c1e.tmp-another-instance", "gk-12-qzfb-5f3a9c1e");
        assertThat(inProgress).isEmptyDirectory();
        assertThat(Files.size(dir.resolve("gk-12-qzfb-5f3a9c1e").resolve(TestPackages.DOCX_NAME))).isEqualTo(40_000);
    }

    @Test
    void aFolderUnderTheKeyThatLacksFilesIsNotTakenForTheSentPackage() throws Exception {
        Files.createDirectory(dir.resolve("gk-12-qzfb-5f3a9c1e"));

        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> new FolderSender("qzfb", dir).send(TestPackages.sample(), TestPackages.identity()));

        assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(e.staffMessage()).contains(dir.resolve("gk-12-qzfb-5f3a9c1e").toString()).contains("metadata.json");
    }

    @Test
    void fileNamesAreMadeSafeForSharedDrivesAndKeptUnique() throws Exception {
        PortalPackage pkg = new PortalPackage(5, "qzfb", "t", "s", "b", "{}", List.of(
                new Attachment("图:1?.jpg", "image/jpeg", new byte[] {1}),
                new Attachment("图_1_.jpg", "image/jpeg", new byte[] {2}),
                new Attachment("CON.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
                new Attachment(".hidden.", "text/plain", new byte[] {3})));

        new FolderSender("qzfb", dir).send(pkg, TestPackages.identity());

        assertThat(entries(dir.resolve("gk-12-qzfb-5f3a9c1e")))
                .containsExactlyInAnyOrder("图_1_.jpg", "图_1_ (2).jpg", "_CON.txt", "hidden");
    }

    @Test
    void aDirectoryThatIsMissingOrAFileIsPermanentAndNamesThePathAndTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> new FolderSender("qzfb", file).send(TestPackages.sample(), TestPackages.identity()));

        assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(e.staffMessage()).contains(file.toString()).contains("portals[qzfb].folder.dir");
    }

    @Test
    void aDirectoryWithoutWritePermissionIsPermanentAndLeavesNothing() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> new FolderSender("qzfb", locked).send(TestPackages.sample(), TestPackages.identity()));

            assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
            assertThat(e.staffMessage()).contains(locked.toString()).contains("不能写入");
            assertThat(entries(locked)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
