package cn.gongkai.delivery;

import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.ReceivedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** Reads a raw mail of the sandbox mailbox into what the console shows: headers, plain body, attachments. */
final class ReceivedMailReader {
    private static final Session SESSION = Session.getInstance(new Properties());

    private ReceivedMailReader() {
    }

    static ReceivedMail read(int number, byte[] raw) {
        List<String> recipients = List.of();
        try {
            MimeMessage m = parse(raw);
            recipients = recipients(m);
            List<Part> files = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            walk(m, files, body);
            List<ReceivedMail.File> attachments = new ArrayList<>();
            for (Part f : files) {
                attachments.add(new ReceivedMail.File(fileName(f), baseType(f), content(f).length));
            }
            return new ReceivedMail(number, Optional.ofNullable(m.getMessageID()).orElse(""), from(m), recipients,
                    Optional.ofNullable(m.getSubject()).orElse(""),
                    Optional.ofNullable(m.getSentDate()).map(d -> d.toInstant()), body.toString(), attachments,
                    raw.length);
        } catch (MessagingException | IOException e) {
            return new ReceivedMail(number, "", "", recipients, "（无法解析的邮件：" + e.getMessage() + "）",
                    Optional.empty(), "", List.of(), raw.length);
        }
    }

    /** The To and Cc addresses, sorted (the sandbox's envelope recipients: nothing is sent Bcc). */
    private static List<String> recipients(MimeMessage m) throws MessagingException {
        List<String> all = new ArrayList<>();
        for (jakarta.mail.Message.RecipientType type : List.of(jakarta.mail.Message.RecipientType.TO,
                jakarta.mail.Message.RecipientType.CC)) {
            jakarta.mail.Address[] addresses = m.getRecipients(type);
            if (addresses != null) {
                for (jakarta.mail.Address a : addresses) {
                    all.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString());
                }
            }
        }
        return all.stream().sorted().toList();
    }

    /** The attachment with this (decoded) file name, with its content decoded. */
    static Optional<Attachment> attachment(byte[] raw, String fileName) {
        try {
            List<Part> files = new ArrayList<>();
            walk(parse(raw), files, new StringBuilder());
            for (Part f : files) {
                if (fileName(f).equals(fileName)) {
                    return Optional.of(new Attachment(fileName, baseType(f), content(f)));
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    /** Collects the attachments and the first text/plain part that is not one. */
    private static void walk(Part part, List<Part> files, StringBuilder body) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                walk(child, files, body);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            files.add(part);
        } else if (part.isMimeType("text/plain") && body.isEmpty()) {
            body.append(part.getContent());
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return "未命名";
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    }

    private static byte[] content(Part part) throws MessagingException, IOException {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String from(MimeMessage m) throws MessagingException {
        if (m.getFrom() == null) {
            return "";
        }
        return Arrays.stream(m.getFrom()).map(a -> a instanceof InternetAddress i ? i.toUnicodeString()
                : a.toString()).collect(Collectors.joining(", "));
    }
}
