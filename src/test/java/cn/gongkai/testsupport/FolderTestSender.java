package cn.gongkai.testsupport;

import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryBoundary;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.SendReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The portal tests' receiver until the real senders are wired: writes each package into a folder named by its
 * Idempotency-Key (files first into a temporary folder, then one atomic rename), and appends every attempt to
 * {@code attempts.log} ({@code itemId messageId key}). A package whose folder is already there counts as delivered
 * (the receiver recognises the same identity). Between writing and renaming it tells the listener
 * {@link DeliveryBoundary#SENDING}, where the crash test kills the process.
 */
public final class FolderTestSender implements PortalSender {
    public static final String LOG = "attempts.log";

    private final Path dir;
    private final DeliveryBoundary.Listener boundaries;

    public FolderTestSender(Path dir, DeliveryBoundary.Listener boundaries) {
        this.dir = dir;
        this.boundaries = boundaries;
    }

    @Override
    public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(LOG), pkg.itemId() + " " + identity.messageId() + " "
                    + identity.idempotencyKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Path target = dir.resolve(identity.idempotencyKey());
            if (!Files.isDirectory(target)) {
                Path temp = Files.createTempDirectory(dir, ".incoming-");
                for (Attachment a : pkg.attachments()) {
                    Files.write(temp.resolve(a.fileName()), a.content());
                }
                Files.writeString(temp.resolve("message-id.txt"), identity.messageId(), StandardCharsets.UTF_8);
                boundaries.reached(DeliveryBoundary.SENDING, pkg.itemId(), pkg.portalId());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new SendReceipt(target.toString(), Optional.empty());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "cannot write " + dir + ": " + e,
                    "报送文件夹不可写：" + dir, e);
        }
    }

    @Override
    public String describe() {
        return "文件夹 " + dir;
    }
}
