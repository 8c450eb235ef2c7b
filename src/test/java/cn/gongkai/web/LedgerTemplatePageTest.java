package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.report.CountBy;
import cn.gongkai.review.Role;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 台账 card's .xlsx template over HTTP: offered on the page, downloaded, filled in and uploaded again. */
class LedgerTemplatePageTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff director;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("李主任", Role.OFFICE_DIRECTOR);
        director = new Staff(app, "李主任");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTemplateOfferedOnTheStatsPageImportsItsExampleRow() throws Exception {
        assertThat(director.get("/stats?year=2023").body()).contains("href=\"/ledger/import-template.xlsx\"");

        HttpResponse<byte[]> r = director.bytes("/ledger/import-template.xlsx");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("标题");
            assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
        }
        int before = app.wiring.counter().count(2023, CountBy.CATEGORY).articles();
        HttpResponse<String> up = director.upload("/stats/ledger/import", Map.of("year", "2023"), "file",
                "历史发布记录模板.xlsx", r.body());

        assertThat(up.statusCode()).isEqualTo(302);
        assertThat(director.get("/stats?year=2023").body()).contains("已导入 1 条");
        assertThat(app.wiring.counter().count(2023, CountBy.CATEGORY).articles()).isEqualTo(before + 1);
    }

    @Test
    void aCsvWithChineseHeadersIsImportedAndAnUnknownHeaderIsNamed() throws Exception {
        director.upload("/stats/ledger/import", Map.of("year", "2021"), "file", "中文表头.csv",
                "发布日期,标题,栏目,链接,部门\n2021-06-01 09:00,中文表头的一篇,促消费,,办公室\n".getBytes(StandardCharsets.UTF_8));
        String imported = director.get("/stats?year=2021").body();
        director.upload("/stats/ledger/import", Map.of("year", "2021"), "file", "多一列.csv",
                "发布时间,标题,分类,链接,部门,阅读量\n2021-06-02 09:00,标题,促消费,,,12\n".getBytes(StandardCharsets.UTF_8));
        String refused = director.get("/stats?year=2021").body();

        assertThat(imported).contains("已导入 1 条", "中文表头的一篇");
        assertThat(refused).contains("多一列.csv 第 1 行（表头）", "阅读量");
    }
}
