package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * District totals by unit and category, each unit's annual report draft and the district summary table (issue 19),
 * with two units on H2 — 商务局 (its 2025 facts filed and passing) and 教育局 (no 2025 facts; 2024 facts with a V1
 * error) — and a ledger row of an account no unit lists. The console and the command line share the one database:
 * the 全区 table's cells are what {@code counts --unit U} prints and add up to {@code counts}; the summary shows each
 * unit's figures, 未填写 and the worst finding; {@code report --unit U} drafts from that unit's own facts and counts;
 * unit roles get 404 on every new route; no facts file is written or shown to another unit.
 */
class DistrictReportsTest {
    @TempDir
    static Path dir;

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private static final String SHANGWU_FACTS = """
            单位: 红旗区商务局
            年度: 2025
            发布日期: 2026-01-20
            表二:
              行政规范性文件: [2, 0, 5]
              行政许可: 12
              行政事业性收费: 1.5
            表三:
              本年新收: [3, 0, 0, 0, 0, 0, 3]
              予以公开: [2, 0, 0, 0, 0, 0, 2]
              结转下年度: [1, 0, 0, 0, 0, 0, 1]
            表四:
              行政复议: [1, 0, 0, 0, 1]
              未经复议直接起诉: [0, 0, 0, 1, 1]
            存在的主要问题及改进情况: 商务局事实甲的问题。
            其他需要报告的事项: 无。
            """;
    private static final String JIAOYU_FACTS_2024 = """
            单位: 红旗区教育局
            年度: 2024
            发布日期: 2025-01-20
            表三:
              本年新收: [1, 0, 0, 0, 0, 0, 1]
            存在的主要问题及改进情况: 教育局事实乙的问题。
            其他需要报告的事项: 无。
            """;
    private static ConsoleFixture app;
    private static CliHarness cli;
    private static Staff office;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals: []
                categories: [招商引资, 教育教学, 其他]
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj], categories: [招商引资, 其他]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj], categories: [教育教学, 其他]}
                """, StandardCharsets.UTF_8);
        String db = "jdbc:h2:mem:districtreports" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        app = new ConsoleFixture(dir, CLOCK, db, Map.of(), config);
        cli = CliHarness.gongkai().withConfig(config).withEnv(Map.of("GONGKAI_DATABASE_URL", db,
                "GONGKAI_DATA_DIR", dir.resolve("data").toString(), "GONGKAI_SANDBOX", "on",
                "GONGKAI_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString()));
        char[] pw = ConsoleFixture.PASSWORD.toCharArray();
        app.wiring.users().add("钱巡查", Role.DISTRICT_INSPECTOR, null, pw);
        app.wiring.users().add("李主任", Role.OFFICE_DIRECTOR, "shangwu", pw);
        app.wiring.users().add("周主任", Role.OFFICE_DIRECTOR, "jiaoyu", pw);
        office = new Staff(app, "钱巡查");
        app.wiring.database().ledger().recordAll(List.of(row("swj", "a1", "招商引资", "2025-03-01T02:00:00Z"),
                row("swj", "a2", "招商引资", "2025-04-01T02:00:00Z"), row("swj", "a3", "其他", "2025-05-01T02:00:00Z"),
                row("jyj", "b1", "教育教学", "2025-06-01T02:00:00Z"), row("old", "c1", "其他", "2025-02-01T02:00:00Z"),
                row("jyj", "b0", "教育教学", "2024-06-01T02:00:00Z")));
        Files.createDirectories(shangwuFacts().getParent());
        Files.writeString(shangwuFacts(), SHANGWU_FACTS, StandardCharsets.UTF_8);
        Files.createDirectories(jiaoyuFacts2024().getParent());
        Files.writeString(jiaoyuFacts2024(), JIAOYU_FACTS_2024, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        assertThat(Files.readString(shangwuFacts(), StandardCharsets.UTF_8)).isEqualTo(SHANGWU_FACTS);
        assertThat(Files.readString(jiaoyuFacts2024(), StandardCharsets.UTF_8)).isEqualTo(JIAOYU_FACTS_2024);
        assertThat(app.factsDir.resolve("jiaoyu").resolve("2025.yml")).as("nothing wrote 教育局's facts").doesNotExist();
    }

    private static Path shangwuFacts() {
        return app.factsDir.resolve("shangwu").resolve("2025.yml");
    }

    private static Path jiaoyuFacts2024() {
        return app.factsDir.resolve("jiaoyu").resolve("2024.yml");
    }

    @Test
    void theCategoryTableIsEachUnitsCountsAndAddsUpToTheDistrict() throws Exception {
        String page = office.get("/district?year=2025").body();
        List<String> head = head(page, "district-categories");
        Map<String, Integer> shangwu = line(head, cells(page, "district-categories", "红旗区商务局"));
        Map<String, Integer> jiaoyu = line(head, cells(page, "district-categories", "红旗区教育局"));
        Map<String, Integer> unassigned = line(head, cells(page, "district-categories", "（未归属任何单位）"));
        Map<String, Integer> total = line(head, cells(page, "district-categories", "全区合计"));

        assertThat(head).containsExactly("单位", "招商引资", "教育教学", "其他", "合计");
        assertThat(shangwu).isEqualTo(countsOf("--unit", "shangwu")).containsEntry("合计", 3).containsEntry("招商引资", 2);
        assertThat(jiaoyu).isEqualTo(countsOf("--unit", "jiaoyu")).containsEntry("合计", 1);
        assertThat(total).isEqualTo(countsOf()).containsEntry("合计", 5);
        assertThat(unassigned).containsEntry("其他", 1).containsEntry("合计", 1);
        for (String column : head.subList(1, head.size())) {
            assertThat(shangwu.get(column) + jiaoyu.get(column) + unassigned.get(column)).as(column)
                    .isEqualTo(total.get(column));
        }
        assertThat(page).contains("href=\"/district/reports\"");
    }

    @Test
    void theCategoryDownloadsOpenWithTheFigures() throws Exception {
        var xlsx = office.bytes("/district/categories.xlsx?year=2025");
        String csv = new String(office.bytes("/district/categories.csv?year=2025").body(), StandardCharsets.UTF_8);

        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<List<String>> rows = sheet(xlsx.body());
        assertThat(rows.get(0)).containsExactly("单位", "招商引资", "教育教学", "其他", "合计");
        assertThat(rows).contains(List.of("红旗区商务局", "2", "0", "1", "3"), List.of("红旗区教育局", "0", "1", "0", "1"),
                List.of("（未归属任何单位）", "0", "0", "1", "1"), List.of("全区合计", "2", "1", "2", "5"));
        assertThat(csv).contains("单位,招商引资,教育教学,其他,合计\r\n", "红旗区商务局,2,0,1,3\r\n", "全区合计,2,1,2,5\r\n");
    }

    @Test
    void theSummaryShowsEachUnitsDraftFiguresAndChecksAndDownloadsAsATable() throws Exception {
        String page = office.get("/district/reports").body();
        List<String> head = head(page, "district-reports");

        assertThat(page).contains("2025 年各单位政府信息公开工作年度报告");
        Map<String, String> shangwu = texts(head, cells(page, "district-reports", "红旗区商务局"));
        assertThat(shangwu).containsEntry("事实文件", "已填写").containsEntry("政务新媒体发布（条）", "3")
                .containsEntry("行政规范性文件本年制发", "2").containsEntry("行政规范性文件现行有效", "5")
                .containsEntry("行政许可决定", "12").containsEntry("行政事业性收费（万元）", "1.5")
                .containsEntry("新收申请", "3").containsEntry("办理结果总计", "2").containsEntry("结转下年度", "1")
                .containsEntry("行政复议", "1").containsEntry("行政诉讼", "1").containsEntry("草稿", "Word");
        assertThat(shangwu.get("最严重的一项")).startsWith("提醒 V7");
        Map<String, String> jiaoyu = texts(head, cells(page, "district-reports", "红旗区教育局"));
        assertThat(jiaoyu).containsEntry("事实文件", "未填写").containsEntry("政务新媒体发布（条）", "1")
                .containsEntry("行政许可决定", "").containsEntry("草稿", "");
        Map<String, String> total = texts(head, cells(page, "district-reports", "合计（2 个单位）"));
        assertThat(total).containsEntry("事实文件", "1 / 2").containsEntry("政务新媒体发布（条）", "4")
                .containsEntry("行政许可决定", "12");

        String lastYear = office.get("/district/reports?year=2024").body();
        Map<String, String> failing = texts(head, cells(lastYear, "district-reports", "红旗区教育局"));
        assertThat(failing.get("核对")).as("V1 in 自然人 and in 总计").contains("（错误 2 项）");
        assertThat(failing.get("最严重的一项")).startsWith("错误 V1");
        assertThat(failing.get("草稿")).isEmpty();

        List<List<String>> rows = sheet(office.bytes("/district/reports/summary.xlsx?year=2025").body());
        assertThat(rows.get(0)).startsWith("单位", "事实文件", "政务新媒体发布（条）", "推送（次）", "行政规范性文件本年制发");
        assertThat(rows.get(1)).startsWith("红旗区商务局", "已填写", "3");
        assertThat(rows.get(1).get(rows.get(0).indexOf("行政许可决定"))).isEqualTo("12");
        assertThat(rows.get(2)).startsWith("红旗区教育局", "未填写", "1");
        assertThat(rows.get(3)).startsWith("合计（2 个单位）", "1 个单位已填写", "4");
    }

    @Test
    void eachUnitsDraftDownloadsAsItsOwnPageGivesItAndAFailingOneIsRefused() throws Exception {
        var docx = office.bytes("/district/reports/draft.docx?unit=shangwu&year=2025");

        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("红旗区商务局2025年政府信息公开工作年度报告");
        }
        var failing = office.get("/district/reports/draft.docx?unit=jiaoyu&year=2024");
        assertThat(failing.statusCode()).isEqualTo(302);
        assertThat(office.get("/district/reports?year=2024").body()).contains("红旗区教育局的年报草稿核对发现错误");
        office.get("/district/reports/draft.docx?unit=jiaoyu&year=2025");
        assertThat(office.get("/district/reports?year=2025").body()).contains("红旗区教育局还没有填写 2025 年的事实文件");
        assertThat(office.get("/district/reports/draft.docx?unit=tiyu&year=2025").statusCode()).isEqualTo(404);
    }

    @Test
    void unitRolesFindNoneOfTheNewRoutes() throws Exception {
        for (String name : List.of("李主任", "周主任")) {
            Staff unit = new Staff(app, name);
            for (String path : List.of("/district/reports", "/district/reports?year=2025",
                    "/district/reports/summary.xlsx?year=2025", "/district/reports/draft.docx?unit=shangwu&year=2025",
                    "/district/reports/draft.docx?unit=jiaoyu&year=2024", "/district/categories.xlsx?year=2025",
                    "/district/categories.csv?year=2025")) {
                var answer = unit.get(path);
                assertThat(answer.statusCode()).as(name + " " + path).isEqualTo(404);
                assertThat(answer.body()).doesNotContain("商务局事实甲", "教育局事实乙", "红旗区教育局", "全区合计");
            }
        }
    }

    @Test
    void reportForAUnitDraftsFromItsOwnFactsAndCounts() throws Exception {
        Path out = dir.resolve("out").resolve("商务局.md");
        var shangwu = cli.run("report", "--year", "2025", "--unit", "shangwu", "--out", out.toString());
        var jiaoyu = cli.run("report", "--year", "2025", "--unit", "jiaoyu", "--out", dir.resolve("教育局.md").toString());
        var unnamed = cli.run("report", "--year", "2025", "--out", dir.resolve("x.md").toString());

        assertThat(shangwu.code()).as(shangwu.err()).isZero();
        assertThat(shangwu.out()).contains("红旗区商务局：已生成", "2025 年主动公开 3 条");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("红旗区商务局2025年政府信息公开工作年度报告",
                "主动公开各类政务信息3条", "商务局事实甲的问题").doesNotContain("教育局");
        assertThat(jiaoyu.code()).isEqualTo(1);
        assertThat(jiaoyu.err()).contains("红旗区教育局：", app.factsDir.resolve("jiaoyu").resolve("2025.yml").toString(),
                "文件不存在").doesNotContain("商务局事实甲", "shangwu");
        assertThat(dir.resolve("教育局.md")).doesNotExist();
        assertThat(unnamed.code()).isEqualTo(1);
        assertThat(unnamed.err()).contains("配置了多个单位", "--unit", "shangwu 红旗区商务局", "jiaoyu 红旗区教育局");
    }

    @Test
    void reportDistrictWritesTheSummaryTable() throws Exception {
        Path out = dir.resolve("汇总").resolve("全区.xlsx");
        var run = cli.run("report", "--year", "2025", "--district", "--out", out.toString());
        var wrongType = cli.run("report", "--year", "2025", "--district", "--out", dir.resolve("全区.docx").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("全区政府信息公开工作年度报告汇总表", "2 个单位", "1 个已填写事实文件", "主动公开合计 4 条");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("全区政府信息公开工作年度报告汇总表");
        }
        List<List<String>> rows = sheet(Files.readAllBytes(out));
        assertThat(rows.get(1)).startsWith("红旗区商务局", "已填写", "3");
        assertThat(rows.get(2)).startsWith("红旗区教育局", "未填写", "1");
        assertThat(wrongType.code()).isEqualTo(1);
        assertThat(wrongType.err()).contains(".xlsx");
        assertThat(dir.resolve("全区.docx")).doesNotExist();
    }

    /** {@code counts --year 2025 ARGS --format json}: its categories and 合计. */
    private static Map<String, Integer> countsOf(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("counts", "--year", "2025", "--format", "json"));
        all.addAll(List.of(args));
        var run = cli.run(all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<String, Integer> out = new LinkedHashMap<>();
        json.get("by").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        for (String c : List.of("招商引资", "教育教学", "其他")) {
            out.putIfAbsent(c, 0);
        }
        out.put("合计", json.get("articles").asInt());
        return out;
    }

    private static Map<String, Integer> line(List<String> head, List<String> cells) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 1; i < head.size(); i++) {
            out.put(head.get(i), Integer.parseInt(cells.get(i)));
        }
        return out;
    }

    private static Map<String, String> texts(List<String> head, List<String> cells) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < head.size(); i++) {
            out.put(head.get(i), cells.get(i));
        }
        return out;
    }

    /** The head cells of the table in the card {@code card}. */
    private static List<String> head(String page, String card) {
        int at = page.indexOf("<tr>", page.indexOf("id=\"" + card + "\""));
        List<String> out = new ArrayList<>();
        for (String th : page.substring(at, page.indexOf("</tr>", at)).split("<th>")) {
            if (th.contains("</th>")) {
                out.add(th.substring(0, th.indexOf("</th>")).strip());
            }
        }
        return out;
    }

    /** The text of each cell of the row of the card's table whose first cell is {@code first}. */
    private static List<String> cells(String page, String card, String first) {
        int from = page.indexOf("id=\"" + card + "\"");
        int end = page.indexOf("</table>", from);
        for (String tr : page.substring(from, end).split("<tr")) {
            List<String> cells = new ArrayList<>();
            for (String td : tr.split("<td>")) {
                if (td.contains("</td>")) {
                    cells.add(td.substring(0, td.indexOf("</td>")).replaceAll("<[^>]+>", "").strip());
                }
            }
            if (!cells.isEmpty() && cells.get(0).equals(first)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + first + " in " + card + ": " + page);
    }

    /** Every row of the first sheet, numbers as integers where they are whole. */
    private static List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row r : sheet) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    Cell cell = r.getCell(c);
                    row.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
                            .toPlainString() : cell.getStringCellValue());
                }
                out.add(row);
            }
        }
        return out;
    }

    private static LedgerEntry row(String account, String key, String category, String when) {
        return new LedgerEntry(0, null, account, LedgerEntry.UNKNOWN_MODE, null, null, 1, "", key, category, "",
                Instant.parse(when), LedgerSource.IMPORT, key, null, null);
    }
}
