package cn.gongkai.portal;

import cn.gongkai.render.MarkdownTree;
import cn.gongkai.render.OfficialDocx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes an item's Markdown body into the Word file in the 信息 format: headings in 黑体 and 楷体 by rank, paragraphs
 * in 仿宋 with bold and italic kept, lists with their markers, tables as Word tables, each picture centred at its
 * place (after the paragraph that holds it) scaled to the text width with its caption below, footnote references
 * as [注n]. Text from the Markdown, raw HTML included, only ever becomes Word text.
 */
final class DocxBody {
    /** EMU per twentieth of a point, and per pixel at 96 dpi. */
    private static final int EMU_PER_TWIP = 635;
    private static final int EMU_PER_PIXEL = 9525;
    private static final int INDENT = 2 * OfficialDocx.TEXT_SIZE * 20;
    private static final int CAPTION_SIZE = 14;
    private static final int TABLE_SIZE = 12;

    /** How a run of text looks. */
    private record Look(String font, int size, boolean bold, boolean italic) {
        Look withBold() {
            return new Look(font, size, true, italic);
        }

        Look withItalic() {
            return new Look(font, size, bold, true);
        }
    }

    private static final Look BODY = new Look(OfficialDocx.BODY_FONT, OfficialDocx.TEXT_SIZE, false, false);
    private static final Look TABLE = new Look(OfficialDocx.BODY_FONT, TABLE_SIZE, false, false);

    private final XWPFDocument doc;
    private final PackagePictures pictures;
    private final Map<String, Integer> footnotes = new LinkedHashMap<>();
    private final List<PackagePictures.Picture> pending = new ArrayList<>();
    private final List<Integer> headingLevels = new ArrayList<>();

    DocxBody(XWPFDocument doc, PackagePictures pictures) {
        this.doc = doc;
        this.pictures = pictures;
    }

    /** Writes the body; returns the footnote labels in the order of their numbers ([注1] first). */
    List<String> write(Element body) {
        TreeSet<Integer> levels = new TreeSet<>();
        body.select("h1, h2, h3, h4, h5, h6").forEach(h -> levels.add(h.normalName().charAt(1) - '0'));
        headingLevels.addAll(levels);
        for (Element block : body.children()) {
            block(block, 0);
        }
        return List.copyOf(footnotes.keySet());
    }

    private void block(Element e, int level) {
        switch (e.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> inlineParagraph(e, heading(e), level);
            case "ul", "ol" -> list(e, level);
            case "blockquote" -> e.children().forEach(child -> block(child, level + 1));
            case "pre" -> preformatted(e, level);
            case "table" -> DocxTables.write(doc, e,
                    (cell, p, header) -> children(cell, p, header ? TABLE.withBold() : TABLE));
            case "hr" -> doc.createParagraph();
            default -> inlineParagraph(e, BODY, level);
        }
        flushPictures();
    }

    /** 黑体 for the highest heading level in the body, 楷体 for the next, bold 仿宋 below. */
    private Look heading(Element h) {
        int rank = headingLevels.indexOf(h.normalName().charAt(1) - '0');
        return switch (rank) {
            case 0 -> new Look(OfficialDocx.HEADING_FONT, OfficialDocx.TEXT_SIZE, false, false);
            case 1 -> new Look(OfficialDocx.SUBHEADING_FONT, OfficialDocx.TEXT_SIZE, false, false);
            default -> BODY.withBold();
        };
    }

    /** A paragraph of the element's text; an element holding only pictures gives the pictures alone. */
    private void inlineParagraph(Element e, Look look, int level) {
        if (e.text().isBlank()) {
            e.select("img").forEach(img -> pictures.forSource(img.attr("src")).ifPresent(this::picture));
            return;
        }
        inline(e, paragraph(level), look);
    }

    private XWPFParagraph paragraph(int level) {
        XWPFParagraph p = OfficialDocx.textParagraph(doc, OfficialDocx.TEXT_SIZE);
        if (level > 0) {
            p.setIndentationLeft(level * INDENT);
        }
        return p;
    }

