package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.AccountProbe.Status;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MassSendResult;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gateway's calls beyond the publishing path against the simulator: what it sends, what it records. */
class GatewayAgainstSimulatorTest {
    static final String VERIFIED = "wxgateway000000001";
    static final String UNVERIFIED = "wxgateway000000002";
    static final WeChatClientConfig FAST = new WeChatClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(3), 2,
            Duration.ofMillis(5));

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    WeChatSimulator sim;
    WxJavaGateway gateway;

    @BeforeEach
    void start() {
        sim = WeChatSimulator.start("127.0.0.1", 0, clock, 3);
        sim.registerAccount(VERIFIED, "secret-verified", AccountType.SERVICE, true);
        sim.registerAccount(UNVERIFIED, "secret-unverified", AccountType.SUBSCRIPTION, false);
        gateway = new WxJavaGateway(List.of(account("hongqi", VERIFIED, "secret-verified"),
                account("weirenzheng", UNVERIFIED, "secret-unverified")), FAST, clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
    }

    AccountConfig account(String id, String appId, String secret) {
        return anAccount().id(id).name("公众号 " + id).appId(appId).secret(secret).apiBaseUrl(sim.baseUrl())
                .cron("0 0 9 * * ?").sandbox(false).build();
    }

    String draft(String account, String... titles) {
        String cover = gateway.addCoverImage(account, new MediaFile("cover.png", "image/png", png()));
        List<DraftArticle> articles = java.util.Arrays.stream(titles)
                .map(t -> new DraftArticle(t, "办公室", "", "<p>" + t + "的正文</p>", "", cover)).toList();
        return gateway.addDraft(account, articles);
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aMassSendRepeatedWithTheSameClientMsgIdIsRecognisedAndSentOnce() {
        String draft = draft("hongqi", "群发通知");

        MassSendResult first = gateway.massSendAll("hongqi", draft, "batch-7");
        WeChatException tooSoon = catchThrowableOfType(WeChatException.class,
                () -> gateway.massSendAll("hongqi", draft, "batch-7"));
        clock.advance(Duration.ofMinutes(2));
        MassSendResult again = gateway.massSendAll("hongqi", draft, "batch-7");

        assertThat(first.alreadySent()).isFalse();
        assertThat(tooSoon.code()).isEqualTo(45066);
        assertThat(tooSoon.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(tooSoon.retryAfter()).isEqualTo(clock.instant().minus(Duration.ofMinutes(2)).plusSeconds(60));
        assertThat(again).isEqualTo(new MassSendResult(first.msgId(), "", true));
        assertThat(sim.record().massSends()).singleElement().satisfies(m -> {
            assertThat(m.titles()).containsExactly("群发通知");
            assertThat(m.toAll()).isTrue();
            assertThat(String.valueOf(m.msgId())).isEqualTo(first.msgId());
        });
        assertThat(gateway.draftExists("hongqi", draft)).as("a sent draft leaves the box").isFalse();
    }

    @Test
    void previewsEditsListsAndDeletesDrafts() {
        String draft = draft("hongqi", "甲", "乙");
        gateway.massPreview("hongqi", draft, "oREVIEWER", false);
        gateway.massPreview("hongqi", draft, "zhangsan", true);
        gateway.updateDraft("hongqi", draft, 1, new DraftArticle("乙（改）", "", "", "<p>新</p>", "",
                gateway.addCoverImage("hongqi", new MediaFile("c2.png", "image/png", png()))));

        assertThat(gateway.draftCount("hongqi")).isEqualTo(1);
        assertThat(gateway.listDrafts("hongqi", 0, 20)).singleElement().satisfies(d -> {
            assertThat(d.mediaId()).isEqualTo(draft);
            assertThat(d.items()).extracting(i -> i.title()).containsExactly("甲", "乙（改）");
            assertThat(d.updateTime()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        });
        gateway.deleteDraft("hongqi", draft);
        gateway.deleteDraft("hongqi", draft);
        assertThat(gateway.draftCount("hongqi")).isZero();
        assertThat(sim.record().massSends()).isEmpty();
    }

    @Test
    void listsGetsAndDeletesPublishedArticles() {
        String publishId = gateway.submitPublish("hongqi", draft("hongqi", "第一篇", "第二篇"));
        PublishStatus status = gateway.publishStatus("hongqi", publishId);
        for (int i = 0; i < 5 && status.state() == PublishStatus.State.PUBLISHING; i++) {
            status = gateway.publishStatus("hongqi", publishId);
        }
        String articleId = status.articleId();

        List<PublishedArticleInfo> list = gateway.listPublished("hongqi", 0, 10);
        gateway.deletePublished("hongqi", articleId, 2);
        PublishedArticleInfo after = gateway.getPublished("hongqi", articleId);

        assertThat(list).singleElement().satisfies(p -> {
            assertThat(p.articleId()).isEqualTo(articleId);
            assertThat(p.items()).extracting(PublishedArticleInfo.Item::title).containsExactly("第一篇", "第二篇");
            assertThat(p.updateTime()).isNotNull();
        });
        assertThat(after.items()).extracting(PublishedArticleInfo.Item::deleted).containsExactly(false, true);
        assertThat(gateway.findPublished("hongqi", "第一篇", 20)).get()
                .extracting(PublishStatus::articleId).isEqualTo(articleId);
        assertThat(catchThrowableOfType(WeChatException.class, () -> gateway.getPublished("hongqi", "nope")).code())
                .isEqualTo(53600);
    }

    @Test
    void clearQuotaResetsTheSimulatorsCountersForTheAccount() {
        sim.faults().quota("draft/count", 2);
        gateway.draftCount("hongqi");
        gateway.draftCount("hongqi");
        assertThat(catchThrowableOfType(WeChatException.class, () -> gateway.draftCount("hongqi")).kind())
                .isEqualTo(Kind.QUOTA);

        gateway.clearQuota("hongqi");

        assertThat(gateway.draftCount("hongqi")).isZero();
    }

    @Test
    void probeFindsAVerifiedAccountHealthyAndAnUnverifiedOneWithoutPublishingOrMassSendPermission() {
        AccountProbe healthy = gateway.probe("hongqi");
        AccountProbe unverified = gateway.probe("weirenzheng");

        assertThat(healthy.checks()).extracting(AccountProbe.Check::status).containsOnly(Status.OK);
        assertThat(unverified.token().status()).isEqualTo(Status.OK);
        assertThat(unverified.draft().status()).isEqualTo(Status.OK);
        assertThat(unverified.freepublish().status()).isEqualTo(Status.FAILED);
        assertThat(unverified.freepublish().code()).isEqualTo(48001);
        assertThat(unverified.massSend().status()).isEqualTo(Status.FAILED);
        assertThat(unverified.massSend().code()).isEqualTo(48001);
        assertThat(sim.record().calls(VERIFIED, "openapi/quota/get")).isEqualTo(1);
        assertThat(sim.record().massSends()).isEmpty();
        assertThat(sim.record().successfulSubmits()).isZero();
    }
}
