package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables 二/三/四 of a facts file: what is left out is 0, totals left out are added, blanks stay blank. */
class FactsTablesTest {
    private final List<String> omitted = new ArrayList<>();
    private final FactsTables tables = new FactsTables(new FactsNodes("2023.yml"), omitted);

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    private static List<String> texts(List<Num> row) {
        return row.stream().map(n -> n.blank() ? "（空）" : n.text()).toList();
    }

    @Test
    void aTableLeftOutIsAllZeroAndNamed() {
        assertThat(tables.table2(null)).hasSize(6).allSatisfy(row -> assertThat(texts(row)).containsOnly("0"));
        assertThat(tables.table4(null)).hasSize(3);
        assertThat(omitted).containsExactly("表二", "表四");
    }

    @Test
    void aRowWithoutItsTotalGetsTheSumAndTheGrandTotalIsTheSumOfTheOutcomes() throws Exception {
        List<List<Num>> t3 = tables.table3(yaml("本年新收: [2, 1, 0, 0, 0, 0]\n予以公开: [1, 0, 0, 0, 0, 0, 1]\n"
                + "部分公开: [0, 1, 0, 0, 0, 0, 1]\n"));

        assertThat(texts(t3.get(Format2021.R1))).containsExactly("2", "1", "0", "0", "0", "0", "3");
        assertThat(t3.get(Format2021.R1).get(6).computed()).isTrue();
        assertThat(texts(t3.get(Format2021.R24))).containsExactly("1", "1", "0", "0", "0", "0", "2");
        assertThat(texts(t3.get(Format2021.R25))).containsOnly("0");
        assertThat(omitted).isEmpty();
    }

    @Test
    void blankSlashAndTextCellsAreKeptForTheChecksToName() throws Exception {
        List<List<Num>> t2 = tables.table2(yaml("规章: [1, ~, \"/\"]\n行政事业性收费: 1.5\n行政许可:\n"));

        assertThat(texts(t2.get(0))).containsExactly("1", "（空）", "（空）");
        assertThat(t2.get(0).get(2).raw()).isEqualTo("/");
        assertThat(t2.get(5).get(0).value()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(texts(t2.get(2))).containsExactly("（空）");
    }

    @Test
    void aRowOfTheWrongLengthOrAnUnknownRowIsRefusedByName() {
        assertThatThrownBy(() -> tables.table4(yaml("行政复议: [1, 2]\n"))).isInstanceOf(FactsException.class)
                .hasMessageContaining("2023.yml").hasMessageContaining("表四.行政复议")
                .hasMessageContaining("应写作 4 或 5 个数的列表，如 [0, 0, 0, 0, 0]");
        assertThatThrownBy(() -> tables.table3(yaml("新收: [1, 0, 0, 0, 0, 0]\n")))
                .hasMessageContaining("表三.新收").hasMessageContaining("不认识的项");
    }
}
