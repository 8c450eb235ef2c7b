package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What {@code gongkai doctor} checks for one portal without delivering anything: the mail server's connection and
 * login (and, only when asked, a test mail to a given address), the webhook's reachability (a HEAD on its origin, no
 * package posted), the folder's existence and write permission. One {@link Line} per check, in Chinese.
 */
public final class PortalProbe {
    private PortalProbe() {
    }

    /** Outcome of one check. */
    public enum Status { OK, FAILED, SKIPPED }

    /**
     * One check.
     *
     * @param name    what was checked, e.g. {@code 区政府办（qzfb） 邮件服务器}
     * @param message the detail when OK, the fix when FAILED
     */
    public record Line(String name, Status status, String message) {
        /** E.g. {@code [ok] 区政府办（qzfb） 邮件服务器：…}. */
        public String text() {
            String tag = switch (status) {
                case OK -> "[ok]";
                case FAILED -> "[失败]";
                case SKIPPED -> "[跳过]";
            };
            return tag + " " + name + "：" + message;
        }
    }

    /**
     * Checks one portal.
     *
     * @param testTo when present (e-mail only), also send a short test mail to this address
     */
    public static List<Line> check(PortalConfig portal, Supplier<SandboxMailbox> sandbox, Optional<String> testTo) {
        String who = portal.name() + "（" + portal.id() + "）";
        return switch (portal.delivery()) {
            case EMAIL -> mail(who, portal, sandbox, testTo);
            case WEBHOOK -> List.of(webhook(who, portal, sandbox));
            case FOLDER -> List.of(folder(who, portal));
            case INTERNAL -> List.of(new Line(who + " 内部报送", Status.OK, "报送给本实例内的单位 "
                    + portal.receivingUnit().orElse("") + "，在其“报送收件箱”中查看；不发邮件，无需检查连接"));
        };
    }

    private static List<Line> mail(String who, PortalConfig portal, Supplier<SandboxMailbox> sandbox,
                                   Optional<String> testTo) {
        PortalConfig.Email email = portal.email();
        List<Line> lines = new ArrayList<>();
        String name = who + " 邮件服务器";
        SmtpSender sender = (SmtpSender) Senders.forPortal(portal, sandbox);
        try {
            sender.login();
            lines.add(new Line(name, Status.OK, email.sandbox()
                    ? "沙箱邮箱可用（邮件不发往外部，存在数据目录的 sandbox-mailbox 文件夹，在控制台的“区政府办邮箱”页查看）"
                    : "已连接 " + SmtpEndpoint.of(email).where() + (SmtpEndpoint.of(email).login() ? " 并登录成功"
                    : "（不登录）") + "，未发送邮件"));
        } catch (DeliveryException e) {
            lines.add(new Line(name, Status.FAILED, e.staffMessage()));
            testTo.ifPresent(to -> lines.add(new Line(who + " 测试邮件", Status.SKIPPED, "未发送：请先解决上面的问题。")));
            return lines;
        }
        testTo.ifPresent(to -> lines.add(testMail(who, portal, sandbox, to)));
        return lines;
    }

    /** A short mail to one address, through the portal's server, so staff can see it arrive. */
    private static Line testMail(String who, PortalConfig portal, Supplier<SandboxMailbox> sandbox, String to) {
        PortalConfig.Email e = portal.email();
        PortalConfig test = new PortalConfig(portal.id(), portal.name(), portal.categories(), portal.delivery(),
                new PortalConfig.Email(e.host(), e.port(), e.tls(), e.user(), e.password(), e.from(), List.of(to),
                        List.of(), e.timeout()), null, null, portal.subject(), portal.unit(), "", "");
        String id = UUID.randomUUID().toString();
        PortalPackage pkg = new PortalPackage(0, portal.id(), "测试邮件", "【测试】gongkai 报区政府办通道测试",
                "这是 gongkai doctor 发出的测试邮件，用来确认报送邮箱配置正确。收到即可删除，无需回复。", "{}", List.of());
        try {
            Senders.forPortal(test, sandbox).send(pkg, new DeliveryIdentity("<gongkai.test." + id + "@gongkai.local>",
                    "test-" + id));
            return new Line(who + " 测试邮件", Status.OK, e.sandbox()
                    ? "已放入沙箱邮箱（收件人 " + to + "），在控制台的“区政府办邮箱”页查看"
                    : "已发送到 " + to + "，请到该邮箱查收");
        } catch (DeliveryException ex) {
            return new Line(who + " 测试邮件", Status.FAILED, ex.staffMessage());
        }
    }

    private static Line webhook(String who, PortalConfig portal, Supplier<SandboxMailbox> sandbox) {
        String name = who + " webhook";
        WebhookSender sender = (WebhookSender) Senders.forPortal(portal, sandbox);
        try {
            int status = sender.reach();
            return new Line(name, Status.OK, sender.where() + " 可以连通（HTTP " + status + "），签名密钥已设置；未发送报送内容");
        } catch (DeliveryException e) {
            return new Line(name, Status.FAILED, e.staffMessage());
        } catch (IOException e) {
            return new Line(name, Status.FAILED, "连不上 " + sender.where() + "（" + e.getClass().getSimpleName()
                    + "）：请确认 portals[" + portal.id() + "].webhook.url 正确，且本机网络可以访问它。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Line(name, Status.SKIPPED, "检查被中断");
        }
    }

    private static Line folder(String who, PortalConfig portal) {
        String name = who + " 报送文件夹";
        Path dir = portal.folder() == null || portal.folder().dir() == null ? null
                : portal.folder().dir().toAbsolutePath().normalize();
        if (dir == null || !Files.isDirectory(dir)) {
            return new Line(name, Status.FAILED, (dir == null ? "没有配置" : dir + " 不存在或不是文件夹")
                    + "：请创建它或改正 portals[" + portal.id() + "].folder.dir。");
        }
        try {
            Path probe = Files.createTempFile(dir, ".gongkai-doctor-", ".tmp");
            Files.delete(probe);
            return new Line(name, Status.OK, dir + " 可以写入");
        } catch (IOException e) {
            return new Line(name, Status.FAILED, dir + " 不能写入（" + e.getClass().getSimpleName()
                    + "）：请给运行 gongkai 的用户写权限，或改正 portals[" + portal.id() + "].folder.dir。");
        }
    }
}
