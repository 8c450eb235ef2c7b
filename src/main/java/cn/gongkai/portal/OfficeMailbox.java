package cn.gongkai.portal;

import java.util.List;
import java.util.Optional;

/**
 * The office's mailbox as the sandbox mail server received it (no SMTP settings: the mail stays in this process), for
 * the console's mailbox page. Implemented by {@code cn.gongkai.delivery.SandboxMailbox}.
 */
public interface OfficeMailbox {

    /** Every mail received so far, oldest first, one entry per mail however many recipients it had. */
    List<ReceivedMail> received();

    /** The mail exactly as received (an .eml file), by its {@link ReceivedMail#number()}. */
    Optional<byte[]> raw(int number);

    /** One attachment of a received mail, by the mail's number and the attachment's file name. */
    Optional<Attachment> attachment(int number, String fileName);
}
