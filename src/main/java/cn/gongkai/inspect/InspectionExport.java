package cn.gongkai.inspect;

import cn.gongkai.report.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly inspection export the office hands upward: one row per finding (an account without findings gets
 * one row), as CSV or XLSX. Every cell is text, neutralised like the ledger's (a cell starting with =, +, -, @, a tab
 * or a carriage return gets a leading quote), except 期间更新数, a number.
 */
public final class InspectionExport {
    public static final List<String> COLUMNS = List.of("单位", "公众号", "期间更新数", "最近更新", "未更新天数", "问题类型",
            "文章", "链接", "问题内容", "建议");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int UPDATES = 2;
    private static final int[] WIDTHS = {18, 18, 10, 12, 14, 18, 36, 44, 40, 36};

    private final java.util.function.Function<String, String> unitOfAccount;
    private final ZoneId zone;

    /** @param unit the name of the unit the accounts belong to (红旗区商务局) */
    public InspectionExport(String unit, ZoneId zone) {
        this(account -> unit, zone);
    }

    /** @param unitOfAccount the name of the unit (单位) an account id belongs to, for a district's several units */
    public InspectionExport(java.util.function.Function<String, String> unitOfAccount, ZoneId zone) {
        this.unitOfAccount = unitOfAccount;
        this.zone = zone;
    }

    /** The rows under {@link #COLUMNS}, plain text. */
    public List<List<String>> rows(List<AccountStatus> accounts) {
        List<List<String>> out = new ArrayList<>();
        for (AccountStatus s : accounts) {
            List<String> head = List.of(unitOfAccount.apply(s.account().id()), s.account().name(), Integer.toString(s.updates()),
                    s.lastUpdate().map(t -> DAY.format(t.atZone(zone))).orElse("无"), s.idle().text());
            if (s.findings().isEmpty()) {
                out.add(concat(head, List.of("", "", "", "", "")));
            }
            for (Finding f : s.findings()) {
                out.add(concat(head, List.of(f.kind().label(), f.title(), f.url(), f.problem(), f.suggestion())));
            }
        }
        return out;
    }

    /** UTF-8 CSV with a byte-order mark (Excel shows the Chinese text), cells neutralised. */
    public byte[] csv(List<AccountStatus> accounts) {
        StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(COLUMNS)).append("\r\n");
        for (List<String> row : rows(accounts)) {
            out.append(Csv.line(row)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The workbook: one sheet named for the period, a bold head row, text cells, 期间更新数 as a number. */
    public byte[] xlsx(InspectionPeriod period, List<AccountStatus> accounts) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("账号巡查 " + period.from() + "至" + period.to());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(COLUMNS.get(c));
                head.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            List<List<String>> rows = rows(accounts);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String v = rows.get(r).get(c);
                    if (c == UPDATES) {
                        row.createCell(c).setCellValue(Long.parseLong(v));
                    } else {
                        row.createCell(c).setCellValue(inert(v));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inspection export as XLSX", e);
        }
    }

    /** A text cell that no spreadsheet runs as a formula. */
    static String inert(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