    /** Each item one paragraph starting with its marker (• or its number); nested lists indented one step more. */
    private void list(Element list, int level) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered && list.hasAttr("start") ? parseStart(list.attr("start")) : 1;
        for (Element li : list.children()) {
            listItem(li, ordered ? number++ + ". " : "• ", level);
        }
    }

    private static int parseStart(String start) {
        try {
            return Integer.parseInt(start.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void listItem(Element li, String marker, int level) {
        XWPFParagraph current = null;
        String pendingMarker = marker;
        for (Node child : li.childNodes()) {
            if (child instanceof Element e && !e.normalName().equals("p") && isBlock(e)) {
                flushPictures();
                block(e, level + 1);
                current = null;
                continue;
            }
            if (current == null && child instanceof TextNode t && t.isBlank()) {
                continue;
            }
            if (current == null || child instanceof Element e && e.normalName().equals("p")) {
                current = paragraph(level);
                OfficialDocx.run(current, pendingMarker, BODY.font(), OfficialDocx.LATIN_FONT, BODY.size());
                pendingMarker = "";
            }
            inline(child, current, BODY);
        }
        flushPictures();
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "ul", "ol", "blockquote", "pre", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr" -> true;
            default -> false;
        };
    }

    private void preformatted(Element pre, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationLeft((level + 1) * INDENT);
        String[] lines = pre.wholeText().stripTrailing().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = OfficialDocx.run(p, lines[i], BODY.font(), "Courier New", 12);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    /** Appends the node's text as runs; pictures inside wait until the paragraph is done. */
    private void inline(Node node, XWPFParagraph p, Look look) {
        if (node instanceof TextNode t) {
            run(p, t.getWholeText(), look);
        } else if (node instanceof Element e) {
            inlineElement(e, p, look);
        }
    }

    private void inlineElement(Element e, XWPFParagraph p, Look look) {
        switch (e.normalName()) {
            case "strong", "b" -> children(e, p, look.withBold());
            case "em", "i" -> children(e, p, look.withItalic());
            case "br" -> p.createRun().addBreak();
            case "img" -> pictures.forSource(e.attr("src")).ifPresent(pic -> {
                if (!pending.contains(pic)) {
                    pending.add(pic);
                }
            });
            case "sup" -> footnoteMarker(e, p, look);
            case "a" -> link(e, p, look);
            default -> children(e, p, look);
        }
    }

    private void children(Element e, XWPFParagraph p, Look look) {
        for (Node child : e.childNodes()) {
            inline(child, p, look);
        }
    }

    private void footnoteMarker(Element sup, XWPFParagraph p, Look look) {
        String label = sup.attr(MarkdownTree.FOOTNOTE);
        if (label.isEmpty()) {
            children(sup, p, look);
            return;
        }
        int number = footnotes.computeIfAbsent(label, l -> footnotes.size() + 1);
        run(p, "[注" + number + "]", look).setSubscript(VerticalAlign.SUPERSCRIPT);
    }

    /** The link's text, then its address in brackets when the text does not already show it. */
    private void link(Element a, XWPFParagraph p, Look look) {
        children(a, p, look);
        String href = a.attr("href");
        if (href.startsWith("http") && !a.text().strip().equals(href)) {
            run(p, "（" + href + "）", look);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, Look look) {
        XWPFRun r = OfficialDocx.run(p, text, look.font(), OfficialDocx.LATIN_FONT, look.size());
        r.setBold(look.bold());
        r.setItalic(look.italic());
        return r;
    }

    private void flushPictures() {
        List<PackagePictures.Picture> waiting = List.copyOf(pending);
        pending.clear();
        waiting.forEach(this::picture);
    }

    /** The text a screen reader says for the picture: its alternative text, else its caption, else 图n. */
    private static void describe(XWPFRun run, XWPFPicture embedded, PackagePictures.Picture pic) {
        String text = !pic.image().alt().isEmpty() ? pic.image().alt()
                : !pic.image().caption().isEmpty() ? pic.image().caption() : "图" + pic.number();
        embedded.getCTPicture().getNvPicPr().getCNvPr().setDescr(text);
        run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(text);
    }

    /** The picture centred and scaled to the text width at most, its caption centred below. */
    private void picture(PackagePictures.Picture pic) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        long width = Math.min((long) pic.width() * EMU_PER_PIXEL, (long) OfficialDocx.TEXT_WIDTH * EMU_PER_TWIP);
        long height = width * pic.height() / pic.width();
        int type = pic.word().mimeType().equals("image/png") ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG;
        try {
            XWPFRun run = p.createRun();
            XWPFPicture embedded = run.addPicture(new ByteArrayInputStream(pic.word().bytes()), type,
                    pic.attachment().fileName(), (int) width, (int) height);
            describe(run, embedded, pic);
        } catch (IOException | InvalidFormatException e) {
            throw new PackageException("图" + pic.number() + "“" + pic.image().fileName()
                    + "”无法放入 Word 文件：" + e.getMessage(), e);
        }
        if (!pic.image().caption().isEmpty()) {
            XWPFParagraph caption = doc.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            OfficialDocx.run(caption, pic.image().caption(), OfficialDocx.SUBHEADING_FONT, OfficialDocx.LATIN_FONT,
                    CAPTION_SIZE);
        }
    }
}
