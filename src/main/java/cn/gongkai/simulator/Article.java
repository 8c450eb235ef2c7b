package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One stored article of a draft or a publication, as the simulator keeps it after filtering. */
record Article(String articleType, String title, String author, String digest, String content,
               String contentSourceUrl, String thumbMediaId, String thumbUrl, int needOpenComment,
               int onlyFansCanComment, String picCrop2351, String picCrop11, List<String> imageMediaIds) {
    Article {
        imageMediaIds = List.copyOf(imageMediaIds);
    }

    /** The {@code news_item} element WeChat returns; img {@code src} comes back as {@code data-src}. */
    ObjectNode toNewsItem(boolean withContent, String url, Boolean deleted) {
        ObjectNode n = Json.object();
        n.put("article_type", articleType);
        n.put("title", title);
        n.put("author", author);
        n.put("digest", digest);
        n.put("content", withContent ? Html.srcToDataSrc(content) : "");
        n.put("content_source_url", contentSourceUrl);
        n.put("thumb_media_id", thumbMediaId);
        n.put("thumb_url", thumbUrl);
        n.put("need_open_comment", needOpenComment);
        n.put("only_fans_can_comment", onlyFansCanComment);
        n.put("show_cover_pic", 0);
        if (!picCrop2351.isEmpty()) {
            n.put("pic_crop_235_1", picCrop2351);
        }
        if (!picCrop11.isEmpty()) {
            n.put("pic_crop_1_1", picCrop11);
        }
        if (!imageMediaIds.isEmpty()) {
            ArrayNode list = n.putObject("image_info").putArray("image_list");
            imageMediaIds.forEach(id -> list.addObject().put("image_media_id", id));
        }
        n.put("url", url);
        if (deleted != null) {
            n.put("is_deleted", deleted);
        }
        return n;
    }
}
