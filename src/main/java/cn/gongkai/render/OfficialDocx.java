package cn.gongkai.render;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The Word layout of government documents (GB/T 9704), shared by the annual report and the 报送 package: A4 with
 * the official margins, title in 方正小标宋简体 二号, level-1 headings in 黑体 三号, level-2 in 楷体_GB2312 三号, body in
 * 仿宋_GB2312 三号 justified at a fixed 28-point line pitch with a two-character first-line indent; Latin text in
 * Times New Roman.
 */
public final class OfficialDocx {
    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String LATIN_FONT = "Times New Roman";
    /** 二号, the title's size in points. */
    public static final int TITLE_SIZE = 22;
    /** 三号, the size of headings and body text in points. */
    public static final int TEXT_SIZE = 16;
    /** Text width of A4 with the margins below, in twentieths of a point. */
    public static final int TEXT_WIDTH = 8844;

    private OfficialDocx() {
    }

    /** Sets A4 and the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
    public static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1588));
        mar.setRight(BigInteger.valueOf(1474));
    }

    /** A new justified paragraph with a two-character first-line indent and a fixed 28-point line pitch. */
    public static XWPFParagraph textParagraph(XWPFDocument doc, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(size * 20 * 2);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        return p;
    }

    /** A text paragraph ({@link #textParagraph}) holding one run of the text in the given Chinese font. */
    public static XWPFParagraph text(XWPFDocument doc, String text, String font, int size) {
        XWPFParagraph p = textParagraph(doc, size);
        run(p, text, font, LATIN_FONT, size);
        return p;
    }

    /** Appends a run of the text with the Chinese and Latin fonts and the size in points. */
    public static XWPFRun run(XWPFParagraph p, String text, String eastAsia, String latin, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setFontFamily(eastAsia, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(latin, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(latin, XWPFRun.FontCharRange.hAnsi);
        return r;
    }
}
