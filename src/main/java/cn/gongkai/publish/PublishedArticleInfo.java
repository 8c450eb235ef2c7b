package cn.gongkai.publish;

import java.time.Instant;
import java.util.List;

/**
 * One published item ({@code freepublish} batchget / getarticle): its article_id and its news items.
 *
 * @param updateTime when WeChat last changed it, or null — WeChat sometimes nests {@code update_time} where WxJava
 *                   does not read it (wechat-api.md §9); do not use it as the publish time
 * @param items      the articles, in order
 */
public record PublishedArticleInfo(String articleId, Instant updateTime, List<Item> items) {
    public PublishedArticleInfo {
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("published articleId must not be blank");
        }
        items = List.copyOf(items == null ? List.of() : items);
    }

    /**
     * One article of a published item.
     *
     * @param index   1-based position, as {@code freepublish/delete} counts
     * @param url     permanent link, or empty
     * @param deleted whether it was deleted since
     * @param content the article's HTML as WeChat serves it, or empty when listed without contents
     */
    public record Item(int index, String title, String url, boolean deleted, String content) {
        public Item {
            title = title == null ? "" : title;
            url = url == null ? "" : url;
            content = content == null ? "" : content;
        }

        /** An article listed without its content. */
        public Item(int index, String title, String url, boolean deleted) {
            this(index, title, url, deleted, "");
        }
    }

    /** The title of the first article, or empty. */
    public String firstTitle() {
        return items.isEmpty() ? "" : items.get(0).title();
    }
}
