package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** Chinese headers import what English ones do; the downloadable template imports as it is, and not when empty. */
class HistoryTemplateTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final List<LedgerEntry> recorded = new ArrayList<>();

    /** A ledger that is empty and keeps what is recorded. */
    private LedgerRepository ledger() {
        return (LedgerRepository) Proxy.newProxyInstance(LedgerRepository.class.getClassLoader(),
                new Class<?>[] {LedgerRepository.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "between":
                            return List.of();
                        case "recordAll":
                            @SuppressWarnings("unchecked") List<LedgerEntry> rows = (List<LedgerEntry>) args[0];
                            recorded.addAll(rows);
                            return rows.size();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private HistoryImport importer() {
        return new HistoryImport(ledger(), ZONE, List.of("会议", "通知"), List.of("main"));
    }

    private List<LedgerEntry> importCsv(String csv) {
        recorded.clear();
        HistoryImport.Result r = importer().importUpload("历史.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).isEmpty();
        return List.copyOf(recorded);
    }

    @Test
    void chineseHeadersInAnotherOrderImportTheSameRowsAsEnglishOnes() {
        List<LedgerEntry> english = importCsv("published_at,title,category,url,department\n"
                + "2023-03-01 09:30,春季招聘,会议,https://x.cn/a,办公室\n2023-04-02 10:00,\"通知,二\",通知,,人事科\n");
        List<LedgerEntry> chinese = importCsv("标题,栏目,发布日期,部门,链接\n"
                + "春季招聘,会议,2023-03-01 09:30,办公室,https://x.cn/a\n\"通知,二\",通知,2023-04-02 10:00,人事科,\n");

        assertThat(english).hasSize(2);
        assertThat(chinese).isEqualTo(english);
        assertThat(chinese.get(1).title()).isEqualTo("通知,二");
        assertThat(chinese.get(1).department()).isEqualTo("人事科");
    }

    @Test
    void anUnknownHeaderIsNamedInTheRefusal() {
        HistoryImport.Result r = importer().importUpload("历史.csv",
                "发布时间,标题,分类,链接,部门,文章编号\n2023-03-01 09:30,标题,会议,,,12\n".getBytes(StandardCharsets.UTF_8));

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().asString()
                .contains("历史.csv 第 1 行（表头）", "不认识的列“文章编号”", "发布时间（published_at）");
    }

    @Test
    void theTemplateHasChineseHeadersAnExampleRowAndAGuideSheet() throws Exception {
        byte[] xlsx = new HistoryTemplate(List.of("会议", "通知"), List.of("main")).xlsx();

        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
            Sheet rows = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            rows.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("发布时间", "标题", "分类", "链接", "部门", "公众号");
            assertThat(rows.getLastRowNum()).isEqualTo(1);
            StringBuilder guide = new StringBuilder();
            wb.getSheetAt(1).forEach(r -> r.forEach(c -> guide.append(c.getStringCellValue()).append('\n')));
            assertThat(guide).contains("YYYY-MM-DD HH:MM", "会议、通知", "示例，导入前请删除");
        }
    }

    @Test
    void theTemplateAsDownloadedImportsItsExampleRow() {
        byte[] xlsx = new HistoryTemplate(List.of("会议", "通知"), List.of("main")).xlsx();

        HistoryImport.Result r = importer().importUpload("历史发布记录模板.xlsx", xlsx);

        assertThat(r.problems()).isEmpty();
        assertThat(r.added()).isEqualTo(1);
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.publishedAt()).isEqualTo(Instant.parse("2023-05-08T01:30:00Z"));
            assertThat(e.category()).isEqualTo("会议");
            assertThat(e.account()).isEqualTo("main");
            assertThat(e.department()).isEqualTo("办公室");
        });
    }

    @Test
    void theTemplateWithTheExampleRemovedImportsNothingAndSaysSo() throws Exception {
        byte[] xlsx = new HistoryTemplate(List.of("会议"), List.of("main")).xlsx();
        byte[] emptied;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).removeRow(wb.getSheetAt(0).getRow(1));
            wb.write(out);
            emptied = out.toByteArray();
        }

        HistoryImport.Result r = importer().importUpload("模板.xlsx", emptied);

        assertThat(r.ok()).isFalse();
        assertThat(recorded).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("模板.xlsx", "表头下面没有记录", "未导入任何内容");
    }
}
