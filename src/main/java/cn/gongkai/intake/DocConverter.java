package cn.gongkai.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.PicturesTable;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Picture;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Turns a Word 97–2003 (.doc) file into an item file, as {@link DocxConverter} does for .docx: paragraphs; headings
 * by their style ("heading 2", "标题 2") or outline level, or by 公文 numbering (a short paragraph "一、…" is a
 * level-2 heading, "（一）…" level 3); bold runs as {@code **bold**}; list paragraphs as list items; tables as
 * Markdown tables; and inline pictures extracted as {@code image-N.ext}, their caption (the paragraph right after
 * a picture that starts with 图, or a short centered one) becoming the picture's alt text. The front matter and
 * title rules are those of {@link WordItemText}.
 */
final class DocConverter {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(?:heading|标题)\\s*(\\d)$");
    private static final Pattern LEVEL_2 = Pattern.compile("^[一二三四五六七八九十]{1,3}、.*");
    private static final Pattern LEVEL_3 = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)].*");
    /** A numbered paragraph is a heading only when it is this short and is not a sentence. */
    private static final int HEADING_CHARS = 30;
    private static final int CAPTION_CHARS = 40;
    private static final String PUNCTUATION = "。，；：、！？,.;:!?（）()";

    private DocConverter() {
    }

    static DocxConverter.Converted convert(byte[] bytes, Map<String, String> defaults) {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            return new Converter(doc, defaults).run(bytes);
        } catch (IOException | RuntimeException e) {
            throw DocxConverter.DocxException.unreadable(e);
        }
    }

    private static final class Converter {
        private final HWPFDocument doc;
        private final Map<String, String> defaults;
        private final Map<String, byte[]> images = new LinkedHashMap<>();
        private final List<String> frontMatter = new ArrayList<>();
        private final List<WordBlock> blocks = new ArrayList<>();
        private int title = -1;
        private int firstHeading = -1;
        /** The index of the last picture block, while the next paragraph may still be its caption. */
        private int pictureBlock = -1;

        Converter(HWPFDocument doc, Map<String, String> defaults) {
            this.doc = doc;
            this.defaults = defaults;
        }

        DocxConverter.Converted run(byte[] source) {
            Range range = doc.getRange();
            int i = readFrontMatter(range);
            while (i < range.numParagraphs()) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table t = range.getTable(p);
                    table(t);
                    i += Math.max(1, t.numParagraphs());
                } else {
                    paragraph(p);
                    i++;
                }
            }
            String property = doc.getSummaryInformation() == null ? null : doc.getSummaryInformation().getTitle();
            WordItemText.Assembled text = WordItemText.assemble(frontMatter,
                    new WordItemText.TitleSources(title, firstHeading, property), blocks, defaults);
            return new DocxConverter.Converted(text.markdown(), images, source, text.notes());
        }

        /** Reads typed front matter (a paragraph ---, lines 字段: 值, a paragraph ---); the paragraph after it. */
        private int readFrontMatter(Range range) {
            int i = 0;
            while (i < range.numParagraphs() && plain(range.getParagraph(i).text()).isBlank()
                    && !hasPicture(range.getParagraph(i))) {
                i++;
            }
            if (i >= range.numParagraphs() || !plain(range.getParagraph(i).text()).strip().equals("---")) {
                return 0;
            }
            List<String> lines = new ArrayList<>();
            for (int j = i + 1; j < range.numParagraphs(); j++) {
                String text = plain(range.getParagraph(j).text());
                if (text.strip().equals("---")) {
                    frontMatter.addAll(lines);
                    return j + 1;
                }
                lines.add(text);
            }
            return 0;
        }

        private void paragraph(Paragraph p) {
            StringBuilder md = new StringBuilder();
            StringBuilder text = new StringBuilder();
            List<String> pictures = new ArrayList<>();
            int[] fields = {0};
            for (int r = 0; r < p.numCharacterRuns(); r++) {
                CharacterRun run = p.getCharacterRun(r);
                String picture = picture(run);
                if (picture != null) {
                    pictures.add(picture);
                    continue;
                }
                String t = plain(run.text(), fields);
                text.append(t);
                md.append(run.isBold() && !t.isBlank() ? bold(t) : WordBlock.escape(t));
            }
            String plain = text.toString().strip();
            WordBlock.Align align = align(p);
            if (!plain.isEmpty()) {
                if (pictureBlock >= 0 && isCaption(plain, align)) {
                    captionPictures(plain);
                } else {
                    textBlock(p, plain, md.toString().strip(), align);
                }
            }
            pictureBlock = -1;
            if (!pictures.isEmpty()) {
                pictureBlock = blocks.size();
                blocks.add(WordBlock.pictures(String.join("\n\n", pictures)));
            }
        }

        private void textBlock(Paragraph p, String plain, String markdown, WordBlock.Align align) {
            int level = headingLevel(p, plain);
            if (level == 0 && title < 0) {
                title = blocks.size();
                blocks.add(WordBlock.paragraph(plain, align));
            } else if (level > 0) {
                if (level == 1 && firstHeading < 0) {
                    firstHeading = blocks.size();
                }
                blocks.add(WordBlock.heading(level, plain, align));
            } else if (p.isInList()) {
                blocks.add(WordBlock.paragraph("- " + markdown, plain, align));
            } else {
                blocks.add(WordBlock.paragraph(markdown, plain, align));
            }
        }

        /** 0 for a Title-styled paragraph, 1–6 for a heading, -1 for body text. */
        private int headingLevel(Paragraph p, String plain) {
            StyleDescription style = doc.getStyleSheet() == null ? null
                    : doc.getStyleSheet().getStyleDescription(p.getStyleIndex());
            String name = style == null || style.getName() == null ? "" : style.getName().strip();
            if (name.equalsIgnoreCase("title") || name.equals("标题")) {
                return title < 0 ? 0 : 1;
            }
            var m = HEADING_STYLE.matcher(name);
            if (m.matches()) {
                return Math.max(1, Math.min(6, Integer.parseInt(m.group(1))));
            }
            if (p.getLvl() >= 0 && p.getLvl() < 6) {
                return p.getLvl() + 1;
            }
            boolean shortLine = plain.length() <= HEADING_CHARS
                    && plain.substring(0, plain.length() - 1).chars().noneMatch(c -> "。；，".indexOf(c) >= 0);
            if (shortLine && LEVEL_2.matcher(plain).matches()) {
                return 2;
            }
            return shortLine && LEVEL_3.matcher(plain).matches() ? 3 : -1;
        }

        private static boolean isCaption(String plain, WordBlock.Align align) {
            return plain.startsWith("图") && plain.length() <= CAPTION_CHARS
                    || align == WordBlock.Align.CENTER && plain.length() <= CAPTION_CHARS;
        }

        /** The caption becomes the alt text of the pictures just before it (the renderer prints it under them). */
        private void captionPictures(String caption) {
            WordBlock pics = blocks.get(pictureBlock);
            String alt = WordBlock.escape(caption);
            blocks.set(pictureBlock, WordBlock.pictures(pics.markdown().replace("![](", "![" + alt + "](")));
        }

        private boolean hasPicture(Paragraph p) {
            for (int r = 0; r < p.numCharacterRuns(); r++) {
                if (doc.getPicturesTable().hasPicture(p.getCharacterRun(r))) {
                    return true;
                }
            }
            return false;
        }

        /** The picture of a run, saved under its image-N name, as Markdown; null when the run has none. */
        private String picture(CharacterRun run) {
            PicturesTable table = doc.getPicturesTable();
            if (!table.hasPicture(run)) {
                return null;
            }
            Picture pic = table.extractPicture(run, false);
            if (pic == null || pic.getContent() == null || pic.getContent().length == 0) {
                return null;
            }
            String ext = pic.suggestFileExtension() == null || pic.suggestFileExtension().isEmpty() ? "bin"
                    : pic.suggestFileExtension().toLowerCase(Locale.ROOT);
            String name = "image-" + (images.size() + 1) + "." + ("jpeg".equals(ext) ? "jpg" : ext);
            images.put(name, pic.getContent());
            String alt = pic.getDescription() == null ? "" : pic.getDescription().strip();
            return "![" + WordBlock.escape(alt) + "](" + name + ")";
        }

        private void table(Table t) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < t.numRows(); r++) {
                TableRow row = t.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.numCells(); c++) {
                    cells.add(plain(row.getCell(c).text()).strip());
                }
                rows.add(cells);
            }
            if (!rows.isEmpty()) {
                blocks.add(WordBlock.table(rows));
            }
            pictureBlock = -1;
        }

        private static WordBlock.Align align(Paragraph p) {
            return switch (p.getJustification()) {
                case 1 -> WordBlock.Align.CENTER;
                case 2 -> WordBlock.Align.RIGHT;
                default -> WordBlock.Align.LEFT;
            };
        }
    }

    /**
     * Bold text as Markdown; punctuation at its ends goes outside the asterisks, where CommonMark still reads them as
     * emphasis next to Chinese text.
     */
    static String bold(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && (Character.isWhitespace(text.charAt(from)) || PUNCTUATION.indexOf(text.charAt(from)) >= 0)) {
            from++;
        }
        while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || PUNCTUATION.indexOf(text.charAt(to - 1)) >= 0)) {
            to--;
        }
        if (from == to) {
            return WordBlock.escape(text);
        }
        return WordBlock.escape(text.substring(0, from)) + "**" + WordBlock.escape(text.substring(from, to)) + "**"
                + WordBlock.escape(text.substring(to));
    }

    /**
     * The text of a .doc paragraph or run without Word's control characters: field codes (between the field start
     * and separator marks) are dropped, their results kept; cell and paragraph marks and picture anchors removed;
     * a manual line break becomes a space.
     */
    static String plain(String raw) {
        return plain(raw, new int[1]);
    }

    /** As {@link #plain(String)}, for one run of several: {@code fields} carries how deep in field codes it starts. */
    static String plain(String raw, int[] fields) {
        StringBuilder sb = new StringBuilder();
        int depth = fields[0];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u0013') {
                depth++;
            } else if (c == '\u0014' || c == '\u0015') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                if (c == '\u000b') {
                    sb.append(' ');
                } else if (c >= ' ' || c == '\t') {
                    sb.append(c);
                }
            }
        }
        fields[0] = depth;
        return sb.toString();
    }
}
