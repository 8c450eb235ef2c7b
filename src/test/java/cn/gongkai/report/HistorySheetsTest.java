package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the history import reads a CSV file: RFC 4180 quoting, an optional BOM, each row's first line number. */
class HistorySheetsTest {

    private final List<Integer> lines = new ArrayList<>();

    private List<List<String>> read(String text) throws Exception {
        HistorySheets.Rows rows = HistorySheets.csv(text.getBytes(StandardCharsets.UTF_8));
        lines.addAll(rows.lines());
        return rows.cells();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeaderName() throws Exception {
        assertThat(read("\uFEFFpublished_at,title\r\n2023-01-01 08:00,标题\r\n"))
                .containsExactly(List.of("published_at", "title"), List.of("2023-01-01 08:00", "标题"));
        assertThat(lines).containsExactly(1, 2);
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsAreNumberedByTheirFirstLine() throws Exception {
        List<List<String>> rows = read("a,b\n\"x, y\",\"说\"\"好\"\"\"\n\"第一行\n第二行\",z\nlast,row");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, y", "说\"好\""),
                List.of("第一行\n第二行", "z"), List.of("last", "row"));
        assertThat(lines).containsExactly(1, 2, 3, 5);
    }

    @Test
    void anEmptyLineIsAnEmptyRowThatKeepsTheCountOfLines() throws Exception {
        assertThat(read("a,b\r\n\r\nc,d\r\n")).containsExactly(List.of("a", "b"), List.of(""), List.of("c", "d"));
        assertThat(lines).containsExactly(1, 2, 3);
    }

    @Test
    void emptyCellsAndAQuoteInsideAnUnquotedCellAreKept() throws Exception {
        assertThat(read("a,,c\n5\"寸,\n")).containsExactly(List.of("a", "", "c"), List.of("5\"寸", ""));
    }

    @Test
    void aGbkFileIsReadAndAFileInNoKnownEncodingIsRefusedNamingTheLine() throws Exception {
        byte[] gbk = "a,b\n标题,招商\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(HistorySheets.csv(gbk).cells().get(1)).containsExactly("标题", "招商");
        gbk[gbk.length - 2] = (byte) 0xFF;
        assertThatThrownBy(() -> HistorySheets.csv(gbk)).isInstanceOf(CharacterCodingException.class)
                .hasMessageContaining("第 2 行");
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineItsRowStartsOn() {
        assertThatThrownBy(() -> read("a,b\nc,d\n\"never closed,e\nf,g\n"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("第 3 行起").hasMessageContaining("英文双引号");
    }

    @Test
    void anImportOfAFileWithAnUnclosedQuoteSaysWhereAndHowToFixIt() {
        HistoryImport importer = new HistoryImport(null, java.time.ZoneId.of("Asia/Shanghai"), List.of("会议"),
                List.of("main"));
        String csv = "published_at,title,category,url,department\n2023-01-01 08:00,\"标题,会议,,办公室\n";
        HistoryImport.Result r = importer.importUpload("补录.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().asString()
                .startsWith("补录.csv：无法读取（第 2 行起").contains("引号不配对");
    }
}
