package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.inspect.HandPublisher;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.ItemBuilder;
import cn.gongkai.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 全区 with two units (商务局 with one account, 教育局 with one): the district office sees each unit's year, items in
 * review, overdue and failed, each account's idle days and problems, the district's total, and the quarterly export
 * with each account under its own unit; a unit's office sees neither the page nor the menu entry, and its 账号巡查
 * shows only its own account.
 */
class DistrictPageTest {
    @TempDir
    static Path dir;

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    private static ConsoleFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = ConsoleFixture.configured(dir, CLOCK, """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals: []
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
                """);
        app.user("钱巡查", Role.DISTRICT_INSPECTOR, null);
        app.user("孙管理", Role.DISTRICT_ADMIN, null);
        app.user("李主任", Role.OFFICE_DIRECTOR, "shangwu");
        app.user("周主任", Role.OFFICE_DIRECTOR, "jiaoyu");
        app.user("吴管理", Role.ADMIN, "shangwu");

        // The year's ledger: 3 articles of 商务 (one of them deleted since), 1 of 教育, 1 of an account no unit lists.
        List<LedgerEntry> rows = new ArrayList<>();
        rows.add(row("swj", "a1", "2026-03-01T02:00:00Z"));
        rows.add(row("swj", "a2", "2026-04-01T02:00:00Z"));
        rows.add(row("swj", "a3", "2026-05-01T02:00:00Z"));
        rows.add(row("jyj", "b1", "2026-06-01T02:00:00Z"));
        rows.add(row("old", "c1", "2026-02-01T02:00:00Z"));
        rows.add(row("swj", "last-year", "2025-12-01T02:00:00Z"));
        app.wiring.database().ledger().recordAll(rows);
        long deleted = app.wiring.database().ledger().between(Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-05-02T00:00:00Z")).get(0).id();
        app.wiring.database().ledger().markDeleted(deleted, Instant.parse("2026-05-03T02:00:00Z"));

        // Open items: 商务 two in review, one of them created long ago (past 20 working days); 教育 one failed.
        var items = app.wiring.database().items();
        items.insert("shangwu", ItemBuilder.anItem().account("swj").title("商务一").build(), ItemStatus.IN_REVIEW,
                null, CLOCK.instant());
        items.insert("shangwu", ItemBuilder.anItem().account("swj").title("商务二").build(), ItemStatus.IN_REVIEW,
                null, Instant.parse("2026-09-01T02:00:00Z"));
        items.insert("jiaoyu", ItemBuilder.anItem().account("jyj").title("教育一").build(), ItemStatus.FAILED,
                null, CLOCK.instant());

        // 教育 published by hand on WeChat with a wrong word; 商务 never did.
        new HandPublisher(app.wiring.gateway(), CLOCK).publish("jyj", "关于布署秋季开学工作的通知",
                "<p>请各校按要求布署落实。</p>");
        app.wiring.inspector().run(java.util.Optional.empty());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDistrictOfficeSeesEveryUnitsYearAndEveryAccount() throws Exception {
        Staff office = new Staff(app, "钱巡查");
        String page = office.get("/district?year=2026").body();

        assertThat(office.get("/").body()).contains("href=\"/district\"");
        assertThat(page).contains("2026 年各单位情况", "红旗区商务局", "红旗区教育局", "（未归属任何单位）", "全区合计");
        // unit, accounts, published, deleted, in review, approved, overdue, failed, failing accounts, problems
        assertThat(cells(page, "红旗区商务局")).containsExactly("红旗区商务局", "1", "3", "1", "2", "0", "1", "0", "1", "0");
        assertThat(cells(page, "红旗区教育局")).containsExactly("红旗区教育局", "1", "1", "0", "0", "0", "0", "1", "0", "2");
        assertThat(cells(page, "（未归属任何单位）")).containsExactly("（未归属任何单位）", "0", "1", "0", "0", "0", "0", "0",
                "0", "0");
        assertThat(cells(page, "全区合计")).containsExactly("全区合计", "2", "5", "1", "2", "0", "1", "1", "1", "2");
        assertThat(page).contains("红旗商务", "天（不合格）", "红旗教育", "0 天");

        String lastYear = office.get("/district?year=2025").body();
        assertThat(cells(lastYear, "红旗区商务局").get(2)).isEqualTo("1");
        assertThat(office.get("/district?year=abc").body()).contains("2026 年各单位情况");
    }

    @Test
    void theQuarterlyExportNamesEachAccountsOwnUnit() throws Exception {
        Staff office = new Staff(app, "孙管理");
        var xlsx = office.bytes("/inspect/export.xlsx?quarter=2026Q4");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> unitAndAccount = new ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() > 0) {
                    unitAndAccount.add(r.getCell(0).getStringCellValue() + "/" + r.getCell(1).getStringCellValue());
                }
            }
            assertThat(unitAndAccount).contains("红旗区商务局/红旗商务", "红旗区教育局/红旗教育")
                    .allMatch(s -> s.equals("红旗区商务局/红旗商务") || s.equals("红旗区教育局/红旗教育"));
        }
    }

    @Test
    void aUnitsOfficeSeesNoDistrictPageAndOnlyItsOwnAccountsInspection() throws Exception {
        Staff shangwu = new Staff(app, "李主任");

        assertThat(shangwu.get("/").body()).doesNotContain("href=\"/district\"");
        var refused = shangwu.get("/district");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("红旗区教育局", "红旗教育");
        Staff unitAdmin = new Staff(app, "吴管理");
        assertThat(unitAdmin.get("/").body()).doesNotContain("href=\"/district\"");
        assertThat(unitAdmin.get("/district").statusCode()).as("a unit's 管理员 is no district role").isEqualTo(404);
        String inspect = shangwu.get("/inspect").body();
        assertThat(inspect).contains("红旗商务").doesNotContain("红旗教育", "布署");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                shangwu.bytes("/inspect/export.xlsx?quarter=2026Q4").body()))) {
            List<String> accounts = new ArrayList<>();
            for (Row r : wb.getSheetAt(0)) {
                accounts.add(r.getCell(1).getStringCellValue());
            }
            assertThat(accounts).as("its own account's rows, none of 教育局's").contains("红旗商务")
                    .doesNotContain("红旗教育");
        }
    }

    @Test
    void countsAnswerForTheCallersUnitAndTheDistrictChoosesOne() throws Exception {
        Staff shangwu = new Staff(app, "李主任");
        Staff office = new Staff(app, "钱巡查");

        assertThat(shangwu.get("/api/counts?year=2026").body()).contains("\"articles\":3");
        assertThat(shangwu.get("/api/counts?year=2026&unit=shangwu").body()).contains("\"articles\":3");
        var other = shangwu.get("/api/counts?year=2026&unit=jiaoyu");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("articles");
        assertThat(office.get("/api/counts?year=2026").body()).as("the district, the unassigned row included")
                .contains("\"articles\":5");
        assertThat(office.get("/api/counts?year=2026&unit=jiaoyu").body()).contains("\"articles\":1");
        assertThat(office.get("/api/counts?year=2026&unit=tiyu").statusCode()).isEqualTo(404);
    }

    /** The text of each cell of the table row whose first cell is {@code first}. */
    private static List<String> cells(String page, String first) {
        int at = page.indexOf("<tr class=\"district-", page.indexOf("id=\"district-units\""));
        while (at >= 0) {
            int end = page.indexOf("</tr>", at);
            List<String> cells = new ArrayList<>();
            for (String td : page.substring(at, end).split("<td>")) {
                if (td.contains("</td>")) {
                    cells.add(td.substring(0, td.indexOf("</td>")).replaceAll("<[^>]+>", "").strip());
                }
            }
            if (!cells.isEmpty() && cells.get(0).equals(first)) {
                return cells;
            }
            at = page.indexOf("<tr class=\"district-", end);
        }
        throw new AssertionError("no row " + first + " in " + page);
    }

    private static LedgerEntry row(String account, String key, String when) {
        return new LedgerEntry(0, null, account, LedgerEntry.UNKNOWN_MODE, null, null, 1, "", key, "招商引资", "",
                Instant.parse(when), LedgerSource.IMPORT, key, null, null);
    }
}
