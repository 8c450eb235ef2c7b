package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The OWASP CSV injection rule and RFC 4180 quoting, in the one helper every CSV writer uses. */
class CsvTest {

    @Test
    void aCellThatWouldStartAFormulaGetsALeadingQuoteAndIsQuoted() {
        assertThat(Csv.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.text("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(Csv.text("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.text("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(Csv.text("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void ordinaryTextStaysAsItIsAndSeparatorsAndLineBreaksAreQuoted() {
        assertThat(Csv.text("商贸流通股")).isEqualTo("商贸流通股");
        assertThat(Csv.text("a=b")).isEqualTo("a=b");
        assertThat(Csv.text("更正稿, 含逗号")).isEqualTo("\"更正稿, 含逗号\"");
        assertThat(Csv.text("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(Csv.text("说\"好\"")).isEqualTo("\"说\"\"好\"\"\"");
        assertThat(Csv.text(null)).isEmpty();
    }

    @Test
    void numbersStayNumbers() {
        assertThat(Csv.number(-3)).isEqualTo("-3");
        assertThat(Csv.line(List.of("1", "=1"))).isEqualTo("1,\"'=1\"");
    }

    @Test
    void aLineTheProductWritesReadsBackAsTheSameCells() throws Exception {
        List<String> cells = List.of("更正稿, 含逗号", "第一行\r\n第二行", "说\"好\"", " 前后空格 ", "#标签", "", "普通");
        String file = Csv.line(cells) + "\r\n" + Csv.line(List.of("=1+1")) + "\r\n";

        List<List<String>> back = HistorySheets.csv(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)).cells();

        assertThat(back).containsExactly(cells, List.of("'=1+1"));
    }
}
