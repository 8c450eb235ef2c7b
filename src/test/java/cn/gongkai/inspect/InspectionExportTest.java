package cn.gongkai.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The quarterly export read back with POI: columns, one row per finding, numbers and inert text cells. */
class InspectionExportTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final InspectionPeriod Q4 = InspectionPeriod.quarter("2026Q4");

    private static List<AccountStatus> accounts() {
        InspectedAccount hongqi = new InspectedAccount("hongqi", "红旗商务", true);
        InspectedAccount quiet = new InspectedAccount("quiet", "=HYPERLINK(\"http://x\",\"点此\")", true);
        Finding word = new Finding("hongqi", "A", 1, "关于校队的通知", "https://mp.weixin.qq.com/s/A",
                Finding.Kind.WRONG_WORD, "“校队”：…主任校队后…", "改为“校对”");
        Finding link = new Finding("hongqi", "A", 1, "关于校队的通知", "https://mp.weixin.qq.com/s/A",
                Finding.Kind.DEAD_LINK, "https://www.example.gov.cn/gone", "网页不存在（HTTP 404）：请修改或删除该链接");
        return List.of(
                new AccountStatus(hongqi, 12, Optional.of(Instant.parse("2026-12-20T02:00:00Z")),
                        new IdleDays(11, IdleDays.Flag.WARN), Optional.empty(), List.of(word, link)),
                new AccountStatus(quiet, 0, Optional.empty(), new IdleDays(-1, IdleDays.Flag.FAIL), Optional.empty(),
                        List.of()));
    }

    @Test
    void theWorkbookHasTheColumnsTheOfficeHandsUpwardAndOneRowPerFinding() throws IOException {
        byte[] xlsx = new InspectionExport("红旗区商务局", ZONE).xlsx(Q4, accounts());

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("账号巡查 2026-10-01至2026-12-31");
            assertThat(texts(sheet.getRow(0))).containsExactly("单位", "公众号", "期间更新数", "最近更新", "未更新天数",
                    "问题类型", "文章", "链接", "问题内容", "建议");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(12.0);
            assertThat(texts(first)).containsExactly("红旗区商务局", "红旗商务", "12.0", "2026-12-20", "11 天（提醒）", "错别字",
                    "关于校队的通知", "https://mp.weixin.qq.com/s/A", "“校队”：…主任校队后…", "改为“校对”");
            assertThat(texts(sheet.getRow(2))).element(5).isEqualTo("死链");
            Row quiet = sheet.getRow(3);
            assertThat(quiet.getCell(1).getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
            assertThat(quiet.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"点此\")");
            assertThat(texts(quiet).subList(3, 6)).containsExactly("无", "从未发布（不合格）", "");
        }
    }

    @Test
    void theCsvHasTheSameRowsNeutralisedWithAByteOrderMark() {
        String csv = new String(new InspectionExport("红旗区商务局", ZONE).csv(accounts()), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF单位,公众号,期间更新数,最近更新,未更新天数,问题类型,文章,链接,问题内容,建议\r\n");
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv).contains("红旗区商务局,红旗商务,12,2026-12-20,11 天（提醒）,死链,关于校队的通知,");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"");
    }

    @Test
    void theUnitIsTakenFromTheNewestFactsFileElseThePortalsElseAPlaceholder(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path dir)
            throws IOException {
        assertThat(UnitName.of(dir, List.of("", "红旗区商务局"))).isEqualTo("红旗区商务局");
        assertThat(UnitName.of(null, List.of())).isEqualTo(UnitName.FALLBACK);
        java.nio.file.Files.copy(java.nio.file.Path.of("config/report/example.yml"), dir.resolve("2026.yml"));
        assertThat(UnitName.of(dir, List.of("别的单位"))).isEqualTo("红旗区商务局");
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < InspectionExport.COLUMNS.size(); c++) {
            Cell cell = row.getCell(c);
            out.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                    : cell.getStringCellValue());
        }
        return out;
    }
}
