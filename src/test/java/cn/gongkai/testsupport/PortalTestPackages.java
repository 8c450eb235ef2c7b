package cn.gongkai.testsupport;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryFacts;
import cn.gongkai.portal.PortalPackage;
import cn.gongkai.portal.PortalPackages;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plain package for the portal tests until the real package builder is wired: the body as text and a small
 * metadata JSON with the item, the portal and the WeChat link.
 */
public final class PortalTestPackages implements PortalPackages {

    @Override
    public PortalPackage make(DisclosureItem item, PortalConfig portal, DeliveryFacts facts) {
        String subject = portal.subject().replace("{unit}", portal.unit()).replace("{title}", item.title());
        String metadata = "{\"id\":" + item.id() + ",\"portal\":\"" + portal.id() + "\",\"wechat_url\":\""
                + facts.wechatUrl() + "\"}";
        return new PortalPackage(item.id(), portal.id(), item.title(), subject, item.content().body(), metadata,
                List.of(new Attachment("正文.txt", "text/plain", item.content().body().getBytes(StandardCharsets.UTF_8)),
                        new Attachment("metadata.json", "application/json",
                                metadata.getBytes(StandardCharsets.UTF_8))));
    }
}
