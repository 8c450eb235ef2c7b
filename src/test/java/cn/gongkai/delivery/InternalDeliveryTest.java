package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.InternalSender;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.SendReceipt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A portal with {@code delivery: internal}: its sender records without any I/O (the sandbox mailbox is never asked
 * for), the same identity always gives the same reference, and {@code doctor} prints one [ok] line without probing.
 */
class InternalDeliveryTest {
    private static final PortalConfig PORTAL = new PortalConfig("sw-qzfb", "红旗区人民政府办公室", List.of(),
            PortalConfig.Delivery.INTERNAL, null, null, null, null, "红旗区商务局", "", "",
            new PortalConfig.Internal("qzfb"));

    @Test
    void theSenderRecordsUnderTheIdentityWithoutTouchingTheMailbox() throws Exception {
        AtomicInteger mailboxAsked = new AtomicInteger();
        PortalSender sender = Senders.forPortal(PORTAL, () -> {
            mailboxAsked.incrementAndGet();
            return null;
        });
        DeliveryIdentity identity = new DeliveryIdentity("<gongkai.7.sw-qzfb.ab12@hongqi.gov.cn>",
                "gongkai-7-sw-qzfb-ab12");
        PortalPackage pkg = new PortalPackage(7, "sw-qzfb", "标题", "主题", "摘要", "{}", List.of());

        SendReceipt first = sender.send(pkg, identity);
        SendReceipt again = sender.send(pkg, identity);

        assertThat(sender).isInstanceOf(InternalSender.class);
        assertThat(first.reference()).isEqualTo("internal:sw-qzfb:gongkai-7-sw-qzfb-ab12");
        assertThat(again).isEqualTo(first);
        assertThat(first.adoptedUrl()).isEqualTo(Optional.empty());
        assertThat(sender.describe()).contains("qzfb", "报送收件箱");
        assertThat(mailboxAsked).hasValue(0);
    }

    @Test
    void doctorSaysItNeedsNoConnection() {
        List<PortalProbe.Line> lines = PortalProbe.check(PORTAL, () -> {
            throw new AssertionError("the mailbox must not be asked for");
        }, Optional.of("test@example.gov.cn"));

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.text()).startsWith("[ok]")
                .contains("sw-qzfb", "qzfb", "不发邮件"));
    }
}
