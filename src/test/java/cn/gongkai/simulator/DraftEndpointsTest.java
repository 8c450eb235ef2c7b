package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.review.checks.PrePublishChecks;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DraftEndpointsTest extends SimulatorFixture {

    private JsonNode getDraft(String token, String mediaId) {
        return client.post("/cgi-bin/draft/get?access_token=" + token, Map.of("media_id", mediaId)).json();
    }

    private int add(String token, Map<String, Object> article) {
        return addDraft(token, List.of(article)).errcode();
    }

    @Test
    void storesADraftAndReturnsItWithDataSrcImages() {
        String t = token();
        String img = bodyImage(t);
        String thumb = cover(t);
        SimClient.Answer a = addDraft(t, List.of(Map.of("title", "通知", "author", "办公室", "digest", "摘要",
                "content", "<p>正文</p><img src=\"" + img + "\" alt=\"x\">", "thumb_media_id", thumb,
                "content_source_url", "https://example.gov.cn/a.html", "need_open_comment", 1)));
        String mediaId = a.json().get("media_id").asText();
        JsonNode item = getDraft(t, mediaId).get("news_item").get(0);
        assertThat(item.get("title").asText()).isEqualTo("通知");
        assertThat(item.get("author").asText()).isEqualTo("办公室");
        assertThat(item.get("digest").asText()).isEqualTo("摘要");
        assertThat(item.get("content").asText()).isEqualTo("<p>正文</p><img data-src=\"" + img + "\" alt=\"x\">");
        assertThat(item.get("content_source_url").asText()).isEqualTo("https://example.gov.cn/a.html");
        assertThat(item.get("thumb_media_id").asText()).isEqualTo(thumb);
        assertThat(item.get("need_open_comment").asInt()).isEqualTo(1);
        assertThat(item.get("url").asText()).startsWith("http://mp.weixin.qq.com/s?");
    }

    @Test
    void silentlyDropsImagesNotUploadedByThisAccount() {
        String t = token();
        String own = bodyImage(t);
        String foreign = bodyImage(token(OTHER));
        String mediaId = addDraft(t, List.of(article("图片", "<p>a</p><img src=\"https://example.com/x.png\">"
                + "<img src=\"" + foreign + "\"><img src='" + own + "'>", cover(t)))).json().get("media_id").asText();
        assertThat(getDraft(t, mediaId).get("news_item").get(0).get("content").asText())
                .isEqualTo("<p>a</p><img data-src='" + own + "'>");
    }

    @Test
    void removesScripts() {
        String t = token();
        String mediaId = addDraft(t, List.of(article("脚本", "<p>a</p><script>alert(1)</script><p>b</p>",
                cover(t)))).json().get("media_id").asText();
        assertThat(getDraft(t, mediaId).get("news_item").get(0).get("content").asText()).isEqualTo("<p>a</p><p>b</p>");
    }

    @Test
    void refusesLinksOutsideMpWeixinWith45166() {
        String t = token();
        String thumb = cover(t);
        assertThat(add(t, article("链接", "<a href=\"https://www.gov.cn/\">x</a>", thumb))).isEqualTo(45166);
        assertThat(add(t, article("锚点", "<a href=\"#top\">x</a>", thumb))).isEqualTo(45166);
        assertThat(add(t, article("公众号", "<a href=\"https://mp.weixin.qq.com/s/abc\">x</a>", thumb))).isZero();
    }

    @Test
    void refusesExactlyTheTitlesAuthorsAndDigestsThePrePublishChecksRefuseBothReadingOneTable() {
        String t = token();
        String thumb = cover(t);
        Map<String, Integer> limits = Map.of("title", WeChatLimits.TITLE_CHARS, "author", WeChatLimits.AUTHOR_CHARS,
                "digest", WeChatLimits.DIGEST_CHARS);
        for (Map.Entry<String, Integer> field : limits.entrySet()) {
            for (int n : new int[] {field.getValue(), field.getValue() + 1}) {
                String text = "字".repeat(n);
                Map<String, Object> article = new java.util.HashMap<>(article("标题", "<p>正文</p>", thumb));
                article.put(field.getKey(), text);
                boolean simulatorRefuses = add(t, article) != 0;
                boolean checksRefuse = PrePublishChecks.defaults().check(content(field.getKey(), text)).errors()
                        .stream().anyMatch(f -> f.field().equals(field.getKey()));

                assertThat(simulatorRefuses).as(field.getKey() + " of " + n).isEqualTo(n > field.getValue())
                        .isEqualTo(checksRefuse);
            }
        }
    }

    private static ItemContent content(String field, String text) {
        return new ItemContent("hongqi", "其他", field.equals("title") ? text : "标题",
                field.equals("author") ? text : "", "", "正文。\n", List.of(), List.of(), List.of(), null, "", "", null,
                field.equals("digest") ? text : "", null);
    }

    @Test
    void acceptsOneToEightArticles() {
        String t = token();
        String thumb = cover(t);
        List<Map<String, Object>> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(article("第" + i + "篇", "<p>x</p>", thumb));
        }
        assertThat(addDraft(t, nine.subList(0, 8)).json().has("media_id")).isTrue();
        assertThat(addDraft(t, nine).errcode()).isEqualTo(45008);
        assertThat(addDraft(t, List.of()).errcode()).isEqualTo(44003);
        assertThat(client.post("/cgi-bin/draft/add?access_token=" + t, "{\"articles\":\"x\"}").errcode())
                .isEqualTo(44003);
        assertThat(client.post("/cgi-bin/draft/add?access_token=" + t, "not json").errcode()).isEqualTo(47001);
    }

    @Test
    void enforcesTheDocumentedFieldLimits() {
        String t = token();
        String thumb = cover(t);
        assertThat(add(t, article("标".repeat(32), "<p>x</p>", thumb))).isZero();
        assertThat(add(t, article("标".repeat(33), "<p>x</p>", thumb))).isEqualTo(45003);
        assertThat(add(t, Map.of("title", "作者", "author", "名".repeat(17), "content", "<p>x</p>",
                "thumb_media_id", thumb))).isEqualTo(45003);
        assertThat(add(t, Map.of("title", "摘要", "digest", "摘".repeat(129), "content", "<p>x</p>",
                "thumb_media_id", thumb))).isEqualTo(45004);
        assertThat(add(t, article("长文", "x".repeat(20_000), thumb))).isEqualTo(45002);
        assertThat(add(t, article("长文", "x".repeat(19_999), thumb))).isZero();
        assertThat(add(t, Map.of("content", "<p>x</p>", "thumb_media_id", thumb))).isEqualTo(44003);
        assertThat(add(t, Map.of("title", "无正文", "thumb_media_id", thumb))).isEqualTo(44003);
    }

    @Test
    void requiresAPermanentCoverOfThisAccount() {
        String t = token();
        String foreignThumb = cover(token(OTHER));
        assertThat(add(t, article("封面", "<p>x</p>", foreignThumb))).isEqualTo(40007);
        assertThat(add(t, Map.of("title", "无封面", "content", "<p>x</p>"))).isEqualTo(40007);
    }

    @Test
    void answers40007ForUnknownDrafts() {
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + token(), Map.of("media_id", "nope")).errcode())
                .isEqualTo(40007);
    }

    @Test
    void keepsDraftsPerAccount() {
        String mediaId = draft(token(), "甲");
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + token(OTHER), Map.of("media_id", mediaId))
                .errcode()).isEqualTo(40007);
    }

    @Test
    void updatesCountsListsAndDeletesDrafts() {
        String t = token();
        String first = draft(t, "第一");
        String second = draft(t, "第二");
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).json().get("total_count").asInt())
                .isEqualTo(2);
        SimClient.Answer update = client.post("/cgi-bin/draft/update?access_token=" + t, Map.of("media_id", first,
                "index", 0, "articles", article("改过", "<p>新</p>", cover(t))));
        assertThat(update.errcode()).isZero();
        assertThat(getDraft(t, first).get("news_item").get(0).get("title").asText()).isEqualTo("改过");
        assertThat(client.post("/cgi-bin/draft/update?access_token=" + t, Map.of("media_id", first, "index", 1,
                "articles", article("越界", "<p>x</p>", cover(t)))).errcode()).isEqualTo(40114);

        JsonNode list = client.post("/cgi-bin/draft/batchget?access_token=" + t,
                Map.of("offset", 0, "count", 20, "no_content", 1)).json();
        assertThat(list.get("total_count").asInt()).isEqualTo(2);
        assertThat(list.get("item").get(0).get("media_id").asText()).isEqualTo(second);
        assertThat(list.get("item").get(0).get("content").get("news_item").get(0).get("content").asText()).isEmpty();
        assertThat(client.post("/cgi-bin/draft/batchget?access_token=" + t, Map.of("offset", 0, "count", 21))
                .errcode()).isEqualTo(40002);

        assertThat(client.post("/cgi-bin/draft/delete?access_token=" + t, Map.of("media_id", first)).errcode())
                .isZero();
        assertThat(client.post("/cgi-bin/draft/delete?access_token=" + t, Map.of("media_id", first)).errcode())
                .isEqualTo(40007);
        assertThat(client.get("/cgi-bin/draft/count?access_token=" + t).json().get("total_count").asInt())
                .isEqualTo(1);
    }

    @Test
    void letsUnverifiedAccountsUseDrafts() {
        String t = token(UNVERIFIED);
        String mediaId = draft(t, "草稿");
        assertThat(getDraft(t, mediaId).get("news_item").get(0).get("title").asText()).isEqualTo("草稿");
    }

    @Test
    void storesEscapedLineSeparatorsLiterallyAndCountsThemAsSixCharacters() {
        String t = token();
        String thumb = cover(t);
        String body = "{\"articles\":[{\"title\":\"通知\\u2028公告\",\"content\":\"<p>x</p>\",\"thumb_media_id\":\""
                + thumb + "\"}]}";
        String mediaId = client.post("/cgi-bin/draft/add?access_token=" + t, body).json().get("media_id").asText();
        assertThat(getDraft(t, mediaId).get("news_item").get(0).get("title").asText()).isEqualTo("通知\\u2028公告");
        String tooLong = "{\"articles\":[{\"title\":\"" + "标".repeat(30) + "\\u2028\",\"content\":\"<p>x</p>\","
                + "\"thumb_media_id\":\"" + thumb + "\"}]}";
        assertThat(client.post("/cgi-bin/draft/add?access_token=" + t, tooLong).errcode()).isEqualTo(45003);
    }
}
