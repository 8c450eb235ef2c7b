package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The facts file itself: unknown keys and short rows refused by name, the documented example valid. */
class FactsFileTest extends ReportChecksFixture {
    @Test
    void anUnknownKeyOrAShortRowInTheFactsFileIsRefusedByName() throws IOException {
        write("2023.yml", base(2023) + "表三:\n  本年新收: [1, 2]\n");
        assertThatThrownBy(() -> run(2023)).isInstanceOf(FactsException.class)
                .hasMessageContaining("表三.本年新收").hasMessageContaining("6 或 7 个数");
        write("2023.yml", base(2023) + "表五: 1\n");
        assertThatThrownBy(() -> run(2023)).isInstanceOf(FactsException.class)
                .hasMessageContaining("“表五”").hasMessageContaining("不认识的项");
    }

    @Test
    void theReportStatesThePortalFiguresForTrueOrAPortalIdAndNothingElse() throws IOException {
        assertThat(facts("").portalFigures()).isNull();
        assertThat(facts("报区政府办: false\n").portalFigures()).isNull();
        assertThat(facts("报区政府办: true\n").portalFigures()).isEqualTo(new ReportFacts.PortalFigures(null));
        assertThat(facts("报区政府办: qzfb\n").portalFigures()).isEqualTo(new ReportFacts.PortalFigures("qzfb"));
        assertThatThrownBy(() -> facts("报区政府办: 区政府办\n")).isInstanceOf(FactsException.class)
                .hasMessageContaining("“报区政府办”").hasMessageContaining("true、false 或一个报送单位的编号");
    }

    @Test
    void theDocumentedExampleFileIsAValidFactsFile() {
        ReportFacts example = FactsFile.read(Path.of("config/report/example.yml"));

        assertThat(example.unit()).isEqualTo("红旗区商务局");
        assertThat(example.subsections()).hasSize(4);
        assertThat(example.omitted()).isEmpty();
    }
}
