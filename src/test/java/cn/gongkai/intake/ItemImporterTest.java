package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.ReviewPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.checks.CheckLimits;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.review.checks.WordList;
import cn.gongkai.testsupport.DeclaredImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing item files (design.md §4) into a real H2 store: all or nothing, one clear message per mistake. */
class ItemImporterTest {
    private static final String TITLE = "红旗区商务局召开促消费工作推进会";
    /** Front matter lines 2–4; the closing --- is line 5 and the body starts on line 6. */
    static final String HEAD = "title: " + TITLE + "\ncategory: 促消费\nauthor: 红旗区商务局\n";
    static final String BODY = "红旗区商务局召开促消费工作推进会，部署以旧换新工作。";

    @TempDir
    Path dir;

    private IntakeStore store;

    @BeforeEach
    void openStore() {
        store = new IntakeStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private Path item(String name, String frontMatter, String body) throws IOException {
        return write(name, "---\n" + frontMatter + "---\n" + body + "\n");
    }

    /** Asserts the import was refused with exactly one problem, as given, and that nothing was stored. */
    private ImportProblem refusedOnce(Path file, int line, String field, String fragment) {
        Map<String, Long> before = store.rowCounts();
        ImportResult result = store.importFiles(file);

        assertThat(result.ok()).isFalse();
        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).hasSize(1);
        ImportProblem p = result.problems().get(0);
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.field()).as("field of %s", p).isEqualTo(field);
        assertThat(p.message()).contains(fragment);
        assertThat(p.toString()).contains(file.toString());
        if (line > 0) {
            assertThat(p.toString()).contains(file + ":" + line + ": ");
        }
        if (!field.isEmpty()) {
            assertThat(p.toString()).contains("[" + field + "]");
        }
        assertThat(store.rowCounts()).isEqualTo(before);
        return p;
    }

    @Test
    void aGoodItemImportsWithEveryField() throws IOException {
        byte[] photo = Images.jpeg(640, 480);
        byte[] chart = Images.png(300, 200);
        byte[] cover = Images.jpeg(900, 383);
        Images.writeTo(dir.resolve("photo.jpg"), photo);
        Images.writeTo(dir.resolve("img/chart.png"), chart);
        Images.writeTo(dir.resolve("cover.jpg"), cover);
        Path file = write("item.md", """
                ---
                title: 红旗区商务局召开促消费工作推进会
                category: 促消费
                author: 红旗区商务局
                department: 商贸流通股
                cover: cover.jpg
                publish_at: 2023-05-12 10:00
                doc_no: 红商〔2023〕12号
                source_url: https://www.example.gov.cn/zwgk/123.html
                notes:
                  以旧换新: 消费者交回旧商品、购买新商品时享受补贴或折价的促消费方式。
                  夜间经济: 傍晚到次日清晨在城市中发生的餐饮、购物、文旅等消费活动。
                glossary: [营商环境, 促消费]
                ---
                红旗区商务局召开促消费工作推进会，部署以旧换新和夜间经济工作。

                ![推进会现场](photo.jpg "会议现场照片")

                ![](img/chart.png)
                """);

        ImportResult result = store.importFiles(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.newIds()).hasSize(1);
        DisclosureItem item = store.db.items().find(result.newIds().get(0)).orElseThrow();
        ItemContent c = item.content();
        assertThat(c.account()).isEqualTo("hongqi");
        assertThat(c.title()).isEqualTo(TITLE);
        assertThat(c.category()).isEqualTo("促消费");
        assertThat(c.author()).isEqualTo("红旗区商务局");
        assertThat(c.department()).isEqualTo("商贸流通股");
        assertThat(c.docNo()).isEqualTo("红商〔2023〕12号");
        assertThat(c.sourceUrl()).isEqualTo("https://www.example.gov.cn/zwgk/123.html");
        assertThat(c.publishAt()).isEqualTo(Instant.parse("2023-05-12T02:00:00Z"));
        assertThat(c.body()).startsWith("红旗区商务局召开促消费工作推进会").contains("![推进会现场](photo.jpg \"会议现场照片\")");
        assertThat(c.notes()).containsExactly(
                new Note("以旧换新", "消费者交回旧商品、购买新商品时享受补贴或折价的促消费方式。"),
                new Note("夜间经济", "傍晚到次日清晨在城市中发生的餐饮、购物、文旅等消费活动。"));
        assertThat(c.glossary()).containsExactly("营商环境", "促消费");

        assertThat(c.images()).hasSize(2);
        ItemImage first = c.images().get(0);
        assertThat(first.fileName()).isEqualTo("photo.jpg");
        assertThat(first.alt()).isEqualTo("推进会现场");
        assertThat(first.caption()).isEqualTo("会议现场照片");
        assertThat(first.mimeType()).isEqualTo("image/jpeg");
        assertThat(first.width()).isEqualTo(640);
        assertThat(first.height()).isEqualTo(480);
        assertThat(first.size()).isEqualTo(photo.length);
        assertThat(first.sha256()).isEqualTo(ContentHash.sha256(photo));
        ItemImage second = c.images().get(1);
        assertThat(second.fileName()).isEqualTo("chart.png");
        assertThat(second.mimeType()).isEqualTo("image/png");
        assertThat(second.alt()).isEmpty();
        assertThat(second.caption()).isEmpty();
        assertThat(c.cover()).isNotNull();
        assertThat(c.cover().fileName()).isEqualTo("cover.jpg");
        assertThat(c.cover().width()).isEqualTo(900);
        assertThat(c.cover().sha256()).isEqualTo(ContentHash.sha256(cover));

        assertThat(store.db.images().get(ContentHash.sha256(photo))).hasValueSatisfying(b -> assertThat(b)
                .isEqualTo(photo));
        assertThat(store.db.images().get(ContentHash.sha256(chart))).isPresent();
        assertThat(store.db.images().get(ContentHash.sha256(cover))).isPresent();

        assertThat(item.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(item.contentHash()).isEqualTo(c.contentHash());
        assertThat(item.createdAt()).isEqualTo(IntakeStore.CLOCK.instant());
        assertThat(store.db.audit().history(item.id())).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo("SUBMIT");
            assertThat(e.actor()).isEqualTo("drafter");
            assertThat(e.comment()).contains("命令行");
        });
        assertThat(store.rowCounts()).containsEntry("item", 1L).containsEntry("item_note", 2L)
                .containsEntry("item_glossary", 2L).containsEntry("item_image", 3L).containsEntry("image_blob", 3L);
    }

    @Test
    void anImageWithoutATitleUsesItsAltTextAsCaption() throws IOException {
        Images.writeTo(dir.resolve("photo.jpg"), Images.jpeg(64, 48));
        Path file = item("item.md", HEAD, BODY + "\n\n![推进会现场](photo.jpg)");

        ImportResult result = store.importFiles(file);

        assertThat(result.problems()).isEmpty();
        ItemImage img = store.db.items().find(result.newIds().get(0)).orElseThrow().content().images().get(0);
        assertThat(img.alt()).isEqualTo("推进会现场");
        assertThat(img.caption()).isEqualTo("推进会现场");
    }

    @Test
    void publishAtWithSecondsOrAnOffsetIsAccepted() throws IOException {
        Path local = item("a.md", HEAD + "publish_at: 2023-05-12 10:00:30\n", BODY + "甲");
        Path offset = item("b.md", HEAD + "publish_at: 2023-05-12T10:00:00+08:00\n", BODY + "乙");

        ImportResult result = store.importFiles(local, offset);

        assertThat(result.problems()).isEmpty();
        assertThat(store.db.items().find(result.newIds().get(0)).orElseThrow().content().publishAt())
                .isEqualTo(Instant.parse("2023-05-12T02:00:30Z"));
        assertThat(store.db.items().find(result.newIds().get(1)).orElseThrow().content().publishAt())
                .isEqualTo(Instant.parse("2023-05-12T02:00:00Z"));
    }

    @Test
    void aFileSavedWithAByteOrderMarkAndWindowsLineEndsImports() throws IOException {
        Path f = dir.resolve("bom.md");
        Files.writeString(f, "\uFEFF---\r\n" + HEAD.replace("\n", "\r\n") + "---\r\n" + BODY + "\r\n",
                StandardCharsets.UTF_8);

        ImportResult result = store.importFiles(f);

        assertThat(result.problems()).isEmpty();
        assertThat(store.db.items().find(result.newIds().get(0)).orElseThrow().title()).isEqualTo(TITLE);
    }

    @Test
    void theSameFileTwiceIsRefusedTheSecondTimeNamingTheFirstId() throws IOException {
        Path file = item("item.md", HEAD, BODY);
        long firstId = store.importFiles(file).newIds().get(0);

        refusedOnce(file, 0, "", "已导入过（稿件编号 " + firstId + "）");
        assertThat(store.rowCounts()).containsEntry("item", 1L);
    }

    @Test
    void theSameContentTwiceInOneImportIsRefused() throws IOException {
        Path a = item("a.md", HEAD, BODY);
        Path b = item("b.md", HEAD, BODY);

        ImportResult result = store.importFiles(a, b);

        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(b);
            assertThat(p.message()).contains(a.toString()).contains("重复导入");
        });
        assertThat(store.rowCounts()).containsEntry("item", 0L);
    }

    @Test
    void rejectsATitleLongerThanWeChatAllows() throws IOException {
        Path file = item("item.md", "title: " + "长".repeat(200) + "\ncategory: 促消费\n", BODY);

        refusedOnce(file, 2, "title", "标题 200 字，超过微信上限 32 字（需删去 168 字）");
    }

    @Test
    void aTitleMaxBelowWeChatsIsHonouredByTheImporterNamingTheKey() throws IOException {
        ReviewService strict = new ReviewService(ReviewPolicy.of(IntakeStore.CHAIN), new PrePublishChecks(
                new CheckLimits(20, WeChatLimits.AUTHOR_CHARS, WeChatLimits.CONTENT_CHARS,
                        WeChatLimits.IMAGE_MATERIAL_BYTES, 10_000, 200), WordList.empty()), store.db.items(),
                store.db.audit(), store.db.users(), store.db.transactions(), IntakeStore.CLOCK);
        ItemImporter importer = new ItemImporter(IntakeStore.CATEGORIES, List.of("hongqi"), Set.of(),
                IntakeStore.SHANGHAI, store.db.items(), store.db.images(), store.db.transactions(), strict,
                IntakeStore.CLOCK);
        Path file = item("item.md", "title: " + "长".repeat(25) + "\ncategory: 促消费\n", BODY);

        ImportResult result = importer.importFiles(List.of(file), "drafter", "命令行");

        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("title");
            assertThat(p.message()).contains("标题 25 字，超过上限 20 字（配置项 checks.title-max）", "需删去 5 字");
        });
    }

    @Test
    void refusesAPngDeclaring16000By16000NamingItsSizeWithoutDecodingIt() throws IOException {
        Images.writeTo(dir.resolve("poster.png"), DeclaredImages.png(16000, 16000));
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](poster.png)");

        ImportProblem p = refusedOnce(file, 8, "图片", "图片“poster.png”为 16000×16000 像素");

        assertThat(p.message()).contains("超过 5000 万像素的上限").doesNotContain("损坏");
    }

    @Test
    void aPngDeclaring49MegapixelsPassesThePixelBudgetAndIsJudgedByItsData() throws IOException {
        Images.writeTo(dir.resolve("photo.png"), DeclaredImages.png(7000, 7000));
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](photo.png)");

        ImportProblem p = refusedOnce(file, 8, "图片", "图片“photo.png”已损坏或不完整");

        assertThat(p.message()).doesNotContain("像素的上限");
    }

    @Test
    void theRestApiAndTheConsolePreviewRefuseAPictureAboveThePixelBudget() {
        Map<String, JsonNode> fields = Map.of("title", TextNode.valueOf(TITLE), "category", TextNode.valueOf("促消费"));
        Map<String, byte[]> images = Map.of("poster.png", DeclaredImages.png(16000, 16000));

        ImportResult created = store.importer.create(fields, BODY + "\n\n![x](poster.png)", images, "drafter", "接口",
                false);
        ImportPreview preview = store.importer.preview(0, fields, BODY + "\n\n![x](poster.png)", images);

        assertThat(created.problems()).singleElement().extracting(ImportProblem::message).asString()
                .contains("超过 5000 万像素的上限");
        assertThat(preview.problems()).singleElement().extracting(ImportProblem::message).asString()
                .contains("超过 5000 万像素的上限");
    }

    @Test
    void rejectsAMissingImageNamingItsLine() throws IOException {
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](missing.jpg)");

        refusedOnce(file, 8, "图片", "图片“missing.jpg”不存在");
    }

    @Test
    void webpBmpGifAndTiffImagesAreAcceptedForConversionBeforeUpload() throws IOException {
        Path golden = Path.of("src/test/resources/render/golden/images").toAbsolutePath();
        for (String name : new String[] {"photo.webp", "scan.bmp", "banner.gif", "scan.tif"}) {
            Files.copy(golden.resolve(name), dir.resolve(name));
        }
        Path file = item("item.md", HEAD + "cover: photo.webp\n",
                BODY + "\n\n![扫描件](scan.bmp)\n\n![横幅](banner.gif)\n\n![档案](scan.tif)");

        ImportResult result = store.importFiles(file);

        assertThat(result.problems()).isEmpty();
        ItemContent c = store.db.items().find(result.newIds().get(0)).orElseThrow().content();
        assertThat(c.images()).extracting(ItemImage::mimeType).containsExactly("image/bmp", "image/gif", "image/tiff");
        assertThat(c.images()).extracting(ItemImage::width).containsExactly(160, 300, 320);
        assertThat(c.cover().mimeType()).isEqualTo("image/webp");
        assertThat(c.cover().width()).isEqualTo(480);
        assertThat(c.cover().height()).isEqualTo(320);
    }

    @Test
    void aJpegCutOffBeforeItsEndIsRefusedAsIncompleteNotPassedAsChecked() throws IOException {
        byte[] whole = Images.jpeg(640, 360);
        Images.writeTo(dir.resolve("photo.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](photo.jpg)");

        refusedOnce(file, 8, "图片", "图片“photo.jpg”已损坏或不完整");
    }

    @Test
    void aWebpImageThatCannotBeDecodedIsRefusedAsDamaged() throws IOException {
        Images.writeTo(dir.resolve("photo.jpg"), Images.webp());
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](photo.jpg)");

        refusedOnce(file, 8, "图片", "已损坏或不完整");
    }

    @Test
    void aWebpCoverThatCannotBeDecodedIsRefusedAsDamaged() throws IOException {
        Images.writeTo(dir.resolve("cover.webp"), Images.webp());
        Path file = item("item.md", HEAD + "cover: cover.webp\n", BODY);

        refusedOnce(file, 5, "cover", "已损坏或不完整");
    }

    @Test
    void aHeicPhotoIsRefusedWithAHintToSaveItAsJpeg() throws IOException {
        Images.writeTo(dir.resolve("IMG_0001.HEIC"), Images.heic());
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](IMG_0001.HEIC)");

        refusedOnce(file, 8, "图片", "HEIC/AVIF 格式（常见于手机照片），无法转换。请在手机或电脑上另存为 JPG");
    }

    @Test
    void theDigestAndTheHeadingNumberSwitchAreReadFromTheFrontMatter() throws IOException {
        Path on = item("on.md", HEAD + "digest: 本文介绍家电以旧换新补贴的申领办法。\nheading_numbers: true\n", BODY + "甲");
        Path off = item("off.md", HEAD + "heading_numbers: false\n", BODY + "乙");
        Path unset = item("unset.md", HEAD, BODY + "丙");

        ImportResult result = store.importFiles(on, off, unset);

        assertThat(result.problems()).isEmpty();
        ItemContent a = store.db.items().find(result.newIds().get(0)).orElseThrow().content();
        ItemContent b = store.db.items().find(result.newIds().get(1)).orElseThrow().content();
        ItemContent c = store.db.items().find(result.newIds().get(2)).orElseThrow().content();
        assertThat(a.digest()).isEqualTo("本文介绍家电以旧换新补贴的申领办法。");
        assertThat(a.headingNumbers()).isTrue();
        assertThat(b.digest()).isEmpty();
        assertThat(b.headingNumbers()).isFalse();
        assertThat(c.headingNumbers()).isNull();
    }

    @Test
    void rejectsADigestLongerThanWeChatAllows() throws IOException {
        Path file = item("item.md", HEAD + "digest: " + "长".repeat(130) + "\n", BODY);

        refusedOnce(file, 5, "digest", "摘要 130 字，超过微信上限 128 字（需删去 2 字）");
    }

    @Test
    void rejectsAHeadingNumberSwitchThatIsNotTrueOrFalse() throws IOException {
        Path file = item("item.md", HEAD + "heading_numbers: 公文\n", BODY);

        refusedOnce(file, 5, "heading_numbers", "应为 true");
    }

    @Test
    void rejectsAScriptTagInTheBody() throws IOException {
        Path file = item("item.md", HEAD, BODY + "\n\n<script>alert('x')</script>");

        refusedOnce(file, 8, "正文", "<script");
    }

    @Test
    void bodyLinesAreCountedFromTheFileEvenAfterBlankLinesBelowTheFrontMatter() throws IOException {
        Path file = item("item.md", HEAD, "\n\n" + BODY + "\n\n<iframe src=x></iframe>");

        refusedOnce(file, 10, "正文", "<iframe");
    }

    @Test
    void rejectsAFrontMatterThatIsNeverClosed() throws IOException {
        Path file = write("item.md", "---\n" + HEAD + "\n" + BODY + "\n");

        refusedOnce(file, 1, "", "没有结束行 ---");
    }

    @Test
    void rejectsAYamlSyntaxErrorNamingItsLine() throws IOException {
        Path file = item("item.md", "title: " + TITLE + "\ncategory: 促消费\nauthor: [红旗区商务局\n", BODY);

        refusedOnce(file, 4, "", "YAML 头部格式错误");
    }

    @Test
    void rejectsAnUnknownFrontMatterField() throws IOException {
        Path file = item("item.md", HEAD + "summary: 本文介绍推进会\n", BODY);

        refusedOnce(file, 5, "summary", "未知字段");
    }

    @Test
    void rejectsAnUnknownCategory() throws IOException {
        Path file = item("item.md", "title: " + TITLE + "\ncategory: 体育\n", BODY);

        refusedOnce(file, 3, "category", "分类“体育”不在配置的分类中");
    }

    @Test
    void rejectsADateThatDoesNotExist() throws IOException {
        Path file = item("item.md", HEAD + "publish_at: 2023-02-30 10:00\n", BODY);

        refusedOnce(file, 5, "publish_at", "计划发布时间“2023-02-30 10:00”无效");
    }

    @Test
    void rejectsADateWithoutATime() throws IOException {
        Path file = item("item.md", HEAD + "publish_at: 2023-05-12\n", BODY);

        refusedOnce(file, 5, "publish_at", "请同时写明时间，例如 2023-05-12 10:00");
    }

    @Test
    void rejectsAnExternalImageUrl() throws IOException {
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](https://www.example.gov.cn/a.jpg)");

        refusedOnce(file, 8, "图片", "是网络地址");
    }

    @Test
    void rejectsACorruptJpeg() throws IOException {
        Images.writeTo(dir.resolve("photo.jpg"), Images.corruptJpeg());
        Path file = item("item.md", HEAD, BODY + "\n\n![现场](photo.jpg)");

        refusedOnce(file, 8, "图片", "已损坏或不完整");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = write("item.md", "");

        refusedOnce(file, 1, "", "文件第一行应为 ---");
    }

    @Test
    void rejectsAFileThatIsNeitherUtf8NorGbkNamingTheLine() throws IOException {
        Path file = dir.resolve("broken.md");
        byte[] gbk = ("---\n" + HEAD + "---\n" + BODY + "\n").getBytes(Charset.forName("GBK"));
        gbk[gbk.length - 2] = (byte) 0xFF; // never a byte of UTF-8 or GB18030

        refusedOnce(file(file, gbk), HEAD.split("\n").length + 3, "编码", "既不是 UTF-8 也不是 GB18030（GBK）编码");
    }

    private static Path file(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    @Test
    void rejectsAGlossaryKeyThatIsNotInTheTemplates() throws IOException {
        Path file = item("item.md", HEAD + "glossary: [营商环境, 放管服]\n", BODY);

        refusedOnce(file, 5, "glossary", "术语库 templates/notes/ 中没有“放管服”");
    }

    @Test
    void rejectsANoteWithoutAnExplanation() throws IOException {
        Path file = item("item.md", HEAD + "notes:\n  以旧换新: \"\"\n", BODY);

        refusedOnce(file, 5, "notes", "术语“以旧换新”缺少解释");
    }

    @Test
    void rejectsANoteWhoseExplanationIsLeftOut() throws IOException {
        Path file = item("item.md", HEAD + "notes:\n  以旧换新:\n", BODY);

        refusedOnce(file, 5, "notes", "术语“以旧换新”缺少解释");
    }

    @Test
    void aMixedImportOfAGoodAndABadFileImportsNothing() throws IOException {
        Path good = item("good.md", HEAD, BODY);
        Path bad = item("bad.md", "title: " + TITLE + "\ncategory: 体育\n", BODY);

        ImportResult result = store.importFiles(good, bad);

        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(bad);
            assertThat(p.field()).isEqualTo("category");
        });
        assertThat(store.rowCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(store.importFiles(good).ok()).isTrue();
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
        Path a = item("a.md", "title: " + TITLE + "\ncategory: 体育\n", BODY);
        Path b = item("b.md", HEAD + "publish_at: 2023-02-30 10:00\nglossary: [放管服]\n", BODY);

        ImportResult result = store.importFiles(a, b);

        assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a, "category"),
                org.assertj.core.groups.Tuple.tuple(b, "publish_at"),
                org.assertj.core.groups.Tuple.tuple(b, "glossary"));
    }

    @Test
    void importedItemsAuditTheirSubmitter() throws IOException {
        long id = store.importFiles(item("item.md", HEAD, BODY)).newIds().get(0);

        assertThat(store.db.audit().history(id)).extracting(AuditEntry::actor, AuditEntry::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("drafter", "SUBMIT"));
    }
}
