package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ItemContent;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DraftComposerTest {

    @Test
    void composingUploadsEachImageOnceAndSaysSoForEachRealUpload() {
        AccountConfig account = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false);
        try (PublishParts parts = new PublishParts(account)) {
            ItemContent content = parts.approved(1).get(0).content();
            AtomicInteger uploads = new AtomicInteger();

            DraftComposer.Composed first = parts.composer.compose(account, content, uploads::incrementAndGet);
            DraftComposer.Composed again = parts.composer.compose(account, content, uploads::incrementAndGet);

            assertThat(uploads.get()).isEqualTo(2);
            assertThat(parts.wechat.calls("media/uploadimg") + parts.wechat.calls("material/add_material"))
                    .isEqualTo(2);
            assertThat(again.article()).isEqualTo(first.article());
            assertThat(first.article().thumbMediaId()).isNotBlank();
        }
    }

    @Test
    void aPhonePreviewAndAPublishShareTheUploadedMedia() {
        AccountConfig account = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false);
        try (PublishParts parts = new PublishParts(account)) {
            ItemContent content = parts.approved(1).get(0).content();
            AtomicInteger uploads = new AtomicInteger();
            new PhonePreview(parts.db.images(), parts.db.mediaCache(), parts.wechat,
                    ArticleRenderer.load(Path.of("templates")), new ImagePreparer()).send(account, content, "zhangke2023", false);

            parts.uploader.uploadAll(account, content, uploads::incrementAndGet);

            assertThat(uploads.get()).isZero();
        }
    }
}
