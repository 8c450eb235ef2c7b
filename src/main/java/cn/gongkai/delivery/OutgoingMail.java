package cn.gongkai.delivery;

import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;

/**
 * The mail of one 报送 package: a plain-text body and the package's files as attachments whose Chinese names are
 * RFC 2231-encoded in UTF-8, under the delivery's fixed Message-ID (never a fresh one) and with the header
 * {@value #IDEMPOTENCY_HEADER}. It remembers whether it was handed over in full (DATA written), which tells a lost
 * answer (may have arrived) from a failure before the mail left.
 */
final class OutgoingMail extends MimeMessage {
    static final String IDEMPOTENCY_HEADER = "X-Gongkai-Idempotency-Key";
    private static final String UTF_8 = "UTF-8";

    private final String messageId;
    private volatile boolean written;

    private OutgoingMail(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** The sender and recipients, already parsed (see {@link MailAddresses}). */
    record Addresses(InternetAddress from, List<InternetAddress> to, List<InternetAddress> cc) {
        Addresses {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
        }
    }

    static OutgoingMail compose(Session session, PortalPackage pkg, DeliveryIdentity identity, Addresses addresses)
            throws MessagingException {
        OutgoingMail mail = new OutgoingMail(session, identity.messageId());
        mail.setFrom(addresses.from());
        mail.setRecipients(Message.RecipientType.TO, addresses.to().toArray(InternetAddress[]::new));
        if (!addresses.cc().isEmpty()) {
            mail.setRecipients(Message.RecipientType.CC, addresses.cc().toArray(InternetAddress[]::new));
        }
        mail.setSubject(pkg.subject(), UTF_8);
        mail.setSentDate(new Date());
        mail.setHeader(IDEMPOTENCY_HEADER, identity.idempotencyKey());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(pkg.plainBody(), UTF_8, "plain");
        mixed.addBodyPart(text);
        for (Attachment a : pkg.attachments()) {
            mixed.addBodyPart(attachment(a));
        }
        mail.setContent(mixed);
        mail.saveChanges();
        return mail;
    }

    /** A file part: base64, {@code name} and {@code filename} parameters RFC 2231-encoded in UTF-8 when not ASCII. */
    private static MimeBodyPart attachment(Attachment a) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.mediaType())));
        ContentType parsed = new ContentType(a.mediaType());
        ParameterList typeParams = new ParameterList();
        typeParams.set("name", a.fileName(), UTF_8);
        part.setHeader("Content-Type",
                new ContentType(parsed.getPrimaryType(), parsed.getSubType(), typeParams).toString());
        ParameterList dispositionParams = new ParameterList();
        dispositionParams.set("filename", a.fileName(), UTF_8);
        part.setHeader("Content-Disposition",
                new ContentDisposition(MimeBodyPart.ATTACHMENT, dispositionParams).toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** Keeps the delivery's Message-ID: every attempt for one item and portal carries the same one. */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(os, ignoreList);
        written = true;
    }

    /** True once the whole mail was written to the server during DATA (its answer may still be missing). */
    boolean written() {
        return written;
    }
}
