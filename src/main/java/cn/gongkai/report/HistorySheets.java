package cn.gongkai.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads the rows of a history file, a UTF-8 CSV (Commons CSV) or the first sheet of an .xlsx (Apache POI). */
final class HistorySheets {
    /** RFC 4180 as Excel writes it; empty lines are kept as rows so that row numbers stay the editor's lines. */
    private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private HistorySheets() {
    }

    /**
     * The rows of a file, each with the line (CSV) or row number (.xlsx) staff see it on.
     *
     * @param lines {@code lines.get(i)} is where {@code cells.get(i)} starts
     */
    record Rows(List<List<String>> cells, List<Integer> lines) {
        Rows {
            cells = List.copyOf(cells);
            lines = List.copyOf(lines);
        }

        boolean isEmpty() {
            return cells.isEmpty();
        }
    }

    /**
     * Rows of a UTF-8 CSV (RFC 4180 quoting, optional BOM). An empty line is a row of one empty cell, so that line
     * numbers stay those an editor shows.
     *
     * @throws java.nio.charset.CharacterCodingException when the file is not UTF-8
     */
    static Rows csv(byte[] bytes) throws IOException {
        String text = cn.gongkai.intake.TextDecoding.decode(bytes).text(); // BOM, UTF-8, else GB18030 (Excel's CSV)
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSV_FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            for (long before = 0; hasNext(records, before); before = parser.getCurrentLineNumber()) {
                rows.add(records.next().toList());
                lines.add((int) before + 1);
            }
        }
        return new Rows(rows, lines);
    }

    /** Whether another record follows the line {@code before}; a quoting error names the line its record starts on. */
    private static boolean hasNext(Iterator<CSVRecord> records, long before) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new IOException("第 " + (before + 1) + " 行起的一行引号不配对，或右引号后还有别的字符；含逗号、引号或换行的内容"
                    + "须整格用英文双引号括起来，内容中的双引号写成两个（\"\"）", e);
        }
    }

    /**
     * Rows of the first sheet; a date cell reads as YYYY-MM-DD HH:MM. Every row is as wide as the header row at
     * least; empty cells past that width are dropped.
     */
    static Rows xlsx(byte[] bytes) throws IOException {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (InputStream in = new ByteArrayInputStream(bytes); Workbook wb = WorkbookFactory.create(in)) {
            List<List<String>> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            int width = -1;
            for (Row r : wb.getSheetAt(0)) {
                List<String> cells = cells(r, width, format);
                if (width < 0) {
                    width = cells.size();
                }
                rows.add(cells);
                lines.add(r.getRowNum() + 1);
            }
            return new Rows(rows, lines);
        }
    }

    /** The cells of one sheet row, as wide as {@code width} at least, less trailing blanks past it. */
    private static List<String> cells(Row r, int width, DataFormatter format) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(r.getLastCellNum(), width); c++) {
            Cell cell = r.getCell(c);
            if (cell == null) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                cells.add(HistoryImport.MINUTE.format(cell.getLocalDateTimeCellValue()));
            } else {
                cells.add(format.formatCellValue(cell));
            }
        }
        while (cells.size() > Math.max(width, 0) && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
