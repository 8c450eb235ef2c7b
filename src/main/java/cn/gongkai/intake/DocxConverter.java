package cn.gongkai.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Turns a Word (.docx) file into an item file: text paragraphs, headings as Markdown headings, tables as Markdown
 * tables, list paragraphs as list items, and embedded pictures extracted as {@code image-N.ext} with their
 * description as alt text.
 *
 * <p>Front matter: staff may type it at the top of the document exactly as in a Markdown item (a paragraph
 * {@code ---}, lines {@code 字段: 值}, a paragraph {@code ---}). Fields it lacks are taken from {@code defaults}
 * (the inbox gives the category of its sub-folder), and a missing title from the Title-styled paragraph, else the
 * first level-1 heading, else the document properties; that paragraph is then left out of the body.
 */
final class DocxConverter {
    private static final Pattern HEADING = Pattern.compile("(?i)^(?:heading|标题)\\s*(\\d)$");

    private DocxConverter() {
    }

    /**
     * The conversion: Markdown text with front matter, images by the name the text uses, the original bytes, and
     * notes saying how the document was read (e.g. as a 红头文件).
     */
    record Converted(String markdown, Map<String, byte[]> images, byte[] source, List<String> notes) {
        Converted {
            notes = List.copyOf(notes);
        }
    }

    /** The file is not a readable Word file. */
    static final class DocxException extends RuntimeException {
        DocxException(String message, Throwable cause) {
            super(message, cause);
        }

        /** A Word file POI could not read, named by the failure's type and the first line of its message. */
        static DocxException unreadable(Exception e) {
            return new DocxException(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
    }

    static Converted convert(byte[] bytes, Path file) {
        return convert(bytes, file, Map.of());
    }

    static Converted convert(byte[] bytes, Path file, Map<String, String> defaults) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return new Converter(doc, defaults).run(bytes);
        } catch (IOException | RuntimeException e) {
            throw DocxException.unreadable(e);
        }
    }

    private static final class Converter {
        private final XWPFDocument doc;
        private final Map<String, String> defaults;
        private final Map<String, byte[]> images = new LinkedHashMap<>();
        private final List<String> frontMatter = new ArrayList<>();
        private final List<WordBlock> blocks = new ArrayList<>();
        private int title = -1;
        private int firstHeading = -1;

        Converter(XWPFDocument doc, Map<String, String> defaults) {
            this.doc = doc;
            this.defaults = defaults;
        }

        Converted run(byte[] source) {
            List<IBodyElement> elements = doc.getBodyElements();
            int start = readFrontMatter(elements);
            for (int i = start; i < elements.size(); i++) {
                IBodyElement e = elements.get(i);
                if (e instanceof XWPFParagraph p) {
                    paragraph(p);
                } else if (e instanceof XWPFTable t) {
                    table(t);
                }
            }
            WordItemText.Assembled text = WordItemText.assemble(frontMatter, new WordItemText.TitleSources(title,
                    firstHeading, doc.getProperties().getCoreProperties().getTitle()), blocks, defaults);
            return new Converted(text.markdown(), images, source, text.notes());
        }

        private int readFrontMatter(List<IBodyElement> elements) {
            int i = 0;
            while (i < elements.size() && elements.get(i) instanceof XWPFParagraph p && p.getText().isBlank()
                    && p.getRuns().stream().allMatch(r -> r.getEmbeddedPictures().isEmpty())) {
                i++;
            }
            if (i >= elements.size() || !(elements.get(i) instanceof XWPFParagraph first)
                    || !first.getText().strip().equals("---")) {
                return 0;
            }
            List<String> lines = new ArrayList<>();
            for (int j = i + 1; j < elements.size(); j++) {
                if (!(elements.get(j) instanceof XWPFParagraph p)) {
                    return 0;
                }
                String text = p.getText();
                if (text.strip().equals("---")) {
                    frontMatter.addAll(lines);
                    return j + 1;
                }
                lines.addAll(text.lines().toList());
            }
            return 0;
        }

        private void paragraph(XWPFParagraph p) {
            String text = p.getText().strip();
            String style = styleName(p);
            StringBuilder pictures = new StringBuilder();
            for (XWPFRun r : p.getRuns()) {
                for (XWPFPicture pic : r.getEmbeddedPictures()) {
                    String name = picture(pic);
                    if (name != null) {
                        String alt = pic.getDescription() == null ? "" : pic.getDescription().strip();
                        pictures.append(pictures.length() == 0 ? "" : "\n\n").append("![").append(WordBlock.escape(alt))
                                .append("](").append(name).append(")");
                    }
                }
            }
            WordBlock.Align align = align(p);
            if (!text.isEmpty()) {
                Matcher h = HEADING.matcher(style);
                if ((style.equalsIgnoreCase("title") || style.equals("标题")) && title < 0) {
                    title = blocks.size();
                    blocks.add(WordBlock.paragraph(text, align));
                } else if (style.equalsIgnoreCase("title") || style.equals("标题")) {
                    blocks.add(WordBlock.heading(1, text, align));
                } else if (h.matches()) {
                    int level = Math.max(1, Math.min(6, Integer.parseInt(h.group(1))));
                    if (level == 1 && firstHeading < 0) {
                        firstHeading = blocks.size();
                    }
                    blocks.add(WordBlock.heading(level, text, align));
                } else if (p.getNumID() != null) {
                    blocks.add(WordBlock.paragraph("- " + WordBlock.escape(text), text, align));
                } else {
                    blocks.add(WordBlock.paragraph(text, align));
                }
            }
            if (pictures.length() > 0) {
                blocks.add(WordBlock.pictures(pictures.toString()));
            }
        }

        private static WordBlock.Align align(XWPFParagraph p) {
            ParagraphAlignment a = p.getAlignment();
            if (a == ParagraphAlignment.CENTER) {
                return WordBlock.Align.CENTER;
            }
            return a == ParagraphAlignment.RIGHT || a == ParagraphAlignment.END ? WordBlock.Align.RIGHT
                    : WordBlock.Align.LEFT;
        }

        private String styleName(XWPFParagraph p) {
            String id = p.getStyleID();
            if (id == null) {
                return "";
            }
            XWPFStyle s = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
            String name = s == null || s.getName() == null ? id : s.getName();
            return name.strip();
        }

        private String picture(XWPFPicture pic) {
            XWPFPictureData data = pic.getPictureData();
            if (data == null) {
                return null;
            }
            String ext = data.suggestFileExtension() == null ? "bin"
                    : data.suggestFileExtension().toLowerCase(Locale.ROOT);
            if (ext.equals("jpeg")) {
                ext = "jpg";
            }
            String name = "image-" + (images.size() + 1) + "." + ext;
            images.put(name, data.getData());
            return name;
        }

        private void table(XWPFTable t) {
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTableRow r : t.getRows()) {
                rows.add(r.getTableCells().stream().map(XWPFTableCell::getText).toList());
            }
            if (!rows.isEmpty()) {
                blocks.add(WordBlock.table(rows));
            }
        }
    }
}
