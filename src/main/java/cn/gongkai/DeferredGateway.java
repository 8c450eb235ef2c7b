package cn.gongkai;

import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.DraftInfo;
import cn.gongkai.publish.MassSendResult;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatGateway;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The WeChat port handed to the publisher, the console and the publish actions before the WeChat client exists:
 * each call asks {@code client} for the real gateway (built on first use, or awaited while serve builds it after
 * its port opened: in sandbox mode that also starts the simulator) and passes the call on unchanged.
 */
final class DeferredGateway implements WeChatGateway {
    private final Supplier<? extends WeChatGateway> client;

    DeferredGateway(Supplier<? extends WeChatGateway> client) {
        this.client = client;
    }

    @Override
    public String uploadBodyImage(String account, MediaFile image) {
        return client.get().uploadBodyImage(account, image);
    }

    @Override
    public String addCoverImage(String account, MediaFile image) {
        return client.get().addCoverImage(account, image);
    }

    @Override
    public String addDraft(String account, List<DraftArticle> articles) {
        return client.get().addDraft(account, articles);
    }

    @Override
    public boolean draftExists(String account, String draftMediaId) {
        return client.get().draftExists(account, draftMediaId);
    }

    @Override
    public String submitPublish(String account, String draftMediaId) {
        return client.get().submitPublish(account, draftMediaId);
    }

    @Override
    public PublishStatus publishStatus(String account, String publishId) {
        return client.get().publishStatus(account, publishId);
    }

    @Override
    public Optional<PublishStatus> findPublished(String account, String firstTitle, int scan) {
        return client.get().findPublished(account, firstTitle, scan);
    }

    @Override
    public void updateDraft(String account, String draftMediaId, int index, DraftArticle article) {
        client.get().updateDraft(account, draftMediaId, index, article);
    }

    @Override
    public void deleteDraft(String account, String draftMediaId) {
        client.get().deleteDraft(account, draftMediaId);
    }

    @Override
    public long draftCount(String account) {
        return client.get().draftCount(account);
    }

    @Override
    public List<DraftInfo> listDrafts(String account, int offset, int count) {
        return client.get().listDrafts(account, offset, count);
    }

    @Override
    public List<PublishedArticleInfo> listPublished(String account, int offset, int count) {
        return client.get().listPublished(account, offset, count);
    }

    @Override
    public List<PublishedArticleInfo> listPublishedWithContent(String account, int offset, int count) {
        return client.get().listPublishedWithContent(account, offset, count);
    }

    @Override
    public PublishedArticleInfo getPublished(String account, String articleId) {
        return client.get().getPublished(account, articleId);
    }

    @Override
    public void deletePublished(String account, String articleId, int index) {
        client.get().deletePublished(account, articleId, index);
    }

    @Override
    public MassSendResult massSendAll(String account, String draftMediaId, String clientMsgId) {
        return client.get().massSendAll(account, draftMediaId, clientMsgId);
    }

    @Override
    public void massPreview(String account, String draftMediaId, String reviewer, boolean byWeChatId) {
        client.get().massPreview(account, draftMediaId, reviewer, byWeChatId);
    }

    @Override
    public void clearQuota(String account) {
        client.get().clearQuota(account);
    }

    @Override
    public AccountProbe probe(String account) {
        return client.get().probe(account);
    }
}
