package cn.gongkai.publish;

/**
 * One article of a draft, as {@code draft/add} takes it.
 *
 * @param content          WeChat-safe HTML whose images are uploadimg URLs
 * @param contentSourceUrl the 阅读原文 link, or empty
 * @param thumbMediaId     permanent media_id of the cover
 */
public record DraftArticle(String title, String author, String digest, String content, String contentSourceUrl,
                           String thumbMediaId) {
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
    }
}
