package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;

/**
 * Prepares an item's images and uploads each to WeChat once per account: body images ({@code media/uploadimg}) and
 * covers ({@code material/add_material}), remembered in the {@link MediaCache} so that publishing and the phone
 * preview never upload the same picture twice. {@code uploaded} is told after each real upload.
 */
final class MediaUploader {
    private final ImageStore images;
    private final MediaCache media;
    private final WeChatGateway wechat;
    private final ImagePreparer preparer;

    MediaUploader(ImageStore images, MediaCache media, WeChatGateway wechat, ImagePreparer preparer) {
        this.images = images;
        this.media = media;
        this.wechat = wechat;
        this.preparer = preparer;
    }

    /** Uploads every body image and the cover of the content that WeChat does not have yet. */
    void uploadAll(AccountConfig account, ItemContent content, Runnable uploaded) {
        for (ItemImage image : content.images()) {
            bodyImageUrl(account, image, uploaded);
        }
        coverMediaId(account, content.effectiveCover(), uploaded);
    }

    /** WeChat's URL of a body image. */
    String bodyImageUrl(AccountConfig account, ItemImage image, Runnable uploaded) {
        return media.find(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256()).orElseGet(() -> {
            ImagePreparer.Prepared p = preparer.prepare(image, bytesOf(image));
            String url = wechat.uploadBodyImage(account.id(), file(p));
            media.remember(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256(), url);
            uploaded.run();
            return url;
        });
    }

    /** WeChat's media_id of the cover, or of the default cover when {@code cover} is null. */
    String coverMediaId(AccountConfig account, ItemImage cover, Runnable uploaded) {
        ImagePreparer.Prepared defaultCover = cover == null ? preparer.defaultCover() : null;
        String sha = cover == null ? ContentHash.sha256(defaultCover.bytes()) : cover.sha256();
        return media.find(account.id(), MediaCache.Kind.COVER, sha).orElseGet(() -> {
            ImagePreparer.Prepared p = cover == null ? defaultCover : preparer.prepare(cover, bytesOf(cover));
            String id = wechat.addCoverImage(account.id(), file(p));
            media.remember(account.id(), MediaCache.Kind.COVER, sha, id);
            uploaded.run();
            return id;
        });
    }

    /** The crops WeChat shows of the cover (or of the default cover). */
    ImagePreparer.CoverCrops coverCrops(ItemImage cover) {
        return cover == null ? preparer.defaultCoverCrops() : preparer.coverCrops(cover, bytesOf(cover));
    }

    private static MediaFile file(ImagePreparer.Prepared p) {
        return new MediaFile(p.fileName(), p.mimeType(), p.bytes());
    }

    private byte[] bytesOf(ItemImage image) {
        return images.get(image.sha256()).orElseThrow(() ->
                new RenderException("图片“" + image.fileName() + "”的文件在库中缺失（" + image.sha256() + "）"));
    }
}
