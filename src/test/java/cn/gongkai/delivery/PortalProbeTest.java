package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import com.icegreen.greenmail.util.GreenMail;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What doctor learns about a portal without delivering anything (a test mail only when asked). */
class PortalProbeTest {
    private static final String PASSWORD = "probe-pass-55";

    @TempDir
    Path dir;

    private static PortalConfig portal(PortalConfig.Delivery delivery, PortalConfig.Email email,
                                       PortalConfig.Webhook webhook, PortalConfig.Folder folder) {
        return new PortalConfig("qzfb", "区政府办", List.of(), delivery, email, webhook, folder, null, "红旗区商务局",
                "", "");
    }

    @Test
    void theMailServerIsLoggedIntoWithoutSendingAndATestMailGoesOnlyWhenAsked() {
        GreenMail greenMail = TestMailServer.start(PASSWORD);
        try {
            int port = greenMail.getSmtp().getPort();
            PortalConfig good = portal(PortalConfig.Delivery.EMAIL,
                    TestPackages.email(port, PortalConfig.Tls.NONE, "shangwu", PASSWORD), null, null);
            PortalConfig bad = portal(PortalConfig.Delivery.EMAIL,
                    TestPackages.email(port, PortalConfig.Tls.NONE, "shangwu", "nope"), null, null);

            List<PortalProbe.Line> login = PortalProbe.check(good, SandboxMailbox::new, Optional.empty());
            assertThat(login).extracting(PortalProbe.Line::status).containsExactly(PortalProbe.Status.OK);
            assertThat(login.get(0).text()).startsWith("[ok] 区政府办（qzfb） 邮件服务器：").contains("登录成功");
            assertThat(greenMail.getReceivedMessages()).isEmpty();

            List<PortalProbe.Line> refused = PortalProbe.check(bad, SandboxMailbox::new, Optional.of("me@hq.gov.cn"));
            assertThat(refused).extracting(PortalProbe.Line::status)
                    .containsExactly(PortalProbe.Status.FAILED, PortalProbe.Status.SKIPPED);
            assertThat(refused.get(0).message()).contains("portals[qzfb].email.password").doesNotContain("nope");

            List<PortalProbe.Line> test = PortalProbe.check(good, SandboxMailbox::new, Optional.of("me@hq.gov.cn"));
            assertThat(test).extracting(PortalProbe.Line::status)
                    .containsExactly(PortalProbe.Status.OK, PortalProbe.Status.OK);
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(greenMail.getUserManager().getUserByEmail("me@hq.gov.cn")).isNotNull();
            assertThat(greenMail.getUserManager().getUserByEmail("office@hq.gov.cn")).isNull();
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void theSandboxMailboxReportsWhereItListens() {
        try (SandboxMailbox mailbox = new SandboxMailbox()) {
            PortalConfig.Email sandbox = new PortalConfig.Email("", 0, null, "", null, "", List.of(), List.of(), null);

            List<PortalProbe.Line> lines = PortalProbe.check(portal(PortalConfig.Delivery.EMAIL, sandbox, null, null),
                    () -> mailbox, Optional.empty());

            assertThat(lines.get(0).status()).isEqualTo(PortalProbe.Status.OK);
            assertThat(lines.get(0).message()).contains("沙箱邮箱可用").contains("sandbox-mailbox");
        }
    }

    @Test
    void theWebhookOriginIsReachedWithAHeadRequestAndNothingIsPosted() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().code(405).build());
            PortalConfig.Webhook hook = new PortalConfig.Webhook("http://127.0.0.1:" + server.getPort()
                    + "/api/receive", Secret.of("s3"), Duration.ofSeconds(5));

            List<PortalProbe.Line> lines = PortalProbe.check(portal(PortalConfig.Delivery.WEBHOOK, null, hook, null),
                    SandboxMailbox::new, Optional.empty());

            assertThat(lines.get(0).status()).isEqualTo(PortalProbe.Status.OK);
            assertThat(lines.get(0).message()).contains("HTTP 405");
            var request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("HEAD");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/");
        }
    }

    @Test
    void anUnreachableWebhookAndAMissingFolderFailWithTheKeyToFix() {
        PortalConfig.Webhook hook = new PortalConfig.Webhook("https://127.0.0.1:1/api", Secret.of("s3"),
                Duration.ofSeconds(2));

        PortalProbe.Line webhook = PortalProbe.check(portal(PortalConfig.Delivery.WEBHOOK, null, hook, null),
                SandboxMailbox::new, Optional.empty()).get(0);
        PortalProbe.Line missing = PortalProbe.check(portal(PortalConfig.Delivery.FOLDER, null, null,
                new PortalConfig.Folder(dir.resolve("absent"))), SandboxMailbox::new, Optional.empty()).get(0);
        PortalProbe.Line writable = PortalProbe.check(portal(PortalConfig.Delivery.FOLDER, null, null,
                new PortalConfig.Folder(dir)), SandboxMailbox::new, Optional.empty()).get(0);

        assertThat(webhook.status()).isEqualTo(PortalProbe.Status.FAILED);
        assertThat(webhook.message()).contains("portals[qzfb].webhook.url");
        assertThat(missing.text()).startsWith("[失败]").contains("portals[qzfb].folder.dir");
        assertThat(writable.status()).isEqualTo(PortalProbe.Status.OK);
        assertThat(dir.toFile().list()).isEmpty();
    }
}
