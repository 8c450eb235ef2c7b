package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.intake.ImportProblem;
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
}
