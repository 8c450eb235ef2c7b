package cn.gongkai;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalPackages;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.PortalSenders;
import cn.gongkai.portal.SendReceipt;

/**
 * Where the 报区政府办 channel meets the parts built beside it (issue 18): the senders of {@code cn.gongkai.delivery}
 * ({@code Senders.forPortal(portal, sandboxMailbox)}) and the package builder ({@code portal.PackageBuilder}). Until
 * those are merged, every delivery fails with a Chinese message saying so (a failure that waits for staff), so that
 * nothing is counted as sent that was not; the tests connect their own folder receiver through
 * {@link Wiring#withPortalParts}.
 */
final class PortalSeams {
    private static final String NOT_CONNECTED = "本程序版本尚未接入报送方式";

    private PortalSeams() {
    }

    /**
     * The senders; once {@code cn.gongkai.delivery} is merged: {@code portal -> Senders.forPortal(portal, mailbox)}
     * with {@code mailbox} a {@code Supplier<SandboxMailbox>} (a lazy part of the wiring, closed with it).
     */
    static PortalSenders senders() {
        return portal -> new PortalSender() {
            @Override
            public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException {
                throw new DeliveryException(DeliveryException.Kind.PERMANENT, "no sender connected for "
                        + portal.delivery(), NOT_CONNECTED + "（" + label(portal) + "），请升级后重新报送", null);
            }

            @Override
            public String describe() {
                return label(portal) + "（" + NOT_CONNECTED + "）";
            }
        };
    }

    /**
     * The package maker; once {@code PackageBuilder} is merged: {@code new PackageBuilder().build(source, portal)}
     * with its {@code PackageSource} filled from the item, the image store ({@code images().get(sha256)}), the
     * glossary notes of the item's terms, the APPROVE audit rows bound to the current content hash, and the facts
     * ({@link cn.gongkai.portal.DeliveryFacts}: WeChat link and time, preparation time) in the configured zone.
     */
    static PortalPackages packages() {
        return (item, portal, facts) -> {
            throw new IllegalStateException("本程序版本尚未接入报送材料（.docx）的生成");
        };
    }

    private static String label(PortalConfig portal) {
        return switch (portal.delivery()) {
            case EMAIL -> "邮件";
            case WEBHOOK -> "接口";
            case FOLDER -> "文件夹";
        };
    }
}
