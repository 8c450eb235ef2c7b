package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderedArticle;
import java.util.List;

/**
 * Turns an item into the article {@code draft/add} takes: rendered for the account, its images uploaded on the way
 * (body images as the renderer meets them, then the cover). Shared by publishing and the phone preview, so that a
 * reviewer's phone shows exactly what readers will get.
 */
final class DraftComposer {

    /** The article and the renderer's warnings (Chinese). */
    record Composed(DraftArticle article, List<String> warnings) {
        Composed {
            warnings = List.copyOf(warnings);
        }
    }

    private final ArticleRenderer renderer;
    private final MediaUploader uploader;

    DraftComposer(ArticleRenderer renderer, MediaUploader uploader) {
        this.renderer = renderer;
        this.uploader = uploader;
    }

    /** The media part, for steps that upload without composing. */
    MediaUploader uploader() {
        return uploader;
    }

    /** Composes one article; {@code uploaded} is told after each image WeChat did not have yet. */
    Composed compose(AccountConfig account, ItemContent content, Runnable uploaded) {
        RenderedArticle a = renderer.render(content, account.name(),
                img -> uploader.bodyImageUrl(account, img, uploaded));
        ItemImage cover = content.effectiveCover();
        ImagePreparer.CoverCrops crops = uploader.coverCrops(cover);
        DraftArticle article = new DraftArticle(a.title(), a.author(), a.digest(), a.html(), a.contentSourceUrl(),
                uploader.coverMediaId(account, cover, uploaded), crops.picCrop2351(), crops.picCrop11());
        return new Composed(article, a.warnings());
    }
}
