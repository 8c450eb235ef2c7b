package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.chanjar.weixin.mp.api.impl.WxMpServiceOkHttpImpl;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftInfo;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishList;
import me.chanjar.weixin.mp.bean.freepublish.WxMpFreePublishStatus;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real WxJava 4.7.9.B SDK, unchanged, against the simulator: the happy publishing path. */
class WxJavaAgainstSimulatorTest extends SimulatorFixture {

    @Test
    void publishesThroughTheRealWxJavaSdk(@TempDir Path dir) throws Exception {
        WxMpDefaultConfigImpl cfg = new WxMpDefaultConfigImpl();
        cfg.setAppId(APP);
        cfg.setSecret(SECRET);
        cfg.setHostConfig(WxMpHostConfig.builder().apiHost(sim.baseUrl()).mpHost(sim.baseUrl())
                .openHost(sim.baseUrl()).build());
        cfg.useStableAccessToken(true);
        WxMpServiceOkHttpImpl wx = new WxMpServiceOkHttpImpl();
        wx.setWxMpConfigStorage(cfg);
        wx.setMaxRetryTimes(0);

        File bodyImage = dir.resolve("body.png").toFile();
        Files.write(bodyImage.toPath(), TestImages.png(40, 30));
        File coverImage = dir.resolve("cover.jpg").toFile();
        Files.write(coverImage.toPath(), TestImages.jpeg(90, 50));

        String imageUrl = wx.getMaterialService().mediaImgUpload(bodyImage).getUrl();
        assertThat(imageUrl).startsWith("http://mmbiz.qpic.cn/");
        var cover = wx.getMaterialService().materialFileUpload("image", new WxMpMaterial("cover.jpg", coverImage,
                null, null));
        assertThat(cover.getUrl()).startsWith("http://mmbiz.qpic.cn/");

        WxMpDraftArticles article = WxMpDraftArticles.builder().title("关于政务公开的通知").author("办公室")
                .digest("摘要").content("<p>正文</p><img src=\"" + imageUrl + "\">")
                .thumbMediaId(cover.getMediaId()).contentSourceUrl("https://www.example.gov.cn/1.html").build();
        String draftId = wx.getDraftService().addDraft(WxMpAddDraft.builder().articles(List.of(article)).build());
        WxMpDraftInfo draft = wx.getDraftService().getDraft(draftId);
        assertThat(draft.getNewsItem().get(0).getContent()).contains("data-src=\"" + imageUrl + "\"");

        String publishId = wx.getFreePublishService().submit(draftId);
        assertThat(publishId).matches("\\d+");
        WxMpFreePublishStatus status = wx.getFreePublishService().getPushStatus(publishId);
        for (int i = 0; i < 5 && status.getPublish_status() == 1; i++) {
            status = wx.getFreePublishService().getPushStatus(publishId);
        }
        assertThat(status.getPublish_status()).isZero();
        assertThat(status.getArticle_id()).isNotBlank();
        assertThat(status.getArticle_detail().getItem().get(0).getArticle_url())
                .startsWith("https://mp.weixin.qq.com/s/");

        WxMpFreePublishList list = wx.getFreePublishService().getPublicationRecords(0, 10);
        assertThat(list.getTotalCount()).isEqualTo(1);
        assertThat(list.getItems().get(0).getContent().getNewsItem().get(0).getTitle()).isEqualTo("关于政务公开的通知");

        assertThat(sim.record().published()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("关于政务公开的通知");
            assertThat(a.draftMediaId()).isEqualTo(draftId);
            assertThat(String.valueOf(a.publishId())).isEqualTo(publishId);
        });
        assertThat(sim.record().calls(APP, "stable_token")).isEqualTo(1);
        assertThat(sim.record().calls(APP, "token")).isZero();
    }
}
