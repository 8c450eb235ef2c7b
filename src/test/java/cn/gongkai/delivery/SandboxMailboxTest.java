package cn.gongkai.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.PortalSender;
import cn.gongkai.portal.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox office mailbox: started on the first mail, one entry per mail, what the console's page reads. */
class SandboxMailboxTest {
    private final SandboxMailbox mailbox = new SandboxMailbox();

    @AfterEach
    void close() {
        mailbox.close();
    }

    private static PortalConfig portal(List<String> to, List<String> cc) {
        PortalConfig.Email sandbox = new PortalConfig.Email("", 0, null, "", Secret.empty(), "", to, cc,
                Duration.ofSeconds(5));
        return new PortalConfig("qzfb", "红旗区人民政府办公室", List.of(), PortalConfig.Delivery.EMAIL, sandbox, null, null,
                null, "红旗区商务局", "", "");
    }

    @Test
    void nothingStartsUntilTheFirstMailAndDescribeDoesNotStartIt() {
        PortalSender sender = Senders.forPortal(portal(List.of(), List.of()), () -> mailbox);

        assertThat(sender.describe()).contains("沙箱邮箱").contains(SandboxMailbox.OFFICE);
        assertThat(mailbox.started()).isFalse();
        assertThat(mailbox.received()).isEmpty();
    }

    @Test
    void theMailboxShowsEachMailOnceWithItsHeadersBodyAndAttachments() throws Exception {
        PortalSender sender = Senders.forPortal(portal(List.of("office@hq.gov.cn"), List.of("xinxi@hq.gov.cn")),
                () -> mailbox);

        sender.send(TestPackages.sample(), TestPackages.identity());

        assertThat(mailbox.started()).isTrue();
        List<ReceivedMail> mails = mailbox.received();
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.number()).isEqualTo(1);
        assertThat(mail.messageId()).isEqualTo(TestPackages.identity().messageId());
        assertThat(mail.from()).isEqualTo(SandboxMailbox.FROM);
        assertThat(mail.to()).containsExactly("office@hq.gov.cn", "xinxi@hq.gov.cn");
        assertThat(mail.subject()).isEqualTo(TestPackages.SUBJECT);
        assertThat(mail.sentAt()).isPresent();
        assertThat(mail.plainBody().replace("\r\n", "\n")).isEqualTo(TestPackages.BODY);
        assertThat(mail.attachments()).extracting(ReceivedMail.File::name)
                .containsExactly(TestPackages.DOCX_NAME, TestPackages.PICTURE_NAME, "metadata.json");
        assertThat(mail.attachments()).extracting(ReceivedMail.File::size).containsExactly(40_000, 25_000,
                TestPackages.METADATA.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aResendAppearsAsASecondMailWithTheSameMessageIdAndTheRawMailAndFilesCanBeDownloaded() throws Exception {
        PortalSender sender = Senders.forPortal(portal(List.of(), List.of()), () -> mailbox);
        sender.send(TestPackages.sample(), TestPackages.identity());
        sender.send(TestPackages.sample(), TestPackages.identity());

        List<ReceivedMail> mails = mailbox.received();
        assertThat(mails).extracting(ReceivedMail::number).containsExactly(1, 2);
        assertThat(mails).extracting(ReceivedMail::messageId).containsOnly(TestPackages.identity().messageId());
        String raw = new String(mailbox.raw(2).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(raw).contains("Message-ID: " + TestPackages.identity().messageId())
                .contains("X-Gongkai-Idempotency-Key: gk-12-qzfb-5f3a9c1e");
        Attachment picture = mailbox.attachment(2, TestPackages.PICTURE_NAME).orElseThrow();
        assertThat(picture.content()).isEqualTo(TestPackages.binary(25_000, 3));
        assertThat(picture.mediaType()).isEqualTo("image/jpeg");
        assertThat(mailbox.attachment(2, "no-such-file.jpg")).isEmpty();
        assertThat(mailbox.raw(3)).isEmpty();
    }

    @Test
    void onlyTheLatestMailsAreKeptByCountAndBySize() throws Exception {
        try (SandboxMailbox small = new SandboxMailbox(2, Long.MAX_VALUE);
             SandboxMailbox tiny = new SandboxMailbox(100, 1)) {
            PortalSender toSmall = Senders.forPortal(portal(List.of(), List.of()), () -> small);
            PortalSender toTiny = Senders.forPortal(portal(List.of(), List.of()), () -> tiny);
            for (int i = 0; i < 3; i++) {
                toSmall.send(TestPackages.sample(), TestPackages.identity());
                toTiny.send(TestPackages.sample(), TestPackages.identity());
            }

            assertThat(small.received()).extracting(ReceivedMail::number).containsExactly(2, 3);
            assertThat(small.raw(1)).isEmpty();
            assertThat(tiny.received()).extracting(ReceivedMail::number).containsExactly(3);
        }
    }

    @Test
    void mailsAreKeptInTheFolderSoAnotherProcessSeesThemAndNumbersGoOn(@TempDir Path dir) throws Exception {
        try (SandboxMailbox first = new SandboxMailbox(dir)) {
            Senders.forPortal(portal(List.of(), List.of()), () -> first)
                    .send(TestPackages.sample(), TestPackages.identity());
        }
        try (SandboxMailbox later = new SandboxMailbox(dir)) {
            assertThat(later.received()).extracting(ReceivedMail::subject).containsExactly(TestPackages.SUBJECT);
            Senders.forPortal(portal(List.of(), List.of()), () -> later)
                    .send(TestPackages.sample(), TestPackages.identity());
            assertThat(later.received()).extracting(ReceivedMail::number).containsExactly(1, 2);
            assertThat(later.raw(1)).isPresent();
            assertThat(later.raw(0)).isEmpty();
            assertThat(later.raw(3)).isEmpty();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("000001.eml", "000002.eml");
        }
    }
}
