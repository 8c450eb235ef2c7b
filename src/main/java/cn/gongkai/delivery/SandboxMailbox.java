package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.OfficeMailbox;
import cn.gongkai.portal.ReceivedMail;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox office mailbox: a GreenMail SMTP server on 127.0.0.1 and a free port, started in this process on first
 * use, that accepts every mail without login. Each mail is kept as received, as an {@code .eml} file numbered in
 * arrival order in a folder ({@code data-dir/sandbox-mailbox}), so a mail that {@code gongkai portal run} delivered
 * is still in the console's mailbox page of a {@code serve} started later; the last {@value #KEEP} mails are kept,
 * at most {@value #KEEP_BYTES} bytes together. GreenMail's own mailboxes are emptied as each new mail arrives, so
 * memory stays bounded in a long-running {@code serve}. {@code demo} and a fresh {@code serve} deliver to it, so the
 * whole 报区政府办 path works with nothing configured.
 */
public final class SandboxMailbox implements OfficeMailbox, AutoCloseable {
    /** The sender when a sandbox portal names none. */
    public static final String FROM = "gongkai@sandbox.localhost";
    /** The office's address when a sandbox portal names none. */
    public static final String OFFICE = "office@sandbox.localhost";
    static final int KEEP = 500;
    static final long KEEP_BYTES = 128L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMailbox.class);
    private static final Pattern MAIL_FILE = Pattern.compile("(\\d{6,9})\\.eml");

    private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());
    /** What the console shows of each file, read once: the files never change once written. */
    private final Map<Path, ReceivedMail> parsed = new ConcurrentHashMap<>();
    private final Path dir;
    private final boolean temporary;
    private final int keep;
    private final long keepBytes;
    private GreenMail server;

    /** A mailbox in a temporary folder removed on {@link #close()} (tests); not started yet. */
    public SandboxMailbox() {
        this(null, KEEP, KEEP_BYTES);
    }

    /** A mailbox keeping its mails in {@code dir} (created when missing); not started yet. */
    public SandboxMailbox(Path dir) {
        this(dir, KEEP, KEEP_BYTES);
    }

    SandboxMailbox(int keep, long keepBytes) {
        this(null, keep, keepBytes);
    }

    private SandboxMailbox(Path dir, int keep, long keepBytes) {
        try {
            this.temporary = dir == null;
            this.dir = temporary ? Files.createTempDirectory("gongkai-mailbox") : Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sandbox mailbox folder " + dir, e);
        }
        this.keep = keep;
        this.keepBytes = keepBytes;
    }

    /** The server's address; starts it on the first call. */
    synchronized SmtpEndpoint endpoint() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
                    .dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            started.start();
            UserManager users = started.getUserManager();
            users.setMessageDeliveryHandler(recording(users.getMessageDeliveryHandler()));
            server = started;
            LOG.info("Sandbox office mailbox listening on 127.0.0.1:{}", server.getSmtp().getPort());
        }
        return new SmtpEndpoint("127.0.0.1", server.getSmtp().getPort(), PortalConfig.Tls.NONE, "", Secret.empty());
    }

    /** Whether the server has been started (the console shows an empty mailbox until then). */
    public synchronized boolean started() {
        return server != null;
    }

    private MessageDeliveryHandler recording(MessageDeliveryHandler delivery) {
        return (message, address) -> {
            keep(message);
            return delivery.handle(message, address);
        };
    }

    private void keep(MovingMessage message) throws MessagingException {
        synchronized (this) {
            if (!seen.add(message)) {
                return;
            }
        }
        emptyGreenMailBoxes();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.getMessage().writeTo(raw);
            store(raw.toByteArray());
        } catch (IOException e) {
            throw new MessagingException("cannot keep a sandbox mail in " + dir, e);
        }
    }

    /**
     * Writes the mail as the next numbered file: written beside it first, then moved into place without replacing,
     * so two processes (a {@code serve} and a {@code portal run}) never take the same number.
     */
    private synchronized void store(byte[] raw) throws IOException {
        Path temp = Files.createTempFile(dir, ".incoming-", ".tmp");
        try {
            Files.write(temp, raw);
            int number = files().stream().mapToInt(SandboxMailbox::numberOf).max().orElse(0) + 1;
            while (true) {
                try {
                    Files.move(temp, dir.resolve(String.format(Locale.ROOT, "%06d.eml", number)),
                            StandardCopyOption.ATOMIC_MOVE);
                    break;
                } catch (FileAlreadyExistsException e) {
                    number++;
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        prune();
    }

    /** Removes the oldest mails beyond {@link #keep} or {@link #keepBytes} (the newest one always stays). */
    private void prune() throws IOException {
        List<Path> files = files();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        for (int i = 0; i < files.size() - 1 && (files.size() - i > keep || bytes > keepBytes); i++) {
            bytes -= Files.size(files.get(i));
            Files.deleteIfExists(files.get(i));
            parsed.remove(files.get(i));
        }
    }

    /** The mail files, oldest first. */
    private List<Path> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> MAIL_FILE.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(SandboxMailbox::numberOf)).toList();
        } catch (IOException e) {
            LOG.warn("Cannot read the sandbox mailbox folder {}: {}", dir, e.toString());
            return List.of();
        }
    }

    private static int numberOf(Path file) {
        Matcher m = MAIL_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The copies GreenMail stored of earlier mails: this class keeps its own, bounded. */
    private void emptyGreenMailBoxes() {
        GreenMail running;
        synchronized (this) {
            running = server;
        }
        try {
            if (running != null) {
                running.purgeEmailFromAllMailboxes();
            }
        } catch (FolderException e) {
            LOG.debug("Cannot empty the sandbox server's mailboxes: {}", e.toString());
        }
    }

    @Override
    public List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (Path file : files()) {
            ReceivedMail known = parsed.get(file);
            if (known != null) {
                mails.add(known);
            } else {
                // read each file once: it never changes after it was moved into place
                readFile(file).map(raw -> ReceivedMailReader.read(numberOf(file), raw)).ifPresent(mail -> {
                    parsed.put(file, mail);
                    mails.add(mail);
                });
            }
        }
        return mails;
    }

    @Override
    public Optional<byte[]> raw(int number) {
        return number < 1 ? Optional.empty()
                : readFile(dir.resolve(String.format(Locale.ROOT, "%06d.eml", number)));
    }

    @Override
    public Optional<Attachment> attachment(int number, String fileName) {
        return raw(number).flatMap(raw -> ReceivedMailReader.attachment(raw, fileName));
    }

    private Optional<byte[]> readFile(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read the sandbox mail {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Forgets every mail (the server keeps running). */
    public synchronized void clear() {
        for (Path f : files()) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warn("Cannot remove the sandbox mail {}: {}", f, e.toString());
            }
        }
        parsed.clear();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (temporary) {
            clear();
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.debug("Cannot remove the temporary mailbox folder {}: {}", dir, e.toString());
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "SandboxMailbox[" + (server == null ? "not started" : "127.0.0.1:" + server.getSmtp().getPort())
                + ", " + dir + "]";
    }
}
