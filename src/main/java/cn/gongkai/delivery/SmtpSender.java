package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.SendReceipt;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a 报送 package by e-mail (Jakarta Mail / Eclipse Angus): one mail per attempt, under the delivery's fixed
 * Message-ID, to the portal's {@code to} and {@code cc}. The receipt's reference is the Message-ID. Failures are
 * classified by {@link SmtpFailures}: login or address refused and certificate problems are permanent, a connection
 * lost after the mail was handed over is "may have arrived", everything before it is transient.
 */
public final class SmtpSender implements PortalSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);

    private final String portalId;
    private final PortalConfig.Email email;
    private final Supplier<SmtpEndpoint> endpoint;
    private final SSLSocketFactory trust;
    private final boolean sandbox;

    SmtpSender(String portalId, PortalConfig.Email email, Supplier<SmtpEndpoint> endpoint, SSLSocketFactory trust,
               boolean sandbox) {
        this.portalId = Objects.requireNonNull(portalId, "portalId");
        this.email = Objects.requireNonNull(email, "email");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.trust = trust;
        this.sandbox = sandbox;
    }

    /** A sender to the portal's configured mail server, trusting the JDK's certificates. */
    public static SmtpSender to(String portalId, PortalConfig.Email email) {
        SmtpEndpoint server = SmtpEndpoint.of(email);
        return new SmtpSender(portalId, email, () -> server, null, false);
    }

    /**
     * A sender to the sandbox mail server in this process, started on the first send. Without a configured sender
     * or recipient, {@value SandboxMailbox#FROM} and {@value SandboxMailbox#OFFICE} are used.
     */
    public static SmtpSender toSandbox(String portalId, PortalConfig.Email email, Supplier<SandboxMailbox> mailbox) {
        PortalConfig.Email local = new PortalConfig.Email("", 0, PortalConfig.Tls.NONE, "", null,
                email.from().isEmpty() ? SandboxMailbox.FROM : email.from(),
                email.to().isEmpty() ? List.of(SandboxMailbox.OFFICE) : email.to(), email.cc(),
                email.timeout());
        return new SmtpSender(portalId, local, () -> mailbox.get().endpoint(), null, true);
    }

    @Override
    public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException {
        SmtpEndpoint server = endpoint.get();
        OutgoingMail.Addresses addresses = MailAddresses.parse(portalId, email);
        Session session = SmtpSession.open(server, email.timeout(), addresses.from().getAddress(), trust);
        OutgoingMail mail;
        try {
            mail = OutgoingMail.compose(session, pkg, identity, addresses);
        } catch (MessagingException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "cannot compose mail: " + e.getMessage(),
                    "无法生成报送邮件（" + e.getMessage() + "），请联系技术人员。", e);
        }
        try {
            transmit(session, server, mail);
        } catch (MessagingException e) {
            DeliveryException failure = new SmtpFailures(portalId, server).classify(e, mail.written());
            LOG.warn("Portal {} item {}: {}", portalId, pkg.itemId(), failure.getMessage());
            throw failure;
        }
        LOG.info("Portal {} item {} mailed to {} as {}", portalId, pkg.itemId(), server, identity.messageId());
        return new SendReceipt(identity.messageId(), Optional.empty());
    }

    /** Connects (logging in when a user is set), sends to every recipient and closes. */
    private static void transmit(Session session, SmtpEndpoint server, OutgoingMail mail) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        try {
            connect(transport, server);
            transport.sendMessage(mail, mail.getAllRecipients());
        } finally {
            closeQuietly(transport);
        }
    }

    static void connect(Transport transport, SmtpEndpoint server) throws MessagingException {
        if (server.login()) {
            transport.connect(server.host(), server.port(), server.user(), server.password().reveal());
        } else {
            transport.connect(server.host(), server.port(), null, null);
        }
    }

    static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing the SMTP connection failed: {}", e.toString());
        }
    }

    /** Logs in without sending: for {@code doctor}. */
    void login() throws DeliveryException {
        SmtpEndpoint server = endpoint.get();
        Session session = SmtpSession.open(server, email.timeout(), "", trust);
        try {
            Transport transport = session.getTransport("smtp");
            try {
                connect(transport, server);
            } finally {
                closeQuietly(transport);
            }
        } catch (MessagingException e) {
            throw new SmtpFailures(portalId, server).classify(e, false);
        }
    }

    /** E.g. {@code 邮件 smtp.hq.gov.cn:465（SSL），登录 user@hq.gov.cn，收件人 office@hq.gov.cn} — no password. */
    @Override
    public String describe() {
        if (sandbox) {
            return "沙箱邮箱（本程序内置的邮件服务器，邮件不发往外部，存在数据目录的 sandbox-mailbox 文件夹，在控制台的“区政府办邮箱”页查看），收件人 "
                    + String.join("、", email.to());
        }
        SmtpEndpoint server = endpoint.get();
        return "邮件 " + server.where() + (server.login() ? "，登录用户 " + server.user() : "，不登录")
                + "，收件人 " + String.join("、", email.to())
                + (email.cc().isEmpty() ? "" : "，抄送 " + String.join("、", email.cc()));
    }

    @Override
    public String toString() {
        return "SmtpSender[" + portalId + "]";
    }
}
