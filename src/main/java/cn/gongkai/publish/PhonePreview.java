package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderedArticle;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an item to a reviewer's phone exactly as WeChat will show it, before anything is published: the images are
 * uploaded (through the same per-account cache publishing uses, so nothing is uploaded twice), a one-article draft
 * is created ({@code draft/add}), WeChat sends it to the reviewer ({@code message/mass/preview}, by WeChat ID or
 * openid), and the draft is deleted again ({@code draft/delete}) unless asked to keep it. Works for an item in any
 * state; publishes nothing and counts nothing.
 */
public final class PhonePreview {
    private static final Logger LOG = LoggerFactory.getLogger(PhonePreview.class);

    private final ImageStore images;
    private final MediaCache media;
    private final WeChatGateway wechat;
    private final ArticleRenderer renderer;
    private final ImagePreparer preparer;

    public PhonePreview(ImageStore images, MediaCache media, WeChatGateway wechat, ArticleRenderer renderer,
                        ImagePreparer preparer) {
        this.images = images;
        this.media = media;
        this.wechat = wechat;
        this.renderer = renderer;
        this.preparer = preparer;
    }

    /**
     * What a preview did.
     *
     * @param draftMediaId the draft WeChat sent
     * @param draftDeleted whether the draft is gone again (false when it was kept, or deleting it failed)
     * @param warnings     the renderer's warnings, and a failed clean-up; Chinese
     */
    public record Sent(String draftMediaId, boolean draftDeleted, List<String> warnings) {
        public Sent {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Sends the preview.
     *
     * @param recipient a WeChat ID (微信号) or an openid of the account, as {@code accounts[].preview-to} holds them
     * @param keepDraft leave the draft in the draft box instead of deleting it
     * @throws WeChatException when an upload, the draft or the preview is refused (the draft is still deleted)
     * @throws RenderException when the item cannot become an article WeChat accepts
     */
    public Sent send(AccountConfig account, ItemContent item, String recipient, boolean keepDraft) {
        RenderedArticle a = renderer.render(item, account.name(), img -> bodyImageUrl(account, img));
        ItemImage cover = item.effectiveCover();
        ImagePreparer.CoverCrops crops = cover == null ? preparer.defaultCoverCrops()
                : preparer.coverCrops(cover, bytesOf(cover));
        DraftArticle article = new DraftArticle(a.title(), a.author(), a.digest(), a.html(), a.contentSourceUrl(),
                coverMediaId(account, cover), crops.picCrop2351(), crops.picCrop11());
        String draft = wechat.addDraft(account.id(), List.of(article));
        List<String> warnings = new ArrayList<>(a.warnings());
        boolean deleted = false;
        try {
            wechat.massPreview(account.id(), draft, recipient, !AccountConfig.isOpenId(recipient));
        } finally {
            if (!keepDraft) {
                try {
                    wechat.deleteDraft(account.id(), draft);
                    deleted = true;
                } catch (WeChatException e) {
                    LOG.warn("Preview draft {} of account {} could not be deleted: {}", draft, account.id(),
                            e.getMessage());
                    warnings.add("预览用的临时草稿（media_id " + draft + "）未能删除：" + e.staffMessage()
                            + "。可在公众号后台草稿箱中手动删除");
                }
            }
        }
        return new Sent(draft, deleted, warnings);
    }

    private String bodyImageUrl(AccountConfig account, ItemImage image) {
        return media.find(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256()).orElseGet(() -> {
            ImagePreparer.Prepared p = preparer.prepare(image, bytesOf(image));
            String url = wechat.uploadBodyImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
            media.remember(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256(), url);
            return url;
        });
    }

    private String coverMediaId(AccountConfig account, ItemImage cover) {
        ImagePreparer.Prepared defaultCover = cover == null ? preparer.defaultCover() : null;
        String sha = cover == null ? ContentHash.sha256(defaultCover.bytes()) : cover.sha256();
        return media.find(account.id(), MediaCache.Kind.COVER, sha).orElseGet(() -> {
            ImagePreparer.Prepared p = cover == null ? defaultCover : preparer.prepare(cover, bytesOf(cover));
            String id = wechat.addCoverImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
            media.remember(account.id(), MediaCache.Kind.COVER, sha, id);
            return id;
        });
    }

    private byte[] bytesOf(ItemImage image) {
        return images.get(image.sha256()).orElseThrow(() ->
                new RenderException("图片“" + image.fileName() + "”的文件在库中缺失（" + image.sha256() + "）"));
    }
}
