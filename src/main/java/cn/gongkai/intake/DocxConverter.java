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
    private static final Pattern FIELD = Pattern.compile("^([a-z_]+)\\s*:");

    private DocxConverter() {
    }

    /** The conversion: Markdown text with front matter, images by the name the text uses, the original bytes. */
    record Converted(String markdown, Map<String, byte[]> images, byte[] source) {
    }

    /** The file is not a readable .docx. */
    static final class DocxException extends RuntimeException {
        DocxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Converted convert(byte[] bytes, Path file) {
        return convert(bytes, file, Map.of());
    }

    static Converted convert(byte[] bytes, Path file, Map<String, String> defaults) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return new Converter(doc, defaults).run(bytes);
        } catch (IOException | RuntimeException e) {
            throw new DocxException(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
    }

    private static final class Converter {
        private final XWPFDocument doc;
        private final Map<String, String> defaults;
        private final Map<String, byte[]> images = new LinkedHashMap<>();
        private final List<String> frontMatter = new ArrayList<>();
        private final List<String> blocks = new ArrayList<>();
        private String title;
        private String firstHeading;
        private int firstHeadingBlock = -1;

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
            Map<String, String> given = new LinkedHashMap<>();
            for (String line : frontMatter) {
                Matcher m = FIELD.matcher(line.strip());
                if (m.find()) {
                    given.put(m.group(1), line);
                }
            }
            List<String> header = new ArrayList<>(frontMatter);
            if (!given.containsKey("title")) {
                String t = title != null ? title : firstHeading;
                if (t == null) {
                    String prop = doc.getProperties().getCoreProperties().getTitle();
                    t = prop == null || prop.isBlank() ? null : prop.strip();
                } else if (title == null && firstHeadingBlock >= 0) {
                    blocks.remove(firstHeadingBlock);
                }
                if (t != null) {
                    header.add(0, "title: " + quote(t));
                }
            }
            defaults.forEach((k, v) -> {
                if (!given.containsKey(k)) {
                    header.add(k + ": " + quote(v));
                }
            });
            StringBuilder md = new StringBuilder("---\n");
            header.forEach(h -> md.append(h).append('\n'));
            md.append("---\n\n");
            md.append(String.join("\n\n", blocks)).append('\n');
            return new Converted(md.toString(), images, source);
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
                        pictures.append(pictures.length() == 0 ? "" : "\n\n").append("![").append(markdownText(alt))
                                .append("](").append(name).append(")");
                    }
                }
            }
            if (!text.isEmpty()) {
                if (style.equalsIgnoreCase("title") || style.equals("标题")) {
                    if (title == null) {
                        title = text;
                    } else {
                        blocks.add("# " + markdownText(text));
                    }
                } else {
                    Matcher h = HEADING.matcher(style);
                    if (h.matches()) {
                        int level = Math.max(1, Math.min(6, Integer.parseInt(h.group(1))));
                        if (level == 1 && firstHeading == null) {
                            firstHeading = text;
                            firstHeadingBlock = blocks.size();
                        }
                        blocks.add("#".repeat(level) + " " + markdownText(text));
                    } else if (p.getNumID() != null) {
                        blocks.add("- " + markdownText(text));
                    } else {
                        blocks.add(markdownText(text));
                    }
                }
            }
            if (pictures.length() > 0) {
                blocks.add(pictures.toString());
            }
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
            List<XWPFTableRow> rows = t.getRows();
            if (rows.isEmpty()) {
                return;
            }
            int cols = 0;
            for (XWPFTableRow r : rows) {
                cols = Math.max(cols, r.getTableCells().size());
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                List<XWPFTableCell> cells = rows.get(i).getTableCells();
                sb.append('|');
                for (int c = 0; c < cols; c++) {
                    String text = c < cells.size() ? cells.get(c).getText() : "";
                    String cell = markdownText(text.replaceAll("\\s*\\R\\s*", " ").strip());
                    sb.append(' ').append(cell.replace("|", "\\|"))
                            .append(" |");
                }
                sb.append('\n');
                if (i == 0) {
                    sb.append('|').append(" --- |".repeat(cols)).append('\n');
                }
            }
            blocks.add(sb.toString().stripTrailing());
        }

        /** Word text as literal Markdown text: the characters Markdown would read as markup get a backslash. */
        private static String markdownText(String text) {
            String s = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                    .replace("[", "\\[").replace("]", "\\]");
            if (s.startsWith("#") || s.startsWith("-") || s.startsWith("+") || s.startsWith(">")) {
                s = "\\" + s;
            }
            return s;
        }

        private static String quote(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
