package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.intake.ImportProblem;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.testsupport.ItemBuilder;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST API's records write and read the JSON the API has always spoken. */
class ItemJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ItemJson.Summary summary(String reason) {
        return new ItemJson.Summary(7, "标题", "FAILED", "发布失败", "促消费", "hongqi", true, null, null,
                "2023-05-19", false, "abc", reason);
    }

    private static JsonNode write(Object value) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    @Test
    void aSummaryNamesItsFieldsAsBeforeAndLeavesOutAnEmptyReason() throws Exception {
        JsonNode plain = write(summary(""));
        assertThat(plain.has("reason")).isFalse();
        assertThat(plain.get("waitingFor").isNull()).isTrue();
        assertThat(plain.get("publishAt").isNull()).isTrue();
        assertThat(plain.get("statusLabel").asText()).isEqualTo("发布失败");
        assertThat(write(summary("令牌失效")).get("reason").asText()).isEqualTo("令牌失效");
    }

    @Test
    void aSavedItemIsTheSummaryWithItsWarningsAndALineOnlyWhenThereIsOne() throws Exception {
        JsonNode saved = write(ItemJson.Saved.of(summary(""), List.of(new ImportProblem(null, 0, "正文", "太长"),
                new ImportProblem(null, 3, "title", "有空格"))));
        assertThat(saved.get("id").asLong()).isEqualTo(7);
        assertThat(saved.has("item")).isFalse();
        assertThat(saved.get("warnings").get(0).get("field").asText()).isEqualTo("body");
        assertThat(saved.get("warnings").get(0).has("line")).isFalse();
        assertThat(saved.get("warnings").get(1).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void aDecisionReadsTextStrippedIgnoresOtherFieldsAndTakesNullOrContainersAsEmpty() throws Exception {
        ItemJson.DecisionRequest d = JSON.readValue("{\"contentHash\": \" abc \", \"comment\": \"同意\", \"x\": 1}",
                ItemJson.DecisionRequest.class);
        assertThat(d).isEqualTo(new ItemJson.DecisionRequest("abc", "同意"));
        ItemJson.DecisionRequest odd = JSON.readValue("{\"contentHash\": null, \"comment\": {\"a\": 1}}",
                ItemJson.DecisionRequest.class);
        assertThat(odd).isEqualTo(ItemJson.DecisionRequest.EMPTY);
        assertThat(JSON.readValue("{\"contentHash\": 123}", ItemJson.DecisionRequest.class).contentHash())
                .isEqualTo("123");
    }

    @Test
    void aDetailKeepsTheSnakeCaseFieldsNotesAsAMapAndTheHistoryInOrder() throws Exception {
        Instant t = Instant.parse("2023-05-12T02:00:00Z");
        DisclosureItem item = new DisclosureItem(7, ItemBuilder.anItem().docNo("红商〔2023〕7号")
                .sourceUrl("https://example.org/a").notes(List.of(new Note("以旧换新", "补贴"))).build(),
                ItemStatus.IN_REVIEW, "abc", null, null, "", t, t.plusSeconds(60));
        AuditEntry entry = new AuditEntry(1, 7, "刘起草", "drafter", "submit", "DRAFT", "IN_REVIEW", 0, "", "abc", "",
                t);

        JsonNode detail = write(ItemJson.Detail.of(summary(""), item, false, "不是你的步骤", List.of("dept-leader"),
                List.of(entry)));

        assertThat(detail.get("doc_no").asText()).isEqualTo("红商〔2023〕7号");
        assertThat(detail.get("source_url").asText()).isEqualTo("https://example.org/a");
        assertThat(detail.get("notes").get("以旧换新").asText()).isEqualTo("补贴");
        assertThat(detail.get("cover").isNull()).isTrue();
        assertThat(detail.get("cannotReview").asText()).isEqualTo("不是你的步骤");
        assertThat(detail.get("updatedAt").asText()).isEqualTo("2023-05-12T02:01:00Z");
        assertThat(detail.get("history").get(0).get("from").asText()).isEqualTo("DRAFT");
        assertThat(detail.get("history").get(0).get("at").asText()).isEqualTo("2023-05-12T02:00:00Z");
        assertThat(detail.get("id").asLong()).isEqualTo(7);
    }
}
