package cn.gongkai.portal;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.Note;
import cn.gongkai.render.MarkdownTree;
import cn.gongkai.render.OfficialDocx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * The article as a Word file in the usual 信息 format: the title centred in 方正小标宋 二号; a line
 * {@code 报送单位：红旗区商务局　　日期：2026年12月7日}; the body ({@link DocxBody}); 名词解释 (the item's notes, the
 * glossary notes, then the footnotes); the 落款 right-aligned; then 联系人 and 电话 from the portal's settings.
 */
final class DocxArticle {
    private static final int SPACE = 240;

    private DocxArticle() {
    }

    /**
     * The .docx bytes.
     *
     * @param unit    the 报送单位
     * @param date    the 日期 of the 报送
     * @param contact the 联系人, or empty
     * @param phone   the 电话, or empty
     */
    static byte[] write(PackageSource src, MarkdownTree tree, PackagePictures pictures, String unit, LocalDate date,
                        String contact, String phone) {
        ItemContent c = src.content();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficialDocx.page(doc);
            properties(doc, c.title(), unit, src.preparedAt());
            centred(doc, c.title(), OfficialDocx.TITLE_FONT, OfficialDocx.TITLE_SIZE).setSpacingAfter(SPACE);
            centred(doc, PackageText.unitLine(unit, date), OfficialDocx.SUBHEADING_FONT, OfficialDocx.TEXT_SIZE)
                    .setSpacingAfter(SPACE);
            List<String> referenced = new DocxBody(doc, pictures).write(tree.body());
            notes(doc, src.notes(), footnotes(tree, referenced));
            signature(doc, c);
            contact(doc, contact, phone);
            doc.write(out);
            return DocxStamp.at(out.toByteArray(), LocalDateTime.ofInstant(src.preparedAt(), src.zone()));
        } catch (IOException e) {
            throw new PackageException("稿件 " + src.itemId() + " 的 Word 文件无法生成：" + e.getMessage(), e);
        }
    }

    /** Title, author and dates of the file: the title, the unit, and the time the package was prepared. */
    private static void properties(XWPFDocument doc, String title, String unit, Instant prepared) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setCreator(unit.isEmpty() ? "gongkai" : unit);
        core.setCreated(Optional.of(Date.from(prepared)));
        core.setModified(Optional.of(Date.from(prepared)));
    }

    private static XWPFParagraph centred(XWPFDocument doc, String text, String font, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        OfficialDocx.run(p, text, font, font, size);
        return p;
    }

    /** The footnote texts numbered as the body referenced them, then those never referenced. */
    private static List<String> footnotes(MarkdownTree tree, List<String> referenced) {
        List<String> labels = new ArrayList<>(referenced);
        tree.footnotes().keySet().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            texts.add("[注" + (i + 1) + "] " + tree.footnotes().getOrDefault(labels.get(i), ""));
        }
        return texts;
    }

    private static void notes(XWPFDocument doc, List<Note> notes, List<String> footnotes) {
        if (notes.isEmpty() && footnotes.isEmpty()) {
            return;
        }
        OfficialDocx.text(doc, "名词解释", OfficialDocx.HEADING_FONT, OfficialDocx.TEXT_SIZE).setSpacingBefore(SPACE);
        for (Note n : notes) {
            OfficialDocx.text(doc, n.term() + "：" + n.explanation(), OfficialDocx.BODY_FONT, OfficialDocx.TEXT_SIZE);
        }
        for (String f : footnotes) {
            OfficialDocx.text(doc, f, OfficialDocx.BODY_FONT, OfficialDocx.TEXT_SIZE);
        }
    }

    /** The 落款 unit and 成文日期, each right-aligned, as in the WeChat article. */
    private static void signature(XWPFDocument doc, ItemContent c) {
        boolean first = true;
        for (String line : PackageText.signature(c)) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            if (first) {
                p.setSpacingBefore(2 * SPACE);
                first = false;
            }
            OfficialDocx.run(p, line, OfficialDocx.BODY_FONT, OfficialDocx.LATIN_FONT, OfficialDocx.TEXT_SIZE);
        }
    }

    private static void contact(XWPFDocument doc, String contact, String phone) {
        String line = PackageText.contactLine(contact, phone);
        if (!line.isEmpty()) {
            OfficialDocx.text(doc, line, OfficialDocx.BODY_FONT, OfficialDocx.TEXT_SIZE).setSpacingBefore(2 * SPACE);
        }
    }
}
