package cn.gongkai.report;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The evidence export: who approved the published text, corrections and deletions marked. */
class LedgerExportTest {
    private static final Instant MAY = Instant.parse("2023-05-12T02:00:00Z");

    private Database db;
    private LedgerExport export;

    @BeforeEach
    void open() {
        db = Fixtures.memoryDatabase();
        export = new LedgerExport(db.ledger(), db.audit(), new Counter(db.ledgerStatistics(), ZoneId.of("Asia/Shanghai"),
                List.of("招商引资", "促消费")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void approversAreThoseOfThePublishedTextInChainOrder() {
        long item = item("促消费活动启动");
        audit(item, "李主任", "office-director", "APPROVE", "old-hash");
        audit(item, "科员小王", "drafter", "SUBMIT", "new-hash");
        audit(item, "张科长", "dept-leader", "APPROVE", "new-hash");
        audit(item, "李主任", "office-director", "APPROVE", "new-hash");
        audit(item, "王副局长", "office-leader", "APPROVE", "new-hash");
        audit(item, "publisher", "", "PUBLISH", "new-hash");
        db.ledger().record(new LedgerEntry(item, "hongqi", "freepublish", "p1", "A1", 1, "https://mp.weixin.qq.com/s/1",
                "促消费活动启动", "促消费", "商贸流通股", MAY));

        List<List<String>> rows = export.rows(2023);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 7)).containsExactly("1", "2023-05-12 10:00", "促消费活动启动", "促消费", "商贸流通股",
                    "hongqi", "https://mp.weixin.qq.com/s/1");
            assertThat(r.get(7)).isEqualTo("张科长（业务部门分管领导）、李主任（办公室主任）、王副局长（办公室分管领导）");
            assertThat(r.get(8)).isEqualTo("本系统发布");
        });
    }

    @Test
    void correctionsAndDeletionsAreMarkedInTheCsvAndTheWorkbook() throws Exception {
        long first = item("原稿");
        long fix = item("更正稿");
        db.ledger().record(new LedgerEntry(first, "hongqi", "freepublish", "p1", "A1", 1, "u1", "原稿", "招商引资", "", MAY));
        long original = db.ledger().findByItem(first, "freepublish").orElseThrow().id();
        db.ledger().record(new LedgerEntry(fix, "hongqi", "freepublish", "p2", "A2", 1, "u2", "更正稿, 含逗号", "招商引资",
                "", MAY.plusSeconds(3600)).correcting(original));
        db.ledger().markDeleted(original, Instant.parse("2023-05-13T01:00:00Z"));

        String csv = new String(export.csv(2023), StandardCharsets.UTF_8);
        byte[] xlsx = export.xlsx(2023);

        assertThat(csv).contains("已于 2023-05-13 09:00 删除，仍计入发布数", "\"更正稿, 含逗号\"", "更正第 1 行，不重复计数");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("2023年发布台账");
            assertThat(wb.getSheetAt(0).getRow(2).getCell(9).getStringCellValue()).isEqualTo("更正第 1 行，不重复计数");
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3);
        }
    }

    @Test
    void aFormulaInADepartmentOrTitleComesOutInertInTheCsvAndAsTextInTheWorkbook() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        long item = item("标题");
        db.ledger().record(new LedgerEntry(item, "hongqi", "freepublish", "p1", "A1", 1, "https://mp.weixin.qq.com/s/1",
                "@SUM(1+1)", "促消费", formula, MAY));

        String csv = new String(export.csv(2023), StandardCharsets.UTF_8);
        byte[] xlsx = export.xlsx(2023);

        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertThat(row).startsWith("1,").contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
                .contains(",\"'@SUM(1+1)\",").doesNotContain(",=").doesNotContain(",@");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var cells = wb.getSheetAt(0).getRow(1);
            assertThat(cells.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(cells.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cells.getCell(4).getStringCellValue()).isEqualTo(formula);
            assertThat(cells.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
    }

    private long item(String title) {
        return db.items().insert(anItem().title(title).build(), ItemStatus.PUBLISHED, null, MAY).id();
    }

    private void audit(long item, String actor, String role, String decision, String hash) {
        db.audit().append(new AuditEntry(0, item, actor, role, decision, "IN_REVIEW", "APPROVED", 0, "", hash, "",
                MAY.minusSeconds(600)));
    }
}
