package cn.gongkai.report;

import cn.gongkai.report.HistoryColumns.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The .xlsx staff fill in to import the history ({@code gongkai ledger import-template}, the console's 台账 card): a
 * first sheet with the Chinese header row and one example row made of the configured categories and accounts (so it
 * imports as it is), and a second sheet 填写说明. {@link HistoryImport} reads the first sheet only.
 */
public final class HistoryTemplate {
    static final String SHEET = "历史发布记录";
    static final String GUIDE = "填写说明";
    private static final List<Field> COLUMNS = List.of(Field.PUBLISHED_AT, Field.TITLE, Field.CATEGORY, Field.URL,
            Field.DEPARTMENT, Field.ACCOUNT);

    private final List<String> categories;
    private final List<String> accounts;

    /** @param accounts the configured account ids */
    public HistoryTemplate(List<String> categories, List<String> accounts) {
        if (categories.isEmpty() || accounts.isEmpty()) {
            throw new IllegalArgumentException("the history template needs a category and an account");
        }
        this.categories = List.copyOf(categories);
        this.accounts = List.copyOf(accounts);
    }

    /** The example row, in the order of the header. */
    List<String> example() {
        return List.of("2023-05-08 09:30", "关于举办外贸企业政策培训会的通知（示例，请删除本行）", categories.get(0),
                "https://mp.weixin.qq.com/s/example", "办公室", accounts.get(0));
    }

    /** The workbook; all cells are text cells (never formulas). */
    public byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = bold(wb);
            Sheet sheet = wb.createSheet(SHEET);
            Row head = sheet.createRow(0);
            Row example = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(COLUMNS.get(c).chinese());
                head.getCell(c).setCellStyle(bold);
                example.createCell(c).setCellValue(example().get(c));
            }
            int[] widths = {18, 48, 12, 40, 12, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            guide(wb.createSheet(GUIDE), bold);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history template", e);
        }
    }

    private static CellStyle bold(XSSFWorkbook wb) {
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** The second sheet: one line per column, then the rules of the import. */
    private void guide(Sheet sheet, CellStyle bold) {
        List<List<String>> lines = List.of(
                List.of("列", "是否必填", "怎么填"),
                List.of("发布时间", "必填", "写作 YYYY-MM-DD HH:MM（北京时间），如 2023-05-08 09:30；也可以是 Excel 的日期时间格式"),
                List.of("标题", "必填", "文章标题，与公众号上一致"),
                List.of("分类", "必填", "只能是配置的分类之一：" + String.join("、", categories)),
                List.of("链接", "选填", "文章链接，以 http:// 或 https:// 开头；填写后可避免同一篇文章重复计数"),
                List.of("部门", "选填", "起草或提供信息的部门"),
                List.of("公众号", accounts.size() == 1 ? "选填" : "必填",
                        "公众号 id：" + String.join("、", accounts) + (accounts.size() == 1 ? "（只有一个公众号，可留空或删去此列）" : "")),
                List.of("", "", ""),
                List.of("说明", "", "第 2 行是示例，导入前请删除，从第 2 行起每行填写一篇文章；只读取第一张工作表"),
                List.of("", "", "列的顺序可以调整；表头也可以写英文 published_at,title,category,url,department,account"),
                List.of("", "", "任一行有问题时整个文件不导入，并逐行指出问题；重复导入同一文件不会重复计数"),
                List.of("", "", "台账中已有的文章（链接相同，或同一公众号同一天标题相同）会跳过并逐条列出"));
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < 3; c++) {
                row.createCell(c).setCellValue(lines.get(r).get(c));
                if (r == 0 || c == 0) {
                    row.getCell(c).setCellStyle(bold);
                }
            }
        }
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }
}
