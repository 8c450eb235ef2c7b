package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import java.util.Optional;

/**
 * "Sends" to a unit of this same instance ({@code delivery: internal}): nothing leaves the process. The delivery row
 * itself, once SENT, is what the receiving unit's office sees in its 报送 inbox, so the receipt only names it:
 * {@code internal:<portal>:<idempotency key>}. Like every sender it is called once per attempt under the row's fixed
 * identity, so a retry after a crash gives the same reference.
 */
public final class InternalSender implements PortalSender {
    private final String portalId;
    private final String unit;

    public InternalSender(PortalConfig portal) {
        this.portalId = portal.id();
        this.unit = portal.receivingUnit().orElseThrow(() -> new IllegalArgumentException(
                "portal " + portal.id() + " does not deliver to a unit of this instance"));
    }

    /** The reference of an internal delivery under {@code identity}. */
    static String reference(String portalId, DeliveryIdentity identity) {
        return "internal:" + portalId + ":" + identity.idempotencyKey();
    }

    @Override
    public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) {
        return new SendReceipt(reference(portalId, identity), Optional.empty());
    }

    @Override
    public String describe() {
        return "本实例内的单位 " + unit + "（在其“报送收件箱”中查看，不发邮件）";
    }
}
