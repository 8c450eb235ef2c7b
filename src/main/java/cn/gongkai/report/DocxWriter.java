package cn.gongkai.report;

import cn.gongkai.render.OfficialDocx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes the report as a Word document in the usual layout of government documents (GB/T 9704): A4, title in
 * 方正小标宋简体 二号, level-1 headings in 黑体 三号, level-2 in 楷体_GB2312 三号, body in 仿宋_GB2312 三号 at a fixed
 * 28-point line pitch; tables with their merged header cells (vertical and horizontal merges) in 仿宋_GB2312 五号.
 */
final class DocxWriter {
    private static final String TITLE_FONT = OfficialDocx.TITLE_FONT;
    private static final String HEADING_FONT = OfficialDocx.HEADING_FONT;
    private static final String SUBHEADING_FONT = OfficialDocx.SUBHEADING_FONT;
    private static final String BODY_FONT = OfficialDocx.BODY_FONT;
    private static final String LATIN_FONT = OfficialDocx.LATIN_FONT;
    private static final int TEXT_WIDTH = OfficialDocx.TEXT_WIDTH;

    private DocxWriter() {
    }

    static byte[] write(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficialDocx.page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(400);
            run(title, report.title(), TITLE_FONT, TITLE_FONT, 22);
            report.preamble().forEach(p -> body(doc, p));
            for (AnnualReport.Section s : report.sections()) {
                text(doc, s.heading(), HEADING_FONT, 16);
                for (AnnualReport.Block b : s.blocks()) {
                    if (b instanceof AnnualReport.Paragraph p) {
                        body(doc, p.text());
                    } else if (b instanceof AnnualReport.Heading h) {
                        text(doc, h.text(), SUBHEADING_FONT, 16);
                    } else if (b instanceof AnnualReport.Table t) {
                        table(doc, t.table());
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Word report of " + report.year(), e);
        }
    }

    private static void body(XWPFDocument doc, String text) {
        text(doc, text, BODY_FONT, 16);
    }

    private static void text(XWPFDocument doc, String text, String font, int size) {
        OfficialDocx.text(doc, text, font, size);
    }

    private static void run(XWPFParagraph p, String text, String eastAsia, String latin, int size) {
        OfficialDocx.run(p, text, eastAsia, latin, size);
    }

    private static void table(XWPFDocument doc, ReportTable t) {
        int[] widths = widths(t);
        XWPFTable table = doc.createTable(1, 1);
        CTTblPr pr = table.getCTTbl().getTblPr();
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        pr.getTblW().setType(STTblWidth.DXA);
        pr.getTblW().setW(BigInteger.valueOf(TEXT_WIDTH));
        table.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
        grid(table, widths);
        ReportTable.Placed[][] owner = owners(t);
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            while (row.getTableCells().size() > 0) {
                row.removeCell(0);
            }
            for (int c = 0; c < t.columns(); c += owner[r][c].cell().colspan()) {
                cell(row.addNewTableCell(), owner[r][c], owner[r][c].row() == r, widths, c);
            }
        }
    }

    private static void grid(XWPFTable table, int[] widths) {
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
    }

    /** For each grid position, the placed cell that covers it (spanned cells cover several). */
    private static ReportTable.Placed[][] owners(ReportTable t) {
        ReportTable.Placed[][] owner = new ReportTable.Placed[t.rows().size()][t.columns()];
        for (ReportTable.Placed p : t.placed()) {
            for (int dr = 0; dr < p.cell().rowspan(); dr++) {
                for (int dc = 0; dc < p.cell().colspan(); dc++) {
                    owner[p.row() + dr][p.column() + dc] = p;
                }
            }
        }
        return owner;
    }

    /**
     * One Word cell at grid column {@code c} for the placed cell {@code p}: its width, spans and alignment; its text
     * only at the cell's {@code origin} row (rows below continue a vertical merge).
     */
    private static void cell(XWPFTableCell cell, ReportTable.Placed p, boolean origin, int[] widths, int c) {
        CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        int span = p.cell().colspan();
        int width = 0;
        for (int k = 0; k < span; k++) {
            width += widths[c + k];
        }
        tc.addNewTcW().setW(BigInteger.valueOf(width));
        tc.getTcW().setType(STTblWidth.DXA);
        if (span > 1) {
            tc.addNewGridSpan().setVal(BigInteger.valueOf(span));
        }
        if (p.cell().rowspan() > 1) {
            tc.addNewVMerge().setVal(origin ? STMerge.RESTART : STMerge.CONTINUE);
        }
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph para = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        para.setAlignment(p.cell().number() ? ParagraphAlignment.CENTER
                : p.cell().text().length() > 12 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        if (origin) {
            run(para, p.cell().text(), BODY_FONT, LATIN_FONT, 10);
        }
    }

    /** Grid column widths: label columns wider than number columns, adding up to the text width. */
    private static int[] widths(ReportTable t) {
        int cols = t.columns();
        int[] w = new int[cols];
        List<Integer> labels = switch (t.name()) {
            case "表二" -> List.of(2844);
            case "表三" -> List.of(700, 1050, 2894);
            default -> List.of();
        };
        int used = labels.stream().mapToInt(Integer::intValue).sum();
        int rest = cols - labels.size();
        for (int i = 0; i < cols; i++) {
            w[i] = i < labels.size() ? labels.get(i) : (TEXT_WIDTH - used) / rest;
        }
        return w;
    }
}
