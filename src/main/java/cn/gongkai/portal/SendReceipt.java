package cn.gongkai.portal;

import java.util.Optional;

/**
 * What a successful send leaves: how the receiver knows the package, and the portal's link when it already
 * published it (a webhook answering {@code {"url": …}}).
 *
 * @param reference the SMTP Message-ID, the webhook's request id (or the Idempotency-Key when it gives none), or the
 *                  package's path in the folder
 */
public record SendReceipt(String reference, Optional<String> adoptedUrl) {
    public SendReceipt {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference must not be blank");
        }
        adoptedUrl = adoptedUrl == null ? Optional.empty() : adoptedUrl;
    }
}
