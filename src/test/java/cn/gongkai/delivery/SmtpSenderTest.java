package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.SendReceipt;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-mail sender against GreenMail (plain SMTP with login): what the office's mailbox holds. */
class SmtpSenderTest {
    private static final String PASSWORD = "Zx9!mailpass-2026";

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = TestMailServer.start(PASSWORD);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private SmtpSender sender(String password) {
        return SmtpSender.to("qzfb", TestPackages.email(greenMail.getSmtp().getPort(), PortalConfig.Tls.NONE,
                "shangwu", password));
    }

    @Test
    void theOfficeReceivesTheMailWithItsMessageIdChineseSubjectBodyAndAttachmentsIntact() throws Exception {
        SendReceipt receipt = sender(PASSWORD).send(TestPackages.sample(), TestPackages.identity());

        assertThat(receipt.reference()).isEqualTo("<gongkai.12.qzfb.5f3a9c1e@gongkai.local>");
        assertThat(receipt.adoptedUrl()).isEmpty();
        MimeMessage mail = greenMail.findReceivedMessages(u -> u.getEmail().equals("office@hq.gov.cn"), m -> true)
                .findFirst().orElseThrow();
        assertThat(mail.getMessageID()).isEqualTo("<gongkai.12.qzfb.5f3a9c1e@gongkai.local>");
        assertThat(mail.getHeader("X-Gongkai-Idempotency-Key")).containsExactly("gk-12-qzfb-5f3a9c1e");
        assertThat(mail.getSubject()).isEqualTo(TestPackages.SUBJECT);
        assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("红旗区商务局");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly("office@hq.gov.cn");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.CC))).containsExactly("xinxi@hq.gov.cn");

        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(4);
        assertThat(parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(TestPackages.BODY);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(TestPackages.DOCX_NAME);
        assertThat(content(parts.getBodyPart(1))).isEqualTo(TestPackages.binary(40_000, 7));
        assertThat(parts.getBodyPart(1).getContentType()).startsWith(TestPackages.DOCX);
        assertThat(parts.getBodyPart(2).getFileName()).isEqualTo(TestPackages.PICTURE_NAME);
        assertThat(content(parts.getBodyPart(2))).isEqualTo(TestPackages.binary(25_000, 3));
        assertThat(parts.getBodyPart(3).getFileName()).isEqualTo("metadata.json");
        assertThat(new String(content(parts.getBodyPart(3)), StandardCharsets.UTF_8)).isEqualTo(TestPackages.METADATA);
    }

    @Test
    void chineseFileNamesTravelRfc2231EncodedInUtf8() throws Exception {
        sender(PASSWORD).send(TestPackages.sample(), TestPackages.identity());

        String raw = raw(greenMail.getReceivedMessages()[0]);
        assertThat(raw).containsPattern("filename\\*(0\\*)?=UTF-8''%E7%BA%A2")
                .containsPattern("\\bname\\*(0\\*)?=UTF-8''%E7%BA%A2").doesNotContain("红旗区");
    }

    @Test
    void everyRecipientGetsOneCopyAndTwoSendsCarryTheSameMessageId() throws Exception {
        SmtpSender sender = sender(PASSWORD);
        sender.send(TestPackages.sample(), TestPackages.identity());
        sender.send(TestPackages.sample(), TestPackages.identity());

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(4);
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).containsOnly("<gongkai.12.qzfb.5f3a9c1e@gongkai.local>");
        assertThat(greenMail.getUserManager().getUserByEmail("office@hq.gov.cn")).isNotNull();
        assertThat(greenMail.getUserManager().getUserByEmail("xinxi@hq.gov.cn")).isNotNull();
    }

    @Test
    void aRefusedLoginIsPermanentNamesTheKeysAndNeverShowsThePassword() {
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> sender("wrong-" + PASSWORD).send(TestPackages.sample(), TestPackages.identity()));

        assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("拒绝登录（535）").contains("portals[qzfb].email.user")
                .contains("portals[qzfb].email.password").doesNotContain(PASSWORD);
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void describeNamesTheServerAndLoginButNoPassword() {
        String text = sender(PASSWORD).describe();

        assertThat(text).contains("127.0.0.1:" + greenMail.getSmtp().getPort()).contains("shangwu")
                .contains("office@hq.gov.cn").doesNotContain(PASSWORD);
    }

    static List<String> addresses(Address[] list) {
        return Arrays.stream(list).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
    }

    static byte[] content(Part part) throws Exception {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
