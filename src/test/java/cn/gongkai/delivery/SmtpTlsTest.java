package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS and SMTPS: the mail reaches GreenMail only through TLS with a certificate the test trusts; a certificate
 * the JDK does not trust, or a server without STARTTLS when it is required, is a permanent failure naming the keys.
 */
class SmtpTlsTest {
    private static final String PASSWORD = "Tls-pass-0417";

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = TestMailServer.start(PASSWORD);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private static SmtpSender trusting(int port, PortalConfig.Tls tls) throws Exception {
        PortalConfig.Email email = TestPackages.email(port, tls, "shangwu", PASSWORD);
        return new SmtpSender("qzfb", email, () -> SmtpEndpoint.of(email),
                TestTls.get().client().getSocketFactory(), false);
    }

    @Test
    void starttlsUpgradesTheConnectionBeforeLoginAndTheMailArrives() throws Exception {
        try (TlsFront front = new TlsFront(TlsFront.Mode.STARTTLS, TestTls.get().server(),
                greenMail.getSmtp().getPort())) {
            trusting(front.port(), PortalConfig.Tls.STARTTLS).send(TestPackages.sample(), TestPackages.identity());

            assertThat(front.upgraded()).isTrue();
            MimeMessage mail = greenMail.getReceivedMessages()[0];
            assertThat(mail.getMessageID()).isEqualTo(TestPackages.identity().messageId());
            assertThat(mail.getSubject()).isEqualTo(TestPackages.SUBJECT);
        }
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByteAndTheMailArrives() throws Exception {
        try (TlsFront front = new TlsFront(TlsFront.Mode.SSL, TestTls.get().server(), greenMail.getSmtp().getPort())) {
            trusting(front.port(), PortalConfig.Tls.SSL).send(TestPackages.sample(), TestPackages.identity());

            assertThat(front.upgraded()).isTrue();
            assertThat(greenMail.getReceivedMessages()[0].getMessageID())
                    .isEqualTo(TestPackages.identity().messageId());
        }
    }

    @Test
    void aCertificateTheJdkDoesNotTrustIsPermanentAndNothingArrives() throws Exception {
        try (TlsFront front = new TlsFront(TlsFront.Mode.SSL, TestTls.get().server(), greenMail.getSmtp().getPort())) {
            SmtpSender sender = SmtpSender.to("qzfb", TestPackages.email(front.port(), PortalConfig.Tls.SSL,
                    "shangwu", PASSWORD));
            DeliveryException e = catchThrowableOfType(DeliveryException.class,
                    () -> sender.send(TestPackages.sample(), TestPackages.identity()));

            assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
            assertThat(e.staffMessage()).contains("证书").contains("portals[qzfb].email.host")
                    .contains("portals[qzfb].email.tls").doesNotContain(PASSWORD);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void aServerWithoutStarttlsIsRefusedWhenStarttlsIsRequiredAndThePasswordNeverTravelsInClear() throws Exception {
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> trusting(greenMail.getSmtp().getPort(), PortalConfig.Tls.STARTTLS)
                        .send(TestPackages.sample(), TestPackages.identity()));

        assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("不支持 STARTTLS").contains("portals[qzfb].email.tls");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
