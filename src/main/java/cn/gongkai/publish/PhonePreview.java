package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemContent;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
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

    private final DraftComposer composer;
    private final WeChatGateway wechat;

    public PhonePreview(ImageStore images, MediaCache media, WeChatGateway wechat, ArticleRenderer renderer,
                        ImagePreparer preparer) {
        this.composer = new DraftComposer(renderer, new MediaUploader(images, media, wechat, preparer));
        this.wechat = wechat;
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
        DraftComposer.Composed composed = composer.compose(account, item, () -> { });
        String draft = wechat.addDraft(account.id(), List.of(composed.article()));
        List<String> warnings = new ArrayList<>(composed.warnings());
        boolean deleted = false;
        try {
            wechat.massPreview(account.id(), draft, recipient, !AccountConfig.isOpenId(recipient));
        } finally {
            deleted = !keepDraft && deleteDraft(account, draft, warnings);
        }
        return new Sent(draft, deleted, warnings);
    }

    private boolean deleteDraft(AccountConfig account, String draft, List<String> warnings) {
        try {
            wechat.deleteDraft(account.id(), draft);
            return true;
        } catch (WeChatException e) {
            LOG.warn("Preview draft {} of account {} could not be deleted: {}", draft, account.id(), e.getMessage());
            warnings.add("预览用的临时草稿（media_id " + draft + "）未能删除：" + e.staffMessage() + "。可在公众号后台草稿箱中手动删除");
            return false;
        }
    }
}
