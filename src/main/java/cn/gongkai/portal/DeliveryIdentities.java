package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes the identity of a new delivery: {@code <gongkai.{item}.{portal}.{random}@{host}>} and the key
 * {@code gongkai-{item}-{portal}-{random}}. The random part makes the identity unique also across databases (a test
 * instance sending to the same office); the host is the domain of the portal's sender address, else gongkai.local.
 */
final class DeliveryIdentities {
    private static final String DEFAULT_HOST = "gongkai.local";

    private final SecureRandom random = new SecureRandom();

    DeliveryIdentity next(long itemId, PortalConfig portal) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        String local = "gongkai." + itemId + "." + portal.id() + "." + nonce;
        return new DeliveryIdentity("<" + local + "@" + host(portal) + ">",
                "gongkai-" + itemId + "-" + portal.id() + "-" + nonce);
    }

    private static String host(PortalConfig portal) {
        String from = portal.email() == null ? "" : portal.email().from();
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).strip();
        return domain.matches("[A-Za-z0-9.-]+") ? domain : DEFAULT_HOST;
    }
}
