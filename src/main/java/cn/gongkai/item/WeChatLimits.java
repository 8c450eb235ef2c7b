package cn.gongkai.item;

import java.util.Map;

/**
 * WeChat's documented limits (wechat-api.md §2, §4, §5), in one place: the pre-publish checks and their
 * configuration, the importer, the renderer, the publisher, the gateway's call budget, the simulator and the history
 * import all read them from here, so they cannot drift apart. Lengths are characters as staff count them (code
 * points); sizes are bytes.
 */
public final class WeChatLimits {
    /** Characters of an article title ({@code draft/add} answers 45003 beyond). */
    public static final int TITLE_CHARS = 32;
    /** Characters of the author field. */
    public static final int AUTHOR_CHARS = 16;
    /** Characters of the digest ({@code draft/add} answers 45004 beyond). */
    public static final int DIGEST_CHARS = 128;
    /** Article content must stay under this many characters ({@code draft/add} answers 45002 otherwise). */
    public static final int CONTENT_CHARS = 20_000;
    /** Article content must stay under this many bytes of UTF-8 (1 MB). */
    public static final int CONTENT_BYTES = 1024 * 1024;
    /** Bytes of the original-article link ({@code content_source_url}). */
    public static final int SOURCE_URL_BYTES = 1024;
    /** Articles in one draft ({@code draft/add} answers 45008 beyond). */
    public static final int ARTICLES_PER_DRAFT = 8;
    /** A body image sent to {@code media/uploadimg} must stay under this many bytes (1 MB). */
    public static final int UPLOADIMG_BYTES = 1024 * 1024;
    /** Bytes of a permanent image material ({@code material/add_material}, type image): 10 MB. */
    public static final int IMAGE_MATERIAL_BYTES = 10 * 1024 * 1024;
    /** Bytes of a permanent thumb material (type thumb): 64 KB. */
    public static final int THUMB_MATERIAL_BYTES = 64 * 1024;
    /** Bytes of a mass send's {@code clientmsgid}. */
    public static final int CLIENT_MSG_ID_BYTES = 64;
    /**
     * Characters of a title in a history import ({@code ledger import}): articles published before gongkai, often in
     * WeChat's own editor, whose titles may run past the API's {@link #TITLE_CHARS}; twice it is the ledger's bound.
     */
    public static final int HISTORY_TITLE_CHARS = 2 * TITLE_CHARS;
    /** Forced refreshes of a stable access token a day. */
    public static final int STABLE_TOKEN_FORCE_DAILY = 20;

    /**
     * Daily call limits per API of a newly registered account (wechat-api.md §4); larger accounts may have more,
     * which {@code wechat.daily-limits} may say. The keys are the names the gateway's call budget counts by.
     */
    public static final Map<String, Integer> DAILY_CALLS = Map.ofEntries(
            Map.entry("token", 2000),
            Map.entry("stable_token", 500_000),
            Map.entry("media/uploadimg", 100_000),
            Map.entry("material/add_material", 100_000),
            Map.entry("draft/add", 1000),
            Map.entry("draft/get", 500),
            Map.entry("draft/update", 1000),
            Map.entry("draft/delete", 1000),
            Map.entry("draft/count", 1000),
            Map.entry("draft/batchget", 1000),
            Map.entry("freepublish/submit", 100),
            Map.entry("freepublish/get", 100),
            Map.entry("freepublish/delete", 10),
            Map.entry("freepublish/getarticle", 100),
            Map.entry("freepublish/batchget", 100),
            Map.entry("message/mass/sendall", 100),
            Map.entry("message/mass/preview", 100));

    private WeChatLimits() {
    }

    /** Characters of a text as WeChat and staff count them (code points, so 𠀀 is one). */
    public static int chars(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
