package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsFormTest {
    @TempDir
    Path dir;

    private ReportFacts write(FactsForm.Values v) throws Exception {
        Path file = dir.resolve(v.year() + ".yml");
        Files.writeString(file, FactsForm.yaml(v));
        return FactsFile.read(file);
    }

    @Test
    void theExampleFactsFileSurvivesTheFormUnchanged() throws Exception {
        ReportFacts example = FactsFile.read(Path.of("config/report/example.yml"));
        FactsForm.Values form = FactsForm.of(example);

        ReportFacts again = write(form);

        assertThat(FactsForm.of(again)).isEqualTo(form);
        assertThat(again.unit()).isEqualTo(example.unit());
        assertThat(again.subsections()).isEqualTo(example.subsections());
        assertThat(again.table3()).extracting(r -> r.stream().map(Num::text).toList())
                .isEqualTo(example.table3().stream().map(r -> r.stream().map(Num::text).toList()).toList());
    }

    @Test
    void theFormKeepsThePortalFiguresKey() throws Exception {
        FactsForm.Values example = FactsForm.of(FactsFile.read(Path.of("config/report/example.yml")));
        for (String value : List.of("true", "qzfb", "")) {
            FactsForm.Values v = new FactsForm.Values(example.unit(), 2023, example.publishedOn(), example.channel(),
                    false, false, example.opening(), example.proactiveHeading(), example.proactiveExtra(),
                    example.sections(), example.table2(), example.table3(), example.table4(), example.problems(),
                    example.otherMatters(), value);

            ReportFacts read = write(v);

            assertThat(FactsForm.of(read).portalFigures()).isEqualTo(value);
            assertThat(read.portalFigures()).isEqualTo(value.isEmpty() ? null
                    : new ReportFacts.PortalFigures(value.equals("true") ? null : value));
        }
    }

    @Test
    void aBlankTotalIsSummedAndABlankCellStaysBlankForTheChecks() throws Exception {
        FactsForm.Values example = FactsForm.of(FactsFile.read(Path.of("config/report/example.yml")));
        Map<String, List<String>> t3 = new LinkedHashMap<>(example.table3());
        t3.put("本年新收", List.of("2", "1", "0", "0", "0", "0", ""));
        List<String> withBlank = new ArrayList<>(t3.get("上年结转"));
        withBlank.set(0, "/");
        t3.put("上年结转", withBlank);
        FactsForm.Values v = new FactsForm.Values(example.unit(), example.year(), example.publishedOn(),
                example.channel(), false, false, example.opening(), "", "", example.sections(), example.table2(), t3,
                example.table4(), "", "");

        ReportFacts read = write(v);

        assertThat(read.table3().get(0).get(6).text()).isEqualTo("3");
        assertThat(read.table3().get(1).get(0).blank()).isTrue();
        assertThat(read.table3().get(1).get(0).raw()).isEqualTo("/");
    }
}
