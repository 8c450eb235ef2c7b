package cn.gongkai.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes the annual report as Markdown or HTML from {@code templates/report/} (FreeMarker; the bundled copy when the
 * folder has none), or as Word (.docx). The labels come from the program, so an edited template cannot change them
 * without the V10 check noticing.
 */
public final class ReportWriter {

    /** The output formats, chosen by the file name's extension. */
    public enum Format {
        MARKDOWN("report.md.ftl"), HTML("report.html.ftlh"), DOCX(null);

        private final String template;

        Format(String template) {
            this.template = template;
        }

        /** The format of {@code FILE.md}, {@code FILE.html} or {@code FILE.docx}. */
        public static Format ofFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md")) {
                return MARKDOWN;
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return HTML;
            }
            if (name.endsWith(".docx")) {
                return DOCX;
            }
            throw new IllegalArgumentException("--out 须以 .md、.html 或 .docx 结尾：" + file);
        }
    }

    private final Configuration freemarker;

    public ReportWriter(Path templatesDir) {
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        Path dir = templatesDir.resolve("report");
        try {
            if (Files.isDirectory(dir)) {
                loaders.add(new FileTemplateLoader(dir.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report templates under " + dir, e);
        }
        loaders.add(new ClassTemplateLoader(ReportWriter.class, "/templates/report"));
        fm.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        fm.setDefaultEncoding("UTF-8");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setRecognizeStandardFileExtensions(true);
        this.freemarker = fm;
    }

    public byte[] write(AnnualReport report, Format format) {
        if (format == Format.DOCX) {
            return DocxWriter.write(report);
        }
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(format.template).process(model(report), out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + format.template, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + format.template + " failed: " + e.getMessage(), e);
        }
    }

    /** The text a reader sees in the written report (for Word, the document's text read back with POI). */
    public static String textOf(byte[] written, Format format) {
        if (format != Format.DOCX) {
            return new String(written, StandardCharsets.UTF_8);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(written));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the Word report", e);
        }
    }

    private static Map<String, Object> model(AnnualReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", r.title());
        m.put("year", r.year());
        m.put("unit", r.unit());
        m.put("preamble", r.preamble());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (AnnualReport.Section s : r.sections()) {
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (AnnualReport.Block b : s.blocks()) {
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("kind", b.kind());
                if (b instanceof AnnualReport.Paragraph p) {
                    block.put("text", p.text());
                } else if (b instanceof AnnualReport.Heading h) {
                    block.put("text", h.text());
                } else if (b instanceof AnnualReport.Table t) {
                    block.put("name", t.table().name());
                    block.put("matrix", t.table().matrix());
                    List<List<Map<String, Object>>> rows = new ArrayList<>();
                    for (List<ReportTable.Cell> row : t.table().rows()) {
                        List<Map<String, Object>> cells = new ArrayList<>();
                        for (ReportTable.Cell c : row) {
                            cells.add(Map.of("text", c.text(), "rowspan", c.rowspan(), "colspan", c.colspan(),
                                    "number", c.number()));
                        }
                        rows.add(cells);
                    }
                    block.put("rows", rows);
                }
                blocks.add(block);
            }
            sections.add(Map.of("heading", s.heading(), "blocks", blocks));
        }
        m.put("sections", sections);
        return m;
    }
}
