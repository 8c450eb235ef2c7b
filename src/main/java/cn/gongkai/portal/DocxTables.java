package cn.gongkai.portal;

import java.util.List;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Element;

/** A Markdown table as a Word table across the text width: one Word row per row, header cells in bold. */
final class DocxTables {

    /** Writes one cell's content into its paragraph. */
    interface CellWriter {
        void write(Element cell, XWPFParagraph paragraph, boolean header);
    }

    private DocxTables() {
    }

    static void write(XWPFDocument doc, Element table, CellWriter cells) {
        List<Element> rows = table.select("tr");
        int columns = rows.stream().mapToInt(r -> r.select("> th, > td").size()).max().orElse(0);
        if (columns == 0) {
            return;
        }
        XWPFTable word = doc.createTable(rows.size(), columns);
        word.setWidth("100%");
        word.setTableAlignment(TableRowAlign.CENTER);
        for (int r = 0; r < rows.size(); r++) {
            List<Element> source = rows.get(r).select("> th, > td");
            XWPFTableRow row = word.getRow(r);
            for (int c = 0; c < source.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                Element from = source.get(c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                cells.write(from, p, from.normalName().equals("th"));
            }
        }
    }
}
