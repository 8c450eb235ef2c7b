package cn.gongkai.simulator;

import cn.gongkai.item.WeChatLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The draft box: {@code draft/add|get|update|delete|count|batchget}, validating articles like WeChat. */
final class DraftApi {
    private final SimState state;

    DraftApi(SimState state) {
        this.state = state;
    }

    Reply add(Call call) {
        JsonNode list = call.json().get("articles");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ApiError(44003, "empty news data");
        }
        if (list.size() > WeChatLimits.ARTICLES_PER_DRAFT) {
            throw new ApiError(45008, "article size out of limit");
        }
        List<Article> articles = new ArrayList<>();
        for (JsonNode node : list) {
            articles.add(article(node, call.account(), list.size() == 1));
        }
        String mediaId = state.ids.word(43);
        call.account().drafts.put(mediaId, new AccountState.Draft(mediaId, articles, call.now(), call.now()));
        ObjectNode node = Json.object();
        node.put("media_id", mediaId);
        return Reply.json(node);
    }

    Reply get(Call call) {
        AccountState.Draft draft = draft(call, Json.text(call.json(), "media_id"));
        ObjectNode node = Json.object();
        node.set("news_item", newsItems(draft, true));
        node.put("create_time", draft.createdAt().getEpochSecond());
        node.put("update_time", draft.updatedAt().getEpochSecond());
        return Reply.json(node);
    }

    /** {@code draft/update}: replaces the article at the 0-based {@code index}; 40114 for a bad index. */
    Reply update(Call call) {
        ObjectNode body = call.json();
        AccountState.Draft draft = draft(call, Json.text(body, "media_id"));
        int index = Json.integer(body, "index", -1);
        if (index < 0 || index >= draft.articles().size()) {
            throw new ApiError(40114, "invalid index value");
        }
        JsonNode articleNode = body.get("articles");
        if (articleNode == null || !articleNode.isObject()) {
            throw new ApiError(44003, "empty news data");
        }
        List<Article> articles = new ArrayList<>(draft.articles());
        articles.set(index, article(articleNode, call.account(), articles.size() == 1));
        call.account().drafts.put(draft.mediaId(),
                new AccountState.Draft(draft.mediaId(), articles, draft.createdAt(), call.now()));
        return Reply.ok();
    }

    Reply delete(Call call) {
        AccountState.Draft draft = draft(call, Json.text(call.json(), "media_id"));
        call.account().drafts.remove(draft.mediaId());
        return Reply.ok();
    }

    Reply count(Call call) {
        ObjectNode node = Json.object();
        node.put("total_count", call.account().drafts.size());
        return Reply.json(node);
    }

    /** Newest (last updated) first. */
    Reply batchGet(Call call) {
        Page page = Page.of(call.json());
        List<AccountState.Draft> all = new ArrayList<>(call.account().drafts.values());
        java.util.Collections.reverse(all);
        all.sort((a, b) -> b.updatedAt().compareTo(a.updatedAt()));
        ObjectNode node = Json.object();
        node.put("total_count", all.size());
        ArrayNode items = Json.object().arrayNode();
        for (AccountState.Draft draft : page.slice(all)) {
            ObjectNode item = items.addObject();
            item.put("media_id", draft.mediaId());
            ObjectNode content = item.putObject("content");
            content.set("news_item", newsItems(draft, !page.noContent()));
            content.put("create_time", draft.createdAt().getEpochSecond());
            content.put("update_time", draft.updatedAt().getEpochSecond());
            item.put("update_time", draft.updatedAt().getEpochSecond());
        }
        node.put("item_count", items.size());
        node.set("item", items);
        return Reply.json(node);
    }

    /** A draft still in this account's box; 40007 otherwise (unknown, published, mass-sent, deleted, foreign). */
    static AccountState.Draft draft(Call call, String mediaId) {
        AccountState.Draft draft = mediaId == null ? null : call.account().drafts.get(mediaId);
        if (draft == null) {
            throw ApiError.invalidMediaId(mediaId);
        }
        return draft;
    }

    private ArrayNode newsItems(AccountState.Draft draft, boolean withContent) {
        ArrayNode items = Json.object().arrayNode();
        for (Article a : draft.articles()) {
            items.add(a.toNewsItem(withContent, previewUrl(draft), null));
        }
        return items;
    }

    private static String previewUrl(AccountState.Draft draft) {
        return "http://mp.weixin.qq.com/s?__biz=sim&tempkey=" + draft.mediaId() + "&chksm=" + Integer.toHexString(
                draft.mediaId().hashCode());
    }

    private static Article article(JsonNode node, AccountState account, boolean single) {
        if (!node.isObject()) {
            throw new ApiError(44003, "empty news data");
        }
        String type = type(node);
        String title = literalEscapes(orEmpty(Json.text(node, "title")));
        if (title.isBlank()) {
            throw new ApiError(44003, "empty news data");
        }
        limit(title, WeChatLimits.TITLE_CHARS, 45003, "title size out of limit");
        String author = limit(literalEscapes(orEmpty(Json.text(node, "author"))), WeChatLimits.AUTHOR_CHARS, 45003,
                "author size out of limit");
        String digest = limit(literalEscapes(orEmpty(Json.text(node, "digest"))), WeChatLimits.DIGEST_CHARS, 45004,
                "description size out of limit");
        String content = content(node);
        String sourceUrl = sourceUrl(node);
        content = cleaned(content, account);
        List<String> images = imageMediaIds(node);
        String thumbId = orEmpty(Json.text(node, "thumb_media_id"));
        String thumbUrl = thumbUrl(type, thumbId, account);
        if (type.equals("newspic")) {
            checkImages(images, account);
        }
        if (digest.isEmpty() && single) {
            digest = plainText(content, 54);
        }
        return new Article(type, title, author, single ? digest : "", content, sourceUrl, thumbId, thumbUrl,
                Json.integer(node, "need_open_comment", 0), Json.integer(node, "only_fans_can_comment", 0),
                orEmpty(Json.text(node, "pic_crop_235_1")), orEmpty(Json.text(node, "pic_crop_1_1")), images);
    }

    private static String type(JsonNode node) {
        String type = orEmpty(Json.text(node, "article_type"));
        type = type.isEmpty() ? "news" : type;
        if (!type.equals("news") && !type.equals("newspic")) {
            throw ApiError.invalidArgument("article_type");
        }
        return type;
    }

    /** The text, or WeChat's error {@code code} when it is longer than {@code max} characters. */
    private static String limit(String text, int max, int code, String message) {
        if (length(text) > max) {
            throw new ApiError(code, message);
        }
        return text;
    }

    private static String content(JsonNode node) {
        String content = orEmpty(Json.text(node, "content"));
        if (content.isBlank()) {
            throw new ApiError(44003, "empty content");
        }
        if (content.length() >= WeChatLimits.CONTENT_CHARS
                || content.getBytes(StandardCharsets.UTF_8).length >= WeChatLimits.CONTENT_BYTES) {
            throw new ApiError(45002, "content size out of limit");
        }
        return content;
    }

    private static String sourceUrl(JsonNode node) {
        String sourceUrl = orEmpty(Json.text(node, "content_source_url"));
        if (sourceUrl.getBytes(StandardCharsets.UTF_8).length > WeChatLimits.SOURCE_URL_BYTES) {
            throw new ApiError(41039, "invalid content_source_url");
        }
        return sourceUrl;
    }

    /** The content as WeChat keeps it: scripts removed, foreign links refused, only the account's own images. */
    private static String cleaned(String content, AccountState account) {
        content = Html.removeScripts(content);
        if (Html.foreignLink(content).isPresent()) {
            throw new ApiError(45166, "invalid content hint: [" + Html.foreignLink(content).get() + "]");
        }
        return Html.keepOwnImages(content, account.uploadedUrls);
    }

    /** The cover's URL: required for news, optional for newspic (empty when not given). */
    private static String thumbUrl(String type, String thumbId, AccountState account) {
        if (!type.equals("news") && thumbId.isEmpty()) {
            return "";
        }
        AccountState.Material thumb = account.materials.get(thumbId);
        if (thumb == null) {
            throw ApiError.invalidMediaId(thumbId);
        }
        return thumb.url();
    }

    private static void checkImages(List<String> images, AccountState account) {
        if (images.isEmpty() || images.size() > 20) {
            throw ApiError.invalidArgument("image_info");
        }
        for (String id : images) {
            if (!account.materials.containsKey(id)) {
                throw ApiError.invalidMediaId(id);
            }
        }
    }

    private static List<String> imageMediaIds(JsonNode node) {
        JsonNode list = node.path("image_info").path("image_list");
        List<String> ids = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(item -> ids.add(item.path("image_media_id").asText("")));
        }
        return ids;
    }

    private static String plainText(String html, int max) {
        String text = html.replaceAll("(?s)<[^>]*>", "").replace("&nbsp;", " ").strip();
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max));
    }

    /**
     * The platform stores the {@code \\u} escapes (backslash, u, four hex digits) of short fields literally (wechat-api.md §9). Control characters
     * and U+2028/U+2029 can only arrive escaped (Gson always escapes them), so they become six visible characters.
     */
    static String literalEscapes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> {
            if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static int length(String s) {
        return WeChatLimits.chars(s);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code offset}, {@code count} (1..20) and {@code no_content} of the batchget calls. */
    record Page(int offset, int count, boolean noContent) {
        static Page of(ObjectNode body) {
            int offset = Json.integer(body, "offset", 0);
            int count = Json.integer(body, "count", 0);
            if (offset < 0) {
                throw ApiError.invalidArgument("offset");
            }
            if (count < 1 || count > 20) {
                throw ApiError.invalidArgument("count");
            }
            return new Page(offset, count, Json.integer(body, "no_content", 0) == 1);
        }

        <T> List<T> slice(List<T> all) {
            if (offset >= all.size()) {
                return List.of();
            }
            return all.subList(offset, Math.min(all.size(), offset + count));
        }
    }
}
