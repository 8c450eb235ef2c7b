package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemContent;
import cn.gongkai.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text files as staff hand them in (issue 17): each encoding Windows and Office write, Word 97 files, 红头文件 in
 * .doc and .docx, and the WPS and PDF files that are refused. The corpus is under
 * {@code src/test/resources/intake/corpus/text/} (see its README.txt for where each file comes from); files whose
 * bytes are easier to read as code are made here.
 */
class TextCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/intake/corpus/text");
    private static final String ITEM = "---\ntitle: 红旗区召开促消费工作推进会\ncategory: 促消费\n---\n会议部署了家电以旧换新工作。\n";

    @TempDir
    Path dir;
    private IntakeStore store;

    @BeforeEach
    void open() {
        store = new IntakeStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aGbkFileFromNotepadIsReadAndTheResultSaysSo() {
        ImportResult r = store.importFiles(CORPUS.resolve("gbk-notepad.md"));

        assertThat(r.problems()).isEmpty();
        assertThat(content(r).title()).isEqualTo("红旗区商务局召开促消费工作推进会");
        assertThat(content(r).body()).contains("部署家电以旧换新工作");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.toString()).contains("gbk-notepad.md", "[编码]",
                "按 GB18030（GBK）编码读取"));
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsRead() {
        ImportResult r = store.importFiles(CORPUS.resolve("utf16le-bom.md"));

        assertThat(r.problems()).isEmpty();
        assertThat(content(r).title()).isEqualTo("标题");
        assertThat(r.warnings()).extracting(ImportProblem::message).contains("按 UTF-16LE（带 BOM）编码读取");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-16BE,FEFF,UTF-16BE（带 BOM）", "UTF-8,EFBBBF,UTF-8（带 BOM）", "GB18030,'',GB18030（GBK）"})
    void eachEncodingWithOrWithoutItsMarkReadsTheSameItem(String charset, String bom, String said) throws IOException {
        Path file = dir.resolve("item-" + charset + ".md");
        byte[] text = ITEM.getBytes(Charset.forName(charset));
        byte[] mark = java.util.HexFormat.of().parseHex(bom);
        byte[] bytes = new byte[mark.length + text.length];
        System.arraycopy(mark, 0, bytes, 0, mark.length);
        System.arraycopy(text, 0, bytes, mark.length, text.length);
        Files.write(file, bytes);

        ImportResult r = store.importFiles(file);

        assertThat(r.problems()).isEmpty();
        assertThat(content(r).title()).isEqualTo("红旗区召开促消费工作推进会");
        assertThat(content(r).body()).isEqualTo("会议部署了家电以旧换新工作。");
        assertThat(r.warnings()).filteredOn(w -> w.field().equals("编码")).extracting(ImportProblem::message)
                .containsExactly("按 " + said + "编码读取");
    }

    @Test
    void plainUtf8IsReadWithoutANote() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.md"), ITEM, StandardCharsets.UTF_8);

        ImportResult r = store.importFiles(file);

        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).noneMatch(w -> w.field().equals("编码"));
    }

    @Test
    void aFileInNoKnownEncodingIsRefusedNamingTheFileTheLineAndTheFix() throws IOException {
        int at = ITEM.indexOf("category: ") + "category: ".length();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(ITEM.substring(0, at).getBytes(Charset.forName("GBK")));
        bytes.write(0x80); // starts no character in UTF-8 or GB18030
        bytes.writeBytes(ITEM.substring(at).getBytes(Charset.forName("GBK")));
        Path file = Files.write(dir.resolve("坏文件.md"), bytes.toByteArray());

        ImportResult r = store.importFiles(file);

        assertThat(r.newIds()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.toString()).contains("坏文件.md:3", "既不是 UTF-8 也不是 GB18030（GBK）编码",
                    "用记事本打开", "“编码”选 UTF-8");
        });
    }

    @Test
    void aWord97RedHeadDocumentMapsItsPartsAndDropsTheDistributionLines() {
        Path file = CORPUS.resolve("红头文件-通知.doc");

        ImportResult r = store.importer.importFile(file, "刘科员", "命令行", Map.of("category", "促消费"));

        assertThat(r.problems()).isEmpty();
        ItemContent c = content(r);
        assertThat(c.title()).isEqualTo("关于开展2023年家电以旧换新促消费活动的通知");
        assertThat(c.docNo()).isEqualTo("红商〔2023〕12号");
        assertThat(c.signature()).isEqualTo("红旗区商务局");
        assertThat(c.signedAt()).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(c.body()).startsWith("各街道办事处：").contains("## 一、活动时间", "## 二、活动内容",
                        "可享受补贴。")
                .doesNotContain("红旗区商务局文件", "抄送", "印发", "二〇二三年");
        assertThat(r.warnings()).extracting(ImportProblem::message)
                .anySatisfy(m -> assertThat(m).contains("按红头文件读取", "文号 红商〔2023〕12号"));
        assertThat(store.db.items().find(r.newIds().get(0)).orElseThrow().sourceKey()).startsWith("hongqi:doc:");
    }

    @Test
    void aRedHeadDocumentStillNeedsItsCategory() {
        ImportResult r = store.importFiles(CORPUS.resolve("红头文件-通知.doc"));

        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("红头文件-通知.doc", "[category]", "缺少必填字段 category"));
    }

    @Test
    void aWord97TableBecomesAMarkdownTable() throws IOException {
        DocxConverter.Converted c = DocConverter.convert(Files.readAllBytes(CORPUS.resolve("simple-table.doc")),
                Map.of("category", "其他"));

        assertThat(c.markdown()).contains("| Cell 1,1 | Cell 1,2 | Cell 1,3 |\n| --- | --- | --- |\n"
                + "| Cell 2,1 | Cell 2,2 | Cell 2,3 |", "This text is below the table.");
    }

    @Test
    void word97PicturesAreExtractedAndImported() {
        ImportResult r = store.importer.importFile(CORPUS.resolve("two_images.doc"), "刘科员", "命令行",
                Map.of("category", "其他"));

        assertThat(r.problems()).isEmpty();
        assertThat(content(r).images()).extracting(i -> i.fileName()).containsExactly("image-1.jpg", "image-2.png");
        assertThat(content(r).body()).contains("![](image-1.jpg)", "![](image-2.png)");
    }

    @Test
    void aDocxRedHeadDocumentWithTableAndPictureIsMapped() throws Exception {
        Path file = Files.write(dir.resolve("红头文件.docx"), redHeadDocx());

        ImportResult r = store.importer.importFile(file, "刘科员", "命令行", Map.of("category", "促消费"));

        assertThat(r.problems()).isEmpty();
        ItemContent c = content(r);
        assertThat(c.title()).isEqualTo("关于印发红旗区2024年春节促消费活动方案的通知");
        assertThat(c.docNo()).isEqualTo("红商〔2024〕3号");
        assertThat(c.signature()).isEqualTo("红旗区商务局");
        assertThat(c.signedAt()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(c.body()).startsWith("各街道办事处，区直各有关单位：")
                .contains("| 时间 | 地点 |\n| --- | --- |\n| 2月10日 | 人民广场 |", "](image-1.png)")
                .doesNotContain("抄送", "区政府办公室", "红旗区商务局文件", "2024年1月15日");
        assertThat(c.images()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"通知.wps,文件 → 另存为 → Word 文件(*.docx)", "统计.et,另存为 → Excel 文件(*.xlsx)",
            "汇报.dps,另存为 → Word 文件(*.docx)", "扫描件.pdf,找到这份文件的 Word 原稿"})
    void wpsAndPdfFilesAreRefusedSayingWhatToDo(String name, String fix) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});

        ImportResult r = store.importFiles(file);

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.toString()).startsWith(file.toString()).contains(fix);
        });
        assertThat(store.rowCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }

    @Test
    void theInboxMovesAWpsFileToFailedWithItsRefusal() throws IOException {
        Path inboxDir = dir.resolve("inbox");
        Files.createDirectories(inboxDir);
        Files.write(inboxDir.resolve("通知.wps"), new byte[] {1, 2, 3});
        Inbox inbox = new Inbox(inboxDir, store.importer, IntakeStore.CATEGORIES, IntakeStore.CLOCK, Duration.ZERO);

        Inbox.Scan scan = inbox.scanOnce();

        assertThat(scan.failed()).containsExactly("通知.wps");
        assertThat(Files.readString(inboxDir.resolve("failed").resolve("通知.wps.errors.txt")))
                .contains("通知.wps", "在 WPS 中点 文件 → 另存为 → Word 文件(*.docx)");
    }

    @Test
    void aWordFileThatIsNotOneIsRefusedWithTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("改了扩展名.doc"), "这不是 Word 文件", StandardCharsets.UTF_8);

        ImportResult r = store.importFiles(file);

        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("改了扩展名.doc", "无法读取 Word 文件", "另存为 → Word 文件(*.docx)"));
    }

    private ItemContent content(ImportResult r) {
        assertThat(r.newIds()).hasSize(1);
        return store.db.items().find(r.newIds().get(0)).orElseThrow().content();
    }

    /** A 红头文件 as an office types it in Word: organ header, 文号, a two-line title, table, picture, 落款. */
    static byte[] redHeadDocx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            line(doc, "红旗区商务局文件", ParagraphAlignment.CENTER);
            line(doc, "", ParagraphAlignment.CENTER);
            line(doc, "红商（2024）3号", ParagraphAlignment.CENTER);
            line(doc, "━━━━━━━━━━━━━━━━", ParagraphAlignment.CENTER);
            line(doc, "关于印发红旗区2024年春节", ParagraphAlignment.CENTER);
            line(doc, "促消费活动方案的通知", ParagraphAlignment.CENTER);
            line(doc, "各街道办事处，区直各有关单位：", ParagraphAlignment.LEFT);
            line(doc, "现将《红旗区2024年春节促消费活动方案》印发给你们，请认真贯彻落实。", ParagraphAlignment.BOTH);
            XWPFTable table = doc.createTable(2, 2);
            String[][] cells = {{"时间", "地点"}, {"2月10日", "人民广场"}};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            XWPFParagraph photo = doc.createParagraph();
            try (var in = new ByteArrayInputStream(Fixtures.png(640, 400, 0xCC3333))) {
                photo.createRun().addPicture(in, Document.PICTURE_TYPE_PNG, "现场.png", Units.toEMU(320),
                        Units.toEMU(200));
            }
            line(doc, "红旗区商务局", ParagraphAlignment.RIGHT);
            line(doc, "2024年1月15日", ParagraphAlignment.RIGHT);
            line(doc, "", ParagraphAlignment.LEFT);
            line(doc, "抄送：区政府办公室。", ParagraphAlignment.LEFT);
            line(doc, "红旗区商务局办公室                 2024年1月15日印发", ParagraphAlignment.LEFT);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void line(XWPFDocument doc, String text, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        if (!text.isEmpty()) {
            p.createRun().setText(text);
        }
    }

    @Test
    void listOfCorpusFilesIsKnown() throws IOException {
        try (var s = Files.list(CORPUS)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("README.txt",
                    "gbk-notepad.md", "simple-table.doc", "two_images.doc", "utf16le-bom.md", "红头文件-通知.doc");
        }
    }
}
