package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishEndpointsTest extends SimulatorFixture {

    @Test
    void answersSubmitWithAnIntegerPublishId() {
        String t = token();
        SimClient.Answer a = submit(t, draft(t, "发布"));
        assertThat(a.errcode()).isZero();
        assertThat(a.json().get("errmsg").asText()).isEqualTo("ok");
        assertThat(a.json().get("publish_id").isIntegralNumber()).isTrue();
        assertThat(a.json().get("msg_data_id").isInt()).isTrue();
        assertThat(a.body()).doesNotContain("\"publish_id\":\"");
    }

    @Test
    void takesTheDraftOutOfTheDraftBox() {
        String t = token();
        String mediaId = draft(t, "发布");
        submit(t, mediaId);
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + t, Map.of("media_id", mediaId)).errcode())
                .isEqualTo(40007);
        assertThat(submit(t, mediaId).errcode()).isEqualTo(40007);
    }

    @Test
    void reportsPublishingForTheFirstPollThenSuccessWithOneBasedArticles() {
        String t = token();
        String thumb = cover(t);
        String mediaId = addDraft(t, List.of(article("一", "<p>1</p>", thumb), article("二", "<p>2</p>", thumb)))
                .json().get("media_id").asText();
        long id = submit(t, mediaId).json().get("publish_id").asLong();
        JsonNode first = poll(t, id);
        assertThat(first.get("publish_status").asInt()).isEqualTo(1);
        assertThat(first.has("article_id")).isFalse();
        JsonNode done = poll(t, String.valueOf(id));
        assertThat(done.get("publish_status").asInt()).isZero();
        assertThat(done.get("publish_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(done.get("article_id").asText()).isNotBlank();
        assertThat(done.get("article_detail").get("count").asInt()).isEqualTo(2);
        JsonNode items = done.get("article_detail").get("item");
        assertThat(items.get(0).get("idx").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("idx").asInt()).isEqualTo(2);
        assertThat(items.get(1).get("article_url").asText()).startsWith("https://mp.weixin.qq.com/s/");
        assertThat(done.get("fail_idx")).isEmpty();
    }

    @Test
    void keepsAJobPublishingForTheConfiguredNumberOfPolls() {
        sim.faults().publishPolls(3);
        String t = token();
        long id = submit(t, draft(t, "慢")).json().get("publish_id").asLong();
        for (int i = 0; i < 3; i++) {
            assertThat(poll(t, id).get("publish_status").asInt()).isEqualTo(1);
        }
        assertThat(poll(t, id).get("publish_status").asInt()).isZero();
    }

    @Test
    void finishesAnUnpolledJobOnceItsClockTimeHasPassed() {
        String t = token();
        long id = submit(t, draft(t, "定时")).json().get("publish_id").asLong();
        clock.advance(Faults.DEFAULT_PUBLISH_DURATION);
        assertThat(poll(t, id).get("publish_status").asInt()).isZero();
    }

    @Test
    void endsJobsWithAConfiguredFailureAndFailIdx() {
        sim.faults().nextPublishOutcome(4, List.of(2));
        sim.faults().nextPublishOutcome(3, List.of());
        String t = token();
        JsonNode rejected = publish(t, "驳回");
        assertThat(rejected.get("publish_status").asInt()).isEqualTo(4);
        assertThat(rejected.get("fail_idx").get(0).asInt()).isEqualTo(2);
        assertThat(rejected.has("article_id")).isFalse();
        assertThat(publish(t, "失败").get("publish_status").asInt()).isEqualTo(3);
        assertThat(publish(t, "成功").get("publish_status").asInt()).isZero();
        assertThat(sim.record().published()).extracting(SimulatorRecord.PublishedArticle::title)
                .containsExactly("成功");
    }

    @Test
    void answers40002ForAnUnknownPublishId() {
        String t = token();
        assertThat(client.post("/cgi-bin/freepublish/get?access_token=" + t, Map.of("publish_id", "123")).errcode())
                .isEqualTo(40002);
        long foreign = submit(token(OTHER), draft(token(OTHER), "别人")).json().get("publish_id").asLong();
        assertThat(client.post("/cgi-bin/freepublish/get?access_token=" + t, Map.of("publish_id", foreign))
                .errcode()).isEqualTo(40002);
    }

    @Test
    void refusesPublishingForUnverifiedAccountsWith48001() {
        String t = token(UNVERIFIED);
        String mediaId = draft(t, "未认证");
        assertThat(submit(t, mediaId).errcode()).isEqualTo(48001);
        assertThat(client.post("/cgi-bin/freepublish/batchget?access_token=" + t, Map.of("offset", 0, "count", 5))
                .errcode()).isEqualTo(48001);
        assertThat(client.post("/cgi-bin/draft/get?access_token=" + t, Map.of("media_id", mediaId)).errcode())
                .isZero();
    }

    @Test
    void listsPublishedArticlesNewestFirst() {
        String t = token();
        publish(t, "旧");
        clock.advance(Duration.ofMinutes(1));
        publish(t, "新");
        JsonNode list = client.post("/cgi-bin/freepublish/batchget?access_token=" + t,
                Map.of("offset", 0, "count", 10, "no_content", 0)).json();
        assertThat(list.get("total_count").asInt()).isEqualTo(2);
        assertThat(list.get("item_count").asInt()).isEqualTo(2);
        JsonNode newest = list.get("item").get(0);
        assertThat(newest.get("content").get("news_item").get(0).get("title").asText()).isEqualTo("新");
        assertThat(newest.get("content").get("news_item").get(0).get("is_deleted").asBoolean()).isFalse();
        assertThat(newest.get("update_time").asLong()).isEqualTo(START.plusSeconds(60).getEpochSecond());
        JsonNode second = client.post("/cgi-bin/freepublish/batchget?access_token=" + t,
                Map.of("offset", 1, "count", 1, "no_content", 1)).json();
        assertThat(second.get("item").get(0).get("content").get("news_item").get(0).get("title").asText())
                .isEqualTo("旧");
        assertThat(second.get("item").get(0).get("content").get("news_item").get(0).get("content").asText())
                .isEmpty();
        assertThat(client.post("/cgi-bin/freepublish/batchget?access_token=" + t, Map.of("offset", 0, "count", 0))
                .errcode()).isEqualTo(40002);
    }

    @Test
    void returnsAPublishedArticleByIdAnd53600ForAnUnknownOne() {
        String t = token();
        String img = bodyImage(t);
        long id = submit(t, addDraft(t, List.of(article("图文", "<img src=\"" + img + "\">", cover(t)))).json()
                .get("media_id").asText()).json().get("publish_id").asLong();
        poll(t, id);
        String articleId = poll(t, id).get("article_id").asText();
        JsonNode item = client.post("/cgi-bin/freepublish/getarticle?access_token=" + t,
                Map.of("article_id", articleId)).json().get("news_item").get(0);
        assertThat(item.get("title").asText()).isEqualTo("图文");
        assertThat(item.get("content").asText()).isEqualTo("<img data-src=\"" + img + "\">");
        assertThat(client.post("/cgi-bin/freepublish/getarticle?access_token=" + t, Map.of("article_id", "nope"))
                .errcode()).isEqualTo(53600);
    }

    @Test
    void deletesPublishedArticlesAndReportsStatus5WhenAllAreGone() {
        String t = token();
        JsonNode done = publish(t, "删除");
        String articleId = done.get("article_id").asText();
        assertThat(client.post("/cgi-bin/freepublish/delete?access_token=" + t,
                Map.of("article_id", articleId, "index", 0)).errcode()).isZero();
        assertThat(poll(t, done.get("publish_id").asText()).get("publish_status").asInt()).isEqualTo(5);
        JsonNode item = client.post("/cgi-bin/freepublish/getarticle?access_token=" + t,
                Map.of("article_id", articleId)).json().get("news_item").get(0);
        assertThat(item.get("is_deleted").asBoolean()).isTrue();
    }

    @Test
    void recordsEveryPublishedArticleExactlyOnce() {
        String t = token();
        JsonNode done = publish(t, "记录");
        poll(t, done.get("publish_id").asLong());
        List<SimulatorRecord.PublishedArticle> published = sim.record().published(APP);
        assertThat(published).hasSize(1);
        SimulatorRecord.PublishedArticle a = published.get(0);
        assertThat(a.title()).isEqualTo("记录");
        assertThat(a.index()).isEqualTo(1);
        assertThat(a.articleId()).isEqualTo(done.get("article_id").asText());
        assertThat(a.url()).isEqualTo(done.get("article_detail").get("item").get(0).get("article_url").asText());
        assertThat(a.publishId()).isEqualTo(done.get("publish_id").asLong());
        assertThat(a.publishedAt()).isEqualTo(START);
        assertThat(a.draftMediaId()).isNotBlank();
        assertThat(sim.record().successfulSubmits(APP)).isEqualTo(1);
        assertThat(sim.record().calls(APP, "freepublish/get")).isEqualTo(3);
    }
}
