package cn.gongkai.publish;

import java.util.Optional;

/**
 * The port to the WeChat Official Account API, in our types. Every method either returns WeChat's answer or throws
 * {@link WeChatException}. Idempotent calls are retried inside the gateway; publishing calls never are.
 */
public interface WeChatGateway {

    /** Uploads an image for use inside an article body; returns its mmbiz URL. ({@code media/uploadimg}) */
    String uploadBodyImage(String account, MediaFile image);

    /** Uploads a permanent image material for a cover; returns its media_id. ({@code material/add_material?type=image}) */
    String addCoverImage(String account, MediaFile image);

    /** Creates a draft of up to 8 articles; returns the draft media_id. ({@code draft/add}) */
    String addDraft(String account, java.util.List<DraftArticle> articles);

    /**
     * Whether the draft is still in the draft box. ({@code draft/get}; 40007 means it is gone — published,
     * mass-sent or deleted.)
     */
    boolean draftExists(String account, String draftMediaId);

    /**
     * Submits a draft for publishing; returns the publish_id as plain digits. ({@code freepublish/submit})
     * Never retried: a lost answer throws {@link WeChatException.Kind#UNKNOWN_OUTCOME}.
     */
    String submitPublish(String account, String draftMediaId);

    /** The state of a publish job. ({@code freepublish/get}) */
    PublishStatus publishStatus(String account, String publishId);

    /**
     * Finds a published article whose first title matches, among the newest {@code scan} published items, to settle
     * a submit whose answer was lost; the status carries its article_id and the links of its articles.
     * ({@code freepublish/batchget})
     */
    Optional<PublishStatus> findPublished(String account, String firstTitle, int scan);
}
