package cn.gongkai.publish;

/**
 * One article of a draft, as {@code draft/add} takes it.
 *
 * @param content          WeChat-safe HTML whose images are uploadimg URLs
 * @param contentSourceUrl the 阅读原文 link, or empty
 * @param thumbMediaId     permanent media_id of the cover
 * @param picCrop2351      the cover's 2.35:1 crop as {@code X1_Y1_X2_Y2} ({@code pic_crop_235_1}), or empty
 * @param picCrop11        the cover's 1:1 crop ({@code pic_crop_1_1}), or empty
 */
public record DraftArticle(String title, String author, String digest, String content, String contentSourceUrl,
                           String thumbMediaId, String picCrop2351, String picCrop11) {
    public DraftArticle {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("draft article title must not be blank");
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("draft article '" + title + "' has no content");
        }
        if (thumbMediaId == null || thumbMediaId.isBlank()) {
            throw new IllegalArgumentException("draft article '" + title + "' has no thumbMediaId");
        }
        author = author == null ? "" : author;
        digest = digest == null ? "" : digest;
        contentSourceUrl = contentSourceUrl == null ? "" : contentSourceUrl;
        picCrop2351 = picCrop2351 == null ? "" : picCrop2351;
        picCrop11 = picCrop11 == null ? "" : picCrop11;
    }

    /** An article whose cover WeChat crops by itself. */
    public DraftArticle(String title, String author, String digest, String content, String contentSourceUrl,
                        String thumbMediaId) {
        this(title, author, digest, content, contentSourceUrl, thumbMediaId, "", "");
    }
}
