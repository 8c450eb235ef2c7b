package cn.gongkai.review.checks;

import cn.gongkai.item.WeChatLimits;

/**
 * The configurable limits of the pre-publish checks; defaults from WeChat's draft API (wechat-api.md §2, §4).
 *
 * @param titleMax      characters in a title (WeChat: 32)
 * @param authorMax     characters in the author (WeChat: 16)
 * @param bodyMax       characters of Markdown body (WeChat: content under 20,000 characters)
 * @param imageMaxBytes bytes of one image (permanent material: 10 MB)
 * @param imageMaxSide  pixels of the longer side of an image beyond which it is refused
 * @param imageMinWidth pixels of width below which an image is shown blurred on phones (warning)
 * @param digestMax     characters of the digest staff wrote (WeChat: 128)
 */
public record CheckLimits(int titleMax, int authorMax, int bodyMax, long imageMaxBytes,
                          int imageMaxSide, int imageMinWidth, int digestMax) {
    /** WeChat's digest limit. */
    public static final int WECHAT_DIGEST_MAX = WeChatLimits.DIGEST_CHARS;

    /** Limits with WeChat's digest limit of 128 characters. */
    public CheckLimits(int titleMax, int authorMax, int bodyMax, long imageMaxBytes, int imageMaxSide,
                       int imageMinWidth) {
        this(titleMax, authorMax, bodyMax, imageMaxBytes, imageMaxSide, imageMinWidth, WECHAT_DIGEST_MAX);
    }

    public CheckLimits {
        positive(digestMax, "digestMax");
        positive(titleMax, "titleMax");
        positive(authorMax, "authorMax");
        positive(bodyMax, "bodyMax");
        positive(imageMaxBytes, "imageMaxBytes");
        positive(imageMaxSide, "imageMaxSide");
        if (imageMinWidth < 0) {
            throw new IllegalArgumentException("imageMinWidth must not be negative: " + imageMinWidth);
        }
    }

    /** WeChat's documented limits. */
    public static CheckLimits wechatDefaults() {
        return new CheckLimits(WeChatLimits.TITLE_CHARS, WeChatLimits.AUTHOR_CHARS, WeChatLimits.CONTENT_CHARS,
                WeChatLimits.IMAGE_MATERIAL_BYTES, 10_000, 200);
    }

    private static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}
