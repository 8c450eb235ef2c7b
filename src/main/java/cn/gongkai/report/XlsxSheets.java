package cn.gongkai.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks of plain tables, the way the office's exports look: one sheet per table, a bold head row that stays in
 * view, column widths in characters, text cells that no spreadsheet runs as a formula (the rule of {@link Csv}: a
 * leading quote before =, +, -, @, a tab or a carriage return) and numbers as numbers.
 */
public final class XlsxSheets {
    /**
     * One table.
     *
     * @param widths column widths in characters (as many as there are columns)
     * @param rows   cells: a {@link String} is text, a {@link Number} a number, null an empty cell
     */
    public record Sheet(String name, List<String> columns, int[] widths, List<List<Object>> rows) {
        public Sheet {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (widths.length != columns.size()) {
                throw new IllegalArgumentException(widths.length + " widths for " + columns.size() + " columns");
            }
        }
    }

    private XlsxSheets() {
    }

    /** The workbook of {@code sheets}, in order. */
    public static byte[] write(List<Sheet> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Sheet s : sheets) {
                sheet(wb.createSheet(s.name()), bold, s);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + sheets.get(0).name(), e);
        }
    }

    private static void sheet(org.apache.poi.ss.usermodel.Sheet sheet, CellStyle bold, Sheet s) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < s.columns().size(); c++) {
            head.createCell(c).setCellValue(s.columns().get(c));
            head.getCell(c).setCellStyle(bold);
            sheet.setColumnWidth(c, s.widths()[c] * 256);
        }
        for (int r = 0; r < s.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> cells = s.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                cell(row.createCell(c), cells.get(c));
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static void cell(Cell cell, Object value) {
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.longValue());
        } else if (value != null) {
            cell.setCellValue(inert(value.toString()));
        }
    }

    /** A text cell that no spreadsheet runs as a formula. */
    public static String inert(String s) {
        return s.isEmpty() || !Csv.startsAFormula(s) ? s : "'" + s;
    }
}
