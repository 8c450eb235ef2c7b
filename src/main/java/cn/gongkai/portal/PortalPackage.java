package cn.gongkai.portal;

import java.util.List;

/**
 * What one item's 报送 sends to one portal: the same files whatever the delivery (mail attachments, the webhook's
 * JSON document, or a folder).
 *
 * @param itemId      the item
 * @param portalId    the portal ({@code portals[].id})
 * @param title       the item's title
 * @param subject     the e-mail subject, made from the portal's template ({@code 【信息报送】红旗区商务局：标题})
 * @param plainBody   the plain-text summary (mail body; also the {@code summary} field of the webhook document)
 * @param metadataJson the metadata document (id, title, category, unit, doc_no, department, times, WeChat link,
 *                    content hash, approvals), UTF-8 JSON; also attached as {@code metadata.json}
 * @param attachments the .docx first, then the pictures, then {@code metadata.json}
 */
public record PortalPackage(long itemId, String portalId, String title, String subject, String plainBody,
                            String metadataJson, List<Attachment> attachments) {
    public PortalPackage {
        if (portalId == null || portalId.isBlank()) {
            throw new IllegalArgumentException("portal id must not be blank");
        }
        title = title == null ? "" : title;
        subject = subject == null ? "" : subject;
        plainBody = plainBody == null ? "" : plainBody;
        metadataJson = metadataJson == null ? "{}" : metadataJson;
        attachments = List.copyOf(attachments);
    }
}
