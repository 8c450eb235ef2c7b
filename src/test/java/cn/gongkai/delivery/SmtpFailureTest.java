package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryException.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How the e-mail sender classifies what goes wrong on the wire, against a scripted SMTP server: which failures are
 * worth retrying, which need a fix, and which may already have reached the office.
 */
class SmtpFailureTest {

    private static DeliveryException sendTo(ScriptedSmtpServer server) {
        return sendTo(server.port(), Duration.ofSeconds(5));
    }

    private static DeliveryException sendTo(int port, Duration timeout) {
        SmtpSender sender = SmtpSender.to("qzfb", TestPackages.email("127.0.0.1", port, PortalConfig.Tls.NONE,
                timeout));
        return catchThrowableOfType(DeliveryException.class,
                () -> sender.send(TestPackages.sample(), TestPackages.identity()));
    }

    @Test
    void aConnectionDroppedAfterTheWholeMailWasSentMayHaveDelivered() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(ScriptedSmtpServer.Script.closingAfterData())) {
            DeliveryException e = sendTo(server);

            assertThat(e.kind()).isEqualTo(Kind.MAYBE_DELIVERED);
            assertThat(e.staffMessage()).contains("可能已经收到").contains("同一个 Message-ID");
            assertThat(server.dataComplete()).isTrue();
            assertThat(server.data()).contains("Message-ID: <gongkai.12.qzfb.5f3a9c1e@gongkai.local>");
        }
    }

    @Test
    void aRefusedRecipientIsPermanentAndNamesTheAddressAndTheKeys() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script(true, "550 5.1.1 mailbox unavailable", "250 ok"))) {
            DeliveryException e = sendTo(server);

            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.staffMessage()).contains("office@hq.gov.cn").contains("550")
                    .contains("portals[qzfb].email.to");
            assertThat(server.dataComplete()).isFalse();
        }
    }

    @Test
    void aTemporaryRefusalOfTheRecipientIsTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script(true, "451 4.3.0 try again later", "250 ok"))) {
            DeliveryException e = sendTo(server);

            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.staffMessage()).contains("451").contains("稍后会重试");
        }
    }

    @Test
    void aTemporaryRefusalAfterTheDataIsTransientAndAPermanentOneIsPermanent() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script(true, "250 ok", "452 4.3.1 insufficient system storage"))) {
            assertThat(sendTo(server).kind()).isEqualTo(Kind.TRANSIENT);
        }
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script(true, "250 ok", "554 5.7.1 message content rejected"))) {
            DeliveryException e = sendTo(server);

            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.staffMessage()).contains("554 5.7.1 message content rejected");
        }
    }

    @Test
    void aConnectionClosedBeforeTheDataIsTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(new ScriptedSmtpServer.Script(true, null, null))) {
            DeliveryException e = sendTo(server);

            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(server.dataComplete()).isFalse();
        }
    }

    @Test
    void aRefusedConnectionIsTransientAndNamesHostAndPortKeys() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        DeliveryException e = sendTo(port, Duration.ofSeconds(5));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.staffMessage()).contains("127.0.0.1:" + port).contains("portals[qzfb].email.host")
                .contains("portals[qzfb].email.port");
    }

    @Test
    void aServerThatNeverGreetsTimesOutBeforeTheDataAndIsTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(new ScriptedSmtpServer.Script(false, null, null))) {
            DeliveryException e = sendTo(server.port(), Duration.ofMillis(300));

            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(server.dataComplete()).isFalse();
        }
    }

    @Test
    void aBadRecipientAddressInTheConfigurationIsPermanentAndNamesTheKey() {
        PortalConfig.Email email = new PortalConfig.Email("127.0.0.1", 25, PortalConfig.Tls.NONE, "", null,
                "shangwu@hq.gov.cn", java.util.List.of("office at hq"), java.util.List.of(), Duration.ofSeconds(1));
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> SmtpSender.to("qzfb", email).send(TestPackages.sample(), TestPackages.identity()));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("office at hq").contains("portals[qzfb].email.to");
    }
}
