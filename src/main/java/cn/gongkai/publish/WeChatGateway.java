package cn.gongkai.publish;

import java.util.List;
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
    String addDraft(String account, List<DraftArticle> articles);

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

    /**
     * Replaces the article at the 0-based {@code index} of a draft. ({@code draft/update}; 40114 for a bad index,
     * 40007 when the draft is gone.) Idempotent, retried.
     */
    void updateDraft(String account, String draftMediaId, int index, DraftArticle article);

    /**
     * Deletes a draft, irreversibly. ({@code draft/delete}) A draft that is already gone (40007) counts as deleted.
     */
    void deleteDraft(String account, String draftMediaId);

    /** How many drafts are in the draft box. ({@code draft/count}) */
    long draftCount(String account);

    /**
     * A page of the draft box, most recently changed first, without contents. ({@code draft/batchget})
     *
     * @param count 1–20
     */
    List<DraftInfo> listDrafts(String account, int offset, int count);

    /**
     * Published items, newest first, without contents; mass-sent articles are not listed. ({@code
     * freepublish/batchget}, 100 calls a day)
     *
     * @param count 1–20
     */
    List<PublishedArticleInfo> listPublished(String account, int offset, int count);

    /**
     * Published items, newest first, with each article's HTML content (for the inspection of what the account
     * published); otherwise as {@link #listPublished}. ({@code freepublish/batchget} with {@code no_content=0}, the
     * same 100 calls a day)
     *
     * @param count 1–20
     */
    List<PublishedArticleInfo> listPublishedWithContent(String account, int offset, int count);

    /** One published item by its article_id. ({@code freepublish/getarticle}; 53600 for an unknown id) */
    PublishedArticleInfo getPublished(String account, String articleId);

    /**
     * Deletes a published article, irreversibly. ({@code freepublish/delete}, 10 calls a day)
     *
     * @param index 1-based article of the item; 0 deletes all of them
     */
    void deletePublished(String account, String articleId, int index);

    /**
     * Sends a draft to all followers as a mass message (mpnews). ({@code message/mass/sendall} with {@code
     * is_to_all=true}.) A publishing call: never retried. {@code clientMsgId} (the caller's batch id, at most 64
     * bytes) lets WeChat recognise a repeat for 24 hours: a repeat returns the original msg_id with
     * {@link MassSendResult#alreadySent()}; a repeat within a minute is TRANSIENT with {@code retryAfter}. A lost
     * answer is {@link WeChatException.Kind#UNKNOWN_OUTCOME}: send again with the same clientMsgId to settle it.
     */
    MassSendResult massSendAll(String account, String draftMediaId, String clientMsgId);

    /**
     * Sends a draft as a preview to one reviewer's phone. ({@code message/mass/preview}; {@code touser} for an
     * openid, {@code towxname} for a WeChat ID, which is limited to 100 previews a day.)
     */
    void massPreview(String account, String draftMediaId, String reviewer, boolean byWeChatId);

    /**
     * Resets every daily call counter of the account on WeChat's side. ({@code clear_quota}; ten times a month,
     * shared with the console button; 48006 when they are used up.) Not retried once WeChat may have acted.
     */
    void clearQuota(String account);

    /**
     * Checks the account without publishing anything: token, IP whitelist, and draft, freepublish and mass-send
     * permission (for {@code gongkai doctor}). Never throws for a WeChat refusal: each check carries it.
     */
    AccountProbe probe(String account);
}
