package cn.gongkai.report;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 报区政府办 sheet of the ledger export: the year's sent rows, their state and link, formulas made inert. */
class PortalLedgerTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant MAY = Instant.parse("2023-05-12T02:00:00Z");
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    private Database db;
    private LedgerExport export;

    @BeforeEach
    void open() {
        db = Fixtures.memoryDatabase();
        export = new LedgerExport(db.ledger(), db.audit(), new Counter(db.ledgerStatistics(), ZONE, List.of("促消费")),
                new PortalLedger(db.portalDeliveries(), ZONE, List.of()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theWorkbookHasASheetOfTheYearsDeliveriesWithStateAndLink() throws Exception {
        long adopted = sent("促消费活动启动", MAY);
        db.portalDeliveries().decide(adopted, "qzfb", DeliveryState.ADOPTED, "https://www.hongqi.gov.cn/1.html", "王主任",
                Instant.parse("2023-05-13T01:30:00Z"));
        sent("第二篇", MAY.plusSeconds(3600));
        sent("明年的", Instant.parse("2024-01-02T02:00:00Z"));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.xlsx(2023)))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            var sheet = wb.getSheet(LedgerExport.PORTAL_SHEET);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(adopted);
            assertThat(text(first)).containsExactly(String.valueOf(adopted), "促消费活动启动", "促消费", "qzfb", "已采用",
                    "2023-05-12 10:00", "<m-" + adopted + "@gongkai.local>", "2023-05-13 09:30",
                    "https://www.hongqi.gov.cn/1.html");
            assertThat(text(sheet.getRow(2)).get(4)).isEqualTo("已报送");
            assertThat(text(sheet.getRow(2)).get(7)).isEmpty();
        }
    }

    @Test
    void aFormulaInATitleIsInertInTheCsvAndTextInTheWorkbook() throws Exception {
        sent(FORMULA, MAY);

        String csv = new String(export.portalCsv(2023), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF事项编号,标题,分类,报送单位,状态,报送时间,报送凭据,采用时间,链接\r\n");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",\"'=HYPERLINK(").doesNotContain(",=");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.xlsx(2023)))) {
            var title = wb.getSheet(LedgerExport.PORTAL_SHEET).getRow(1).getCell(1);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo(FORMULA);
        }
    }

    private long sent(String title, Instant at) {
        long id = db.items().insert(anItem().title(title).category("促消费").build(), ItemStatus.APPROVED, null, at)
                .id();
        PortalDelivery row = new PortalDelivery(id, "qzfb", "", DeliveryState.PREPARED,
                new DeliveryIdentity("<m-" + id + "@gongkai.local>", "gongkai-key-" + id), "", "", "", 1, "", "促消费", "", at,
                at, at.plusSeconds(120), null, null);
        assertThat(db.portalDeliveries().prepare(row)).isTrue();
        assertThat(db.portalDeliveries().sent(id, "qzfb", row.identity().messageId(), "", at)).isTrue();
        return id;
    }

    private static List<String> text(Row row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int c = 0; c < PortalLedger.COLUMNS.size(); c++) {
            var cell = row.getCell(c);
            cells.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
                    : cell.getStringCellValue());
        }
        return cells;
    }
}
