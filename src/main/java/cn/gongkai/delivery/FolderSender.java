package cn.gongkai.delivery;

import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryException.Kind;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.SendReceipt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a 报送 package as a folder {@code dir/<Idempotency-Key>/} holding the package's files (the .docx, the
 * pictures, {@code metadata.json}) under safe names. The folder is written under a hidden temporary name in the same
 * directory, every file and the folder synced to disk, then renamed in one atomic step: an importing system never sees
 * half a package. A complete folder already there under the same key means an earlier attempt succeeded: sent.
 */
public final class FolderSender implements PortalSender {
    private static final Logger LOG = LoggerFactory.getLogger(FolderSender.class);
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final String portalId;
    private final Path dir;

    public FolderSender(String portalId, Path dir) {
        this.portalId = Objects.requireNonNull(portalId, "portalId");
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    @Override
    public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException {
        checkWritable();
        String name = SafeFileNames.safe(identity.idempotencyKey());
        Path target = dir.resolve(name);
        List<String> names = SafeFileNames.assign(pkg.attachments().stream().map(Attachment::fileName).toList());
        if (Files.exists(target)) {
            return existing(target, names);
        }
        removeLeftovers(name);
        Path temp = dir.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            write(temp, pkg.attachments(), names);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteQuietly(temp);
            return existing(target, names);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw writeFailed(e);
        }
        LOG.info("Portal {} item {} written to {}", portalId, pkg.itemId(), target);
        return new SendReceipt(target.toString(), Optional.empty());
    }

    private void checkWritable() throws DeliveryException {
        if (!Files.isDirectory(dir)) {
            throw new DeliveryException(Kind.PERMANENT, "folder " + dir + " missing",
                    "报送文件夹 " + dir + " 不存在或不是文件夹（共享盘可能没有挂载）：请创建它或改正 portals[" + portalId
                            + "].folder.dir，然后重新发送。", null);
        }
        if (!Files.isWritable(dir)) {
            throw notWritable(null);
        }
    }

    private DeliveryException notWritable(IOException cause) {
        return new DeliveryException(Kind.PERMANENT, "folder " + dir + " not writable",
                "报送文件夹 " + dir + " 不能写入（没有写权限或只读）：请给运行 gongkai 的用户写权限，或改正 portals["
                        + portalId + "].folder.dir，然后重新发送。", cause);
    }

    private DeliveryException writeFailed(IOException e) {
        String reason = e instanceof FileSystemException f ? String.valueOf(f.getReason()) : "";
        if (e instanceof AccessDeniedException || e.getCause() instanceof ReadOnlyFileSystemException
                || reason.contains("Read-only") || reason.contains("Operation not permitted")) {
            return notWritable(e);
        }
        return new DeliveryException(Kind.TRANSIENT, "writing into " + dir + " failed: " + e,
                "写入报送文件夹 " + dir + " 失败（" + e.getClass().getSimpleName() + "：" + e.getMessage()
                        + "），没有留下不完整的报送包，稍后会重试：请检查磁盘空间和共享盘连接。", e);
    }

    /** The folder is there: sent, when every file of the package is in it. */
    private SendReceipt existing(Path target, List<String> names) throws DeliveryException {
        List<String> missing = names.stream().filter(n -> !Files.isRegularFile(target.resolve(n))).toList();
        if (!Files.isDirectory(target) || !missing.isEmpty()) {
            throw new DeliveryException(Kind.PERMANENT, "folder " + target + " exists but is incomplete",
                    "报送文件夹中已有 " + target + "，但它不是这份报送包的完整内容（缺少 " + String.join("、", missing)
                            + "）：请确认后把它移走，再重新发送。", null);
        }
        LOG.info("Portal {}: package {} already complete; treated as sent", portalId, target);
        return new SendReceipt(target.toString(), Optional.empty());
    }

    private static void write(Path temp, List<Attachment> files, List<String> names) throws IOException {
        Files.createDirectory(temp);
        for (int i = 0; i < files.size(); i++) {
            try (FileChannel out = FileChannel.open(temp.resolve(names.get(i)), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(files.get(i).content());
                while (content.hasRemaining()) {
                    out.write(content);
                }
                out.force(true);
            }
        }
        syncDirectory(temp);
    }

    /** Makes the folder's entries durable (Linux, macOS); where a directory cannot be opened (Windows) it is skipped. */
    private static void syncDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync directory {}: {}", folder, e.toString());
        }
    }

    /**
     * Temporary folders of this key left by an attempt that crashed, once they are an hour old (a younger one may be
     * another instance's attempt in progress; hidden, it disturbs no importer meanwhile).
     */
    private void removeLeftovers(String name) {
        Instant before = Instant.now().minus(LEFTOVER_AGE);
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().startsWith("." + name + ".tmp-"))
                    .filter(p -> modifiedBefore(p, before))
                    .forEach(FolderSender::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", dir, e.toString());
        }
    }

    private static boolean modifiedBefore(Path p, Instant before) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove the temporary folder {}: {}", folder, e.toString());
        }
    }

    @Override
    public String describe() {
        return "文件夹 " + dir;
    }

    @Override
    public String toString() {
        return "FolderSender[" + portalId + ", " + dir + "]";
    }
}
