package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.ConfigException;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sender a portal gets, and that its description never shows a secret. */
class SendersTest {
    private static PortalConfig portal(PortalConfig.Delivery delivery, PortalConfig.Email email,
                                       PortalConfig.Webhook webhook, PortalConfig.Folder folder) {
        return new PortalConfig("qzfb", "红旗区人民政府办公室", List.of(), delivery, email, webhook, folder, null,
                "红旗区商务局", "", "");
    }

    @Test
    void eachDeliveryGetsItsSenderAndNoDescriptionShowsASecret() {
        PortalConfig.Email email = new PortalConfig.Email("smtp.hq.gov.cn", 465, PortalConfig.Tls.SSL,
                "shangwu@hq.gov.cn", Secret.of("mail-pass-31"), "shangwu@hq.gov.cn", List.of("office@hq.gov.cn"),
                List.of(), Duration.ofSeconds(30));
        PortalConfig.Webhook hook = new PortalConfig.Webhook("https://xxbs.hq.gov.cn/api/in?token=abc",
                Secret.of("hook-secret-9"), null);

        var mail = Senders.forPortal(portal(PortalConfig.Delivery.EMAIL, email, null, null), () -> {
            throw new AssertionError("a configured server never starts the sandbox");
        });
        var webhook = Senders.forPortal(portal(PortalConfig.Delivery.WEBHOOK, null, hook, null), SandboxMailbox::new);
        var folder = Senders.forPortal(portal(PortalConfig.Delivery.FOLDER, null, null,
                new PortalConfig.Folder(Path.of("/srv/xxbs"))), SandboxMailbox::new);

        assertThat(mail).isInstanceOf(SmtpSender.class);
        assertThat(mail.describe()).contains("smtp.hq.gov.cn:465（SSL）").doesNotContain("mail-pass-31");
        assertThat(webhook).isInstanceOf(WebhookSender.class);
        assertThat(webhook.describe()).isEqualTo("webhook https://xxbs.hq.gov.cn（签名密钥已设置）");
        assertThat(folder).isInstanceOf(FolderSender.class);
        assertThat(folder.describe()).isEqualTo("文件夹 /srv/xxbs");
    }

    @Test
    void aMissingSectionIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> Senders.forPortal(portal(PortalConfig.Delivery.WEBHOOK, null, null, null),
                SandboxMailbox::new)).isInstanceOf(ConfigException.class).hasMessageContaining("portals[qzfb].webhook");
        assertThatThrownBy(() -> Senders.forPortal(portal(PortalConfig.Delivery.FOLDER, null, null,
                new PortalConfig.Folder(null)), SandboxMailbox::new))
                .isInstanceOf(ConfigException.class).hasMessageContaining("portals[qzfb].folder.dir");
    }
}
