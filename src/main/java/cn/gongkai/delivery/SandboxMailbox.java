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
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox office mailbox: a GreenMail SMTP server on 127.0.0.1 and a free port, started in this process on first
 * use, that accepts every mail without login and keeps the last {@value #KEEP} of them, at most
 * {@value #KEEP_BYTES} bytes together (in memory, one entry per mail whatever the number of recipients), for the
 * console's mailbox page. GreenMail's own mailboxes are emptied as each new mail arrives, so memory stays bounded in a
 * long-running {@code serve}. {@code demo} and a fresh {@code serve} deliver
 * to it, so the whole 报区政府办 path works with nothing configured.
 */
public final class SandboxMailbox implements OfficeMailbox, AutoCloseable {
    /** The sender when a sandbox portal names none. */
    public static final String FROM = "gongkai@sandbox.localhost";
    /** The office's address when a sandbox portal names none. */
    public static final String OFFICE = "office@sandbox.localhost";
    static final int KEEP = 500;
    static final long KEEP_BYTES = 128L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMailbox.class);

    private final Deque<Stored> mails = new ArrayDeque<>();
    private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());
    private final int keep;
    private final long keepBytes;
    private GreenMail server;
    private int received;
    private long bytes;

    /** A raw mail as received, and what the console shows of it (read once, on arrival). */
    private record Stored(byte[] raw, ReceivedMail mail) {
        int number() {
            return mail.number();
        }
    }

    /** A mailbox keeping the last {@value #KEEP} mails, at most {@value #KEEP_BYTES} bytes; not started yet. */
    public SandboxMailbox() {
        this(KEEP, KEEP_BYTES);
    }

    SandboxMailbox(int keep, long keepBytes) {
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
        } catch (IOException e) {
            throw new MessagingException("cannot keep a sandbox mail", e);
        }
        List<String> to = message.getToAddresses().stream().map(a -> a.getEmail()).sorted().toList();
        synchronized (this) {
            Stored stored = new Stored(raw.toByteArray(), ReceivedMailReader.read(++received, raw.toByteArray(), to));
            mails.addLast(stored);
            bytes += stored.raw().length;
            while (mails.size() > keep || (bytes > keepBytes && mails.size() > 1)) {
                bytes -= mails.removeFirst().raw().length;
            }
        }
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
        synchronized (this) {
            return mails.stream().map(Stored::mail).toList();
        }
    }

    @Override
    public Optional<byte[]> raw(int number) {
        return stored(number).map(s -> s.raw().clone());
    }

    @Override
    public Optional<Attachment> attachment(int number, String fileName) {
        return stored(number).flatMap(s -> ReceivedMailReader.attachment(s.raw(), fileName));
    }

    private synchronized Optional<Stored> stored(int number) {
        return mails.stream().filter(s -> s.number() == number).findFirst();
    }

    /** Forgets every mail (the server keeps running). */
    public synchronized void clear() {
        mails.clear();
        bytes = 0;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized String toString() {
        return "SandboxMailbox[" + (server == null ? "not started" : "127.0.0.1:" + server.getSmtp().getPort())
                + ", " + mails.size() + " mails]";
    }
}
