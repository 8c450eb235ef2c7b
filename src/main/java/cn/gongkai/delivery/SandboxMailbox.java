package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.OfficeMailbox;
import cn.gongkai.portal.ReceivedMail;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox office mailbox: a GreenMail SMTP server on 127.0.0.1 and a free port, started in this process on first
 * use, that accepts every mail without login and keeps the last {@value #KEEP} of them (in memory, one entry per mail
 * whatever the number of recipients) for the console's mailbox page. {@code demo} and a fresh {@code serve} deliver
 * to it, so the whole 报区政府办 path works with nothing configured.
 */
public final class SandboxMailbox implements OfficeMailbox, AutoCloseable {
    /** The sender when a sandbox portal names none. */
    public static final String FROM = "gongkai@sandbox.localhost";
    /** The office's address when a sandbox portal names none. */
    public static final String OFFICE = "office@sandbox.localhost";
    static final int KEEP = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMailbox.class);

    private final Deque<Stored> mails = new ArrayDeque<>();
    private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());
    private GreenMail server;
    private int received;

    /** A raw mail as received, with its envelope recipients. */
    private record Stored(int number, byte[] raw, List<String> recipients) {
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
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.getMessage().writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("cannot keep a sandbox mail", e);
        }
        List<String> to = message.getToAddresses().stream().map(a -> a.getEmail()).sorted()
                .collect(Collectors.toList());
        synchronized (this) {
            mails.addLast(new Stored(++received, raw.toByteArray(), to));
            while (mails.size() > KEEP) {
                mails.removeFirst();
            }
        }
    }

    @Override
    public List<ReceivedMail> received() {
        List<Stored> copy;
        synchronized (this) {
            copy = List.copyOf(mails);
        }
        return copy.stream().map(s -> ReceivedMailReader.read(s.number(), s.raw(), s.recipients())).toList();
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
