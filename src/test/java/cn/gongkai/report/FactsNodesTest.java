package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values of a facts file, each refusal naming the file and the key. */
class FactsNodesTest {
    private final FactsNodes nodes = new FactsNodes("2023.yml");

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void textIsStrippedAndARequiredOneMustBeGiven() throws Exception {
        JsonNode root = yaml("单位: \" 红旗区商务局 \"\n空: \"\"\n表: [1]\n");

        assertThat(nodes.text(root, "单位", true)).isEqualTo("红旗区商务局");
        assertThat(nodes.text(root, "没有", false)).isEmpty();
        assertThatThrownBy(() -> nodes.text(root, "没有", true)).hasMessage("事实文件 2023.yml 中的“没有”：必须填写");
        assertThatThrownBy(() -> nodes.text(root, "空", true)).hasMessageContaining("不能为空");
        assertThatThrownBy(() -> nodes.text(root, "表", false)).hasMessageContaining("必须是文字");
    }

    @Test
    void booleansAndDatesAreCheckedAndMayBeLeftOut() throws Exception {
        JsonNode root = yaml("是: true\n否: 是\n日: 2024-01-20\n错: 2024-1-20\n");

        assertThat(nodes.bool(root, "是")).isTrue();
        assertThat(nodes.bool(root, "没有")).isFalse();
        assertThatThrownBy(() -> nodes.bool(root, "否")).hasMessageContaining("只能是 true 或 false");
        assertThat(nodes.date(root.get("日"), "日")).isEqualTo(LocalDate.of(2024, 1, 20));
        assertThat(nodes.date(root.get("没有"), "没有")).isNull();
        assertThatThrownBy(() -> nodes.date(root.get("错"), "错")).hasMessageContaining("日期写作 YYYY-MM-DD");
    }

    @Test
    void anUnknownKeyIsRefusedListingTheKnownOnes() throws Exception {
        assertThatThrownBy(() -> nodes.known(yaml("甲: 1\n丙: 2\n"), Set.of("甲", "乙"), "总体情况."))
                .hasMessage("事实文件 2023.yml 中的“总体情况.丙”：不认识的项；可用的项：乙、甲");
        assertThatThrownBy(() -> nodes.known(yaml("[1]"), Set.of("甲"), "表二."))
                .hasMessage("事实文件 2023.yml 中的“表二”：必须是“键: 值”的映射");
    }
}
