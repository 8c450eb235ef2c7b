package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;

/** The sender of each portal, by its delivery (e-mail, webhook or folder); connected by the composition root. */
@FunctionalInterface
public interface PortalSenders {

    PortalSender forPortal(PortalConfig portal);
}
