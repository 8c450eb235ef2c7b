package cn.gongkai.delivery;

import cn.gongkai.config.ConfigException;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.InternalSender;
import cn.gongkai.portal.PortalSender;
import java.util.function.Supplier;

/**
 * Picks the sender of a portal's {@code delivery}: e-mail (the sandbox mailbox when no host is set), webhook, folder,
 * or a unit of this instance (internal: nothing leaves the process).
 */
public final class Senders {
    private Senders() {
    }

    /**
     * The sender for this portal.
     *
     * @param sandbox the in-process mailbox, asked for (and so started) only when a sandbox mail is first sent
     * @throws ConfigException when the section named by {@code delivery} is missing
     */
    public static PortalSender forPortal(PortalConfig portal, Supplier<SandboxMailbox> sandbox) {
        String key = "portals[" + portal.id() + "]";
        return switch (portal.delivery()) {
            case EMAIL -> {
                PortalConfig.Email email = required(portal.email(), key, "email");
                yield email.sandbox() ? SmtpSender.toSandbox(portal.id(), email, sandbox)
                        : SmtpSender.to(portal.id(), email);
            }
            case WEBHOOK -> WebhookSender.to(portal.id(), required(portal.webhook(), key, "webhook"));
            case FOLDER -> {
                PortalConfig.Folder folder = required(portal.folder(), key, "folder");
                if (folder.dir() == null || folder.dir().toString().isEmpty()) {
                    throw new ConfigException(key + ".folder.dir", "", "请写明报送文件夹的路径");
                }
                yield new FolderSender(portal.id(), folder.dir());
            }
            case INTERNAL -> new InternalSender(portal);
        };
    }

    private static <T> T required(T section, String key, String name) {
        if (section == null) {
            throw new ConfigException(key + "." + name, "", "报送方式是 " + name + "，但没有 " + name + ": 这一节，请补上");
        }
        return section;
    }
}
