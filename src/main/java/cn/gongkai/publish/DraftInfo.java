package cn.gongkai.publish;

import java.time.Instant;
import java.util.List;

/**
 * One draft in the draft box ({@code draft/batchget}).
 *
 * @param updateTime when the draft was last changed, or null when WeChat did not say
 * @param items      its articles, in order
 */
public record DraftInfo(String mediaId, Instant updateTime, List<Item> items) {
    public DraftInfo {
        if (mediaId == null || mediaId.isBlank()) {
            throw new IllegalArgumentException("draft mediaId must not be blank");
        }
        items = List.copyOf(items == null ? List.of() : items);
    }

    /**
     * One article of a draft.
     *
     * @param url temporary preview link, or empty
     */
    public record Item(String title, String url) {
        public Item {
            title = title == null ? "" : title;
            url = url == null ? "" : url;
        }
    }
}
