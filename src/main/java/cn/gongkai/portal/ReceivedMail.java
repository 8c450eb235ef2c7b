package cn.gongkai.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One mail in the sandbox office mailbox ({@link OfficeMailbox}).
 *
 * @param number      1, 2, 3… in the order received; the same mail sent twice (same Message-ID) appears twice
 * @param messageId   the Message-ID header, with angle brackets, or empty
 * @param from        the From header as text
 * @param to          the envelope recipients (To and Cc)
 * @param subject     decoded subject
 * @param sentAt      the Date header, when present and readable
 * @param plainBody   the text/plain body
 * @param attachments file name and size of each attachment, in order
 * @param size        size of the raw mail in bytes
 */
public record ReceivedMail(int number, String messageId, String from, List<String> to, String subject,
                           Optional<Instant> sentAt, String plainBody, List<File> attachments, int size) {
    public ReceivedMail {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        sentAt = sentAt == null ? Optional.empty() : sentAt;
    }

    /** One attached file: its decoded name and size in bytes. */
    public record File(String name, String mediaType, int size) {
    }
}
