package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** metadata.json parses and holds what the office files the item under. */
class PackageMetadataTest {
    private final PackageSamples samples = new PackageSamples();

    @Test
    void theMetadataIsUtf8JsonWithTheItemsFactsApprovalsAndPortal() throws Exception {
        PackageSource src = samples.source(samples.item().build());
        PortalPackage pkg = new PackageBuilder().build(src, PackageSamples.portal(null));
        Attachment file = pkg.attachments().get(pkg.attachments().size() - 1);

        JsonNode json = new ObjectMapper().readTree(new String(file.content(), StandardCharsets.UTF_8));

        assertThat(file.fileName()).isEqualTo("metadata.json");
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo(pkg.metadataJson());
        assertThat(json.get("id").asLong()).isEqualTo(12);
        assertThat(json.get("title").asText()).isEqualTo("红旗区启动2026年以旧换新活动");
        assertThat(json.get("category").asText()).isEqualTo("促消费");
        assertThat(json.get("unit").asText()).isEqualTo("红旗区商务局");
        assertThat(json.get("doc_no").asText()).isEqualTo("红商〔2026〕12号");
        assertThat(json.get("department").asText()).isEqualTo("商贸流通股");
        assertThat(json.get("planned_at").asText()).isEqualTo("2026-12-07T09:00:00+08:00");
        assertThat(json.get("published_at").isNull()).isTrue();
        assertThat(json.get("wechat_url").asText()).isEqualTo("https://mp.weixin.qq.com/s/abc");
        assertThat(json.get("content_hash").asText()).isEqualTo(src.content().contentHash()).hasSize(64);
        assertThat(json.get("approvals")).hasSize(2);
        assertThat(json.get("approvals").get(1).get("step").asText()).isEqualTo("办公室主任校对");
        assertThat(json.get("approvals").get(1).get("name").asText()).isEqualTo("李主任");
        assertThat(json.get("approvals").get(1).get("at").asText()).isEqualTo("2026-12-04T11:30:00+08:00");
        assertThat(json.get("portal").asText()).isEqualTo("qzfb");
        assertThat(json.get("portal_name").asText()).isEqualTo("红旗区人民政府办公室");
        assertThat(json.get("prepared_at").asText()).isEqualTo("2026-12-07T10:00:00+08:00");
        assertThat(json.get("attachments")).extracting(JsonNode::asText)
                .containsExactly("红旗区启动2026年以旧换新活动.docx", "图1-展会现场_主会场：全景.png", "图2.png");
    }

    @Test
    void withoutAWeChatLinkOrPlannedTimeThoseFieldsAreNull() throws Exception {
        PackageSource full = samples.source(samples.item().build());
        PackageSource bare = new PackageSource(full.itemId(), full.content(), full.imageBytes(), full.glossaryNotes(),
                false, full.approvals(), full.contentHash(), null, java.time.Instant.parse("2026-12-06T16:00:00Z"),
                "", full.preparedAt(), full.zone());

        JsonNode json = new ObjectMapper().readTree(new PackageBuilder().build(bare, PackageSamples.portal(null))
                .metadataJson());

        assertThat(json.get("wechat_url").isNull()).isTrue();
        assertThat(json.get("planned_at").isNull()).isTrue();
        assertThat(json.get("published_at").asText()).isEqualTo("2026-12-07T00:00:00+08:00");
    }

    @Test
    void quotesAndControlCharactersInTheTitleAreEscaped() throws Exception {
        PackageSource src = samples.source(samples.item().title("关于\"以旧换新\"的\\通知\u0001").build());

        JsonNode json = new ObjectMapper().readTree(new PackageBuilder().build(src, PackageSamples.portal(null))
                .metadataJson());

        assertThat(json.get("title").asText()).isEqualTo("关于\"以旧换新\"的\\通知\u0001");
    }
}
