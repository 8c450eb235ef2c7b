package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;

/**
 * Makes the 报送 package of an item for a portal (the .docx, pictures and metadata JSON, subject and body). The
 * composition root connects it to the package builder; tests may use a simpler one.
 */
@FunctionalInterface
public interface PortalPackages {

    /**
     * The package; a {@link RuntimeException} with a Chinese message when it cannot be made (a picture missing), which
     * the runner records as a failure waiting for staff.
     */
    PortalPackage make(DisclosureItem item, PortalConfig portal, DeliveryFacts facts);
}
