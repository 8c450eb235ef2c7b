package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox folder with Markdown and a realistic Word file (Chinese text, headings, a table, two pictures). */
class InboxTest {
    @TempDir
    Path dir;

    private IntakeStore store;
    private Inbox inbox;

    @BeforeEach
    void open() {
        store = new IntakeStore();
        inbox = new Inbox(dir, store.importer, IntakeStore.CATEGORIES, IntakeStore.CLOCK, Duration.ZERO);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A Word file as staff write it: title, headings, paragraphs, a table, a bulleted line and two photos. */
    static byte[] realisticDocx(boolean withFrontMatter) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (withFrontMatter) {
                for (String line : List.of("---", "category: 促消费", "author: 红旗区商务局", "doc_no: 红商〔2023〕15号",
                        "---")) {
                    doc.createParagraph().createRun().setText(line);
                }
            }
            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText("红旗区举办2023年夏季促消费活动");
            doc.createParagraph().createRun().setText("为进一步激发消费活力，红旗区商务局于6月10日在人民广场举办夏季促消费活动，"
                    + "全区42家商贸企业参加。");
            XWPFParagraph heading = doc.createParagraph();
            heading.setStyle("Heading2");
            heading.createRun().setText("一、活动安排");
            XWPFTable table = doc.createTable(3, 3);
            String[][] cells = {{"时间", "地点", "内容"}, {"6月10日", "人民广场", "家电以旧换新"},
                    {"6月11日", "中心商业街", "夜间消费集市"}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            XWPFParagraph photo1 = doc.createParagraph();
            try (var in = new ByteArrayInputStream(Fixtures.png(640, 400, 0xCC3333))) {
                photo1.createRun().addPicture(in, Document.PICTURE_TYPE_PNG, "现场.png", Units.toEMU(320),
                        Units.toEMU(200));
            }
            doc.createParagraph().createRun().setText("活动现场人流如织，市民踊跃参与以旧换新。");
            XWPFParagraph photo2 = doc.createParagraph();
            XWPFRun run = photo2.createRun();
            try (var in = new ByteArrayInputStream(Fixtures.png(800, 500, 0x3366CC))) {
                run.addPicture(in, Document.PICTURE_TYPE_PNG, "集市.png", Units.toEMU(400), Units.toEMU(250));
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aRealisticWordFileIsImportedWithItsTextHeadingsTableAndBothPictures() throws Exception {
        Files.write(dir.resolve("夏季促消费.docx"), realisticDocx(true));

        Inbox.Scan scan = inbox.scanOnce();

        assertThat(scan.failed()).isEmpty();
        assertThat(scan.imported()).hasSize(1);
        assertThat(dir.resolve("done").resolve("夏季促消费.docx")).exists();
        assertThat(dir.resolve("夏季促消费.docx")).doesNotExist();
        DisclosureItem item = store.db.items().list(null).get(0);
        assertThat(item.title()).isEqualTo("红旗区举办2023年夏季促消费活动");
        assertThat(item.content().category()).isEqualTo("促消费");
        assertThat(item.content().docNo()).isEqualTo("红商〔2023〕15号");
        assertThat(item.status()).isEqualTo(ItemStatus.IN_REVIEW);
        String body = item.content().body();
        assertThat(body).contains("为进一步激发消费活力", "## 一、活动安排", "| 时间 | 地点 | 内容 |", "| --- | --- | --- |",
                "| 6月11日 | 中心商业街 | 夜间消费集市 |", "活动现场人流如织").doesNotContain("# 红旗区举办");
        assertThat(item.content().images()).extracting(ItemImage::fileName).containsExactly("image-1.png",
                "image-2.png");
        assertThat(item.content().images()).extracting(ItemImage::width).containsExactly(640, 800);
        for (ItemImage i : item.content().images()) {
            assertThat(store.db.images().get(i.sha256())).isPresent();
        }
        assertThat(store.db.audit().history(item.id())).extracting(AuditEntry::actor).containsExactly("收件箱");
    }

    @Test
    void aWordFileInACategoryFolderGetsThatCategoryAndItsHeadingAsTitle() throws Exception {
        Files.createDirectories(dir.resolve("促消费"));
        Files.write(dir.resolve("促消费").resolve("活动.docx"), realisticDocx(false));

        Inbox.Scan scan = inbox.scanOnce();

        assertThat(scan.imported()).hasSize(1);
        DisclosureItem item = store.db.items().list(null).get(0);
        assertThat(item.content().category()).isEqualTo("促消费");
        assertThat(item.title()).isEqualTo("红旗区举办2023年夏季促消费活动");
        assertThat(dir.resolve("done").resolve("活动.docx")).exists();
    }

    @Test
    void aWordFileWithoutACategoryGoesToFailedWithAnErrorsFileAndStoresNothing() throws Exception {
        Files.write(dir.resolve("无分类.docx"), realisticDocx(false));

        Inbox.Scan scan = inbox.scanOnce();

        assertThat(scan.failed()).containsExactly("无分类.docx");
        assertThat(dir.resolve("failed").resolve("无分类.docx")).exists();
        assertThat(Files.readString(dir.resolve("failed").resolve("无分类.docx.errors.txt"), StandardCharsets.UTF_8))
                .contains("无分类.docx", "[category] 缺少必填字段 category");
        assertThat(store.rowCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }

    @Test
    void aFileThatIsNotReallyAWordDocumentIsRefusedWithAClearMessage() throws Exception {
        Files.writeString(dir.resolve("假文档.docx"), "这不是 Word 文件", StandardCharsets.UTF_8);

        inbox.scanOnce();

        assertThat(Files.readString(dir.resolve("failed").resolve("假文档.docx.errors.txt"), StandardCharsets.UTF_8))
                .contains("无法读取 Word 文件");
    }

    @Test
    void markdownWithPersonalDataIsRefusedNamingTheLineAndOtherFilesStillImport() throws Exception {
        Files.writeString(dir.resolve("a-good.md"), "---\ntitle: 夜市开放\ncategory: 促消费\n---\n夜市今晚开放。\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b-phone.md"), "---\ntitle: 报名通知\ncategory: 促消费\n---\n报名请联系\n王先生 13812345678\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "不是稿件，留在原处", StandardCharsets.UTF_8);

        Inbox.Scan scan = inbox.scanOnce();

        assertThat(scan.imported()).hasSize(1);
        assertThat(scan.failed()).containsExactly("b-phone.md");
        assertThat(Files.readString(dir.resolve("failed").resolve("b-phone.md.errors.txt"), StandardCharsets.UTF_8))
                .contains("b-phone.md:6: [正文]", "疑似手机号 138****5678").doesNotContain("13812345678");
        assertThat(dir.resolve("notes.txt")).exists();
        assertThat(store.db.items().list(null)).extracting(DisclosureItem::title).containsExactly("夜市开放");
    }

    @Test
    void aSecondFileOfTheSameNameIsKeptBesideTheFirstInDone() throws Exception {
        String md = "---\ntitle: 夜市开放\ncategory: 促消费\n---\n夜市今晚开放。\n";
        Files.writeString(dir.resolve("item.md"), md, StandardCharsets.UTF_8);
        inbox.scanOnce();
        Files.writeString(dir.resolve("item.md"), md.replace("今晚", "明晚"), StandardCharsets.UTF_8);

        inbox.scanOnce();

        try (var done = Files.list(dir.resolve("done"))) {
            assertThat(done.map(p -> p.getFileName().toString()).toList()).hasSize(2).contains("item.md");
        }
        assertThat(store.db.items().list(null)).hasSize(2);
    }

    @Test
    void theImporterTakesAWordFileGivenDirectlyLikeAMarkdownFile() throws Exception {
        Path docx = dir.resolve("通知.docx");
        Files.write(docx, realisticDocx(true));

        ImportResult r = store.importer.importFiles(List.of(docx), "刘科员", "命令行");

        assertThat(r.problems()).isEmpty();
        DisclosureItem item = store.db.items().find(r.newIds().get(0)).orElseThrow();
        assertThat(item.content().images()).hasSize(2);
        assertThat(item.sourceKey()).startsWith("hongqi:docx:");
        assertThat(store.importer.importFiles(List.of(docx), "刘科员", "命令行").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("已导入过"));
    }
}
