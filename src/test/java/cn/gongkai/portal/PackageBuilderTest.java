package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ItemImage;
import cn.gongkai.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The package's Word file read back with POI: the 信息 format, the body in order, pictures, notes, 落款, contact. */
class PackageBuilderTest {
    private final PackageSamples samples = new PackageSamples();
    private final PortalPackage pkg = new PackageBuilder().build(samples.source(samples.item().build()),
            PackageSamples.portal(null));
    private final XWPFDocument doc = PackageSamples.docx(pkg);

    @Test
    void theWordFileHoldsTitleUnitLineBodyNotesSignatureAndContactInThisOrder() {
        List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isEmpty())
                .toList();

        assertThat(texts).containsExactly(
                "红旗区启动2026年以旧换新活动",
                "报送单位：红旗区商务局　　日期：2026年12月7日",
                "红旗区商务局开展以旧换新促消费活动，惠及群众。",
                "活动安排",
                "展会现场/主会场：全景",
                "1. 家电以旧换新",
                "2. 汽车以旧换新[注1]",
                "• 线上报名",
                "• 线下兑付",
                "现场图片见下<script>alert('x')</script>。",
                "名词解释",
                "以旧换新：交回旧商品、购买新商品时享受补贴的方式。",
                "消费券：政府发放的购物优惠券。",
                "[注1] 报废旧车并购买新车。",
                "红旗区商务局",
                "2026年12月5日",
                "联系人：王五　　电话：0451-1234567");
    }

    @Test
    void theTitleIsCentredInFangzhengXiaobiaosongErhaoAndTheBodyInFangsongWithBoldKept() {
        XWPFParagraph title = doc.getParagraphs().get(0);
        assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
        assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);

        XWPFParagraph first = paragraph("红旗区商务局开展以旧换新促消费活动，惠及群众。");
        assertThat(first.getRuns()).extracting(XWPFRun::text, XWPFRun::isBold).containsExactly(
                org.assertj.core.groups.Tuple.tuple("红旗区商务局开展", false),
                org.assertj.core.groups.Tuple.tuple("以旧换新", true),
                org.assertj.core.groups.Tuple.tuple("促消费活动，惠及群众。", false));
        assertThat(first.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
        assertThat(paragraph("活动安排").getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                .isEqualTo("黑体");
        assertThat(paragraph("红旗区商务局").getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
        assertThat(paragraph("2026年12月5日").getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
    }

    @Test
    void eachPictureIsEmbeddedWhereTheMarkdownPlacesItScaledToTheTextWidthWithItsCaptionCentredBelow() {
        List<String> order = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFTable) {
                order.add("<table>");
            } else if (e instanceof XWPFParagraph p) {
                for (XWPFRun r : p.getRuns()) {
                    r.getEmbeddedPictures().forEach(pic -> order.add("<picture " + pic.getDescription() + ">"));
                }
                if (!p.getText().isEmpty()) {
                    order.add(p.getText());
                }
            }
        }
        assertThat(order.subList(3, 6)).containsExactly("活动安排", "<picture 展会现场/主会场：全景>",
                "展会现场/主会场：全景");
        assertThat(order.subList(9, 13)).containsExactly("• 线下兑付", "<table>", "现场图片见下<script>alert('x')</script>。",
                "<picture 图2>");
        assertThat(paragraph("展会现场/主会场：全景").getAlignment()).isEqualTo(ParagraphAlignment.CENTER);

        assertThat(doc.getAllPictures()).hasSize(2);
        XWPFPicture wide = pictures().get(0);
        XWPFPicture small = pictures().get(1);
        assertThat(wide.getWidth()).as("1600 px wide: cut to the text width, 442.2 pt").isCloseTo(442.2,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(wide.getDepth()).as("16:9 kept").isCloseTo(442.2 * 9 / 16, org.assertj.core.data.Offset.offset(0.5));
        assertThat(small.getWidth()).as("400 px at 96 dpi").isCloseTo(300.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(small.getPictureData().getData()).isEqualTo(pkg.attachments().get(2).content());
    }

    @Test
    void aMarkdownTableBecomesAWordTableWithItsHeaderInBold() {
        XWPFTable table = doc.getTables().get(0);
        assertThat(table.getRows()).hasSize(2);
        assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("品类");
        assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("15%");
        assertThat(table.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
        assertThat(table.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
    }

    @Test
    void htmlInTheMarkdownIsPlainTextInWordNeverMarkup() throws Exception {
        PortalPackage html = new PackageBuilder().build(samples.source(samples.item()
                .body("<div onclick=\"x()\">点击</div>\n\n正文<a href=\"javascript:alert(1)\">链接</a>\n\n"
                        + "[假链接](javascript:alert(2))").images(List.of()).build()), PackageSamples.portal(null));
        XWPFDocument word = PackageSamples.docx(html);

        assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText)
                .contains("<div onclick=\"x()\">点击</div>", "正文<a href=\"javascript:alert(1)\">链接</a>", "假链接");
        assertThat(word.getParagraphs()).allSatisfy(p -> assertThat(p.getIRuns())
                .noneMatch(r -> r instanceof org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun));
        assertThat(word.getHyperlinks()).isEmpty();
        assertThat(word.getParagraphs()).noneMatch(p -> p.getText().contains("alert(2)"));
    }

    @Test
    void aLinkKeepsItsAddressInBracketsAfterItsText() {
        PortalPackage linked = new PackageBuilder().build(samples.source(samples.item()
                .body("详见[通知原文](https://www.example.gov.cn/tz.html)。").images(List.of()).build()),
                PackageSamples.portal(null));

        assertThat(PackageSamples.docx(linked).getParagraphs()).extracting(XWPFParagraph::getText)
                .contains("详见通知原文（https://www.example.gov.cn/tz.html）。");
    }

    @Test
    void theAttachmentsAreTheWordFileThenThePicturesThenTheMetadata() {
        assertThat(pkg.attachments()).extracting(Attachment::fileName).containsExactly(
                "红旗区启动2026年以旧换新活动.docx", "图1-展会现场_主会场：全景.png", "图2.png", "metadata.json");
        assertThat(pkg.attachments()).extracting(Attachment::mediaType).containsExactly(
                PackageBuilder.DOCX_TYPE, "image/png", "image/png", "application/json");
        assertThat(pkg.itemId()).isEqualTo(12);
        assertThat(pkg.portalId()).isEqualTo("qzfb");
        assertThat(pkg.title()).isEqualTo("红旗区启动2026年以旧换新活动");
    }

    @Test
    void aPictureOtherThanJpegOrPngIsAttachedConvertedAndNamedForWhatItIsNow() throws Exception {
        byte[] gif = gif();
        ItemImage image = new ItemImage(cn.gongkai.item.ContentHash.sha256(gif), "logo.gif", "image/gif", 20, 10,
                gif.length, "标志", "");
        PackageSource src = new PackageSource(3, samples.item().body("![标志](logo.gif)").images(List.of(image))
                .build(), i -> Optional.of(gif), List.of(), false, List.of(), "", null, null, "",
                PackageSamples.PREPARED, PackageSamples.CHINA);

        PortalPackage converted = new PackageBuilder().build(src, PackageSamples.portal(null));

        Attachment attached = converted.attachments().get(1);
        assertThat(attached.fileName()).isEqualTo("图1-标志.png");
        assertThat(attached.mediaType()).isEqualTo("image/png");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(attached.content())).getWidth())
                .isEqualTo(20);
        assertThat(PackageSamples.docx(converted).getAllPictures()).hasSize(1);
    }

    @Test
    void aMissingPictureStopsThePackageNamingThePicture() {
        PackageSource src = samples.source(samples.item().build());
        PackageSource missing = new PackageSource(src.itemId(), src.content(),
                i -> i.fileName().equals("qianyue.png") ? Optional.empty() : src.imageBytes().apply(i),
                src.glossaryNotes(), false, src.approvals(), src.contentHash(), src.plannedAt(), src.publishedAt(),
                src.wechatUrl(), src.preparedAt(), src.zone());

        assertThatThrownBy(() -> new PackageBuilder().build(missing, PackageSamples.portal(null)))
                .isInstanceOf(PackageException.class)
                .hasMessage("图2“qianyue.png”的图片文件找不到，报送材料无法生成。请在稿件中重新上传这张图片后再报送");
    }

    @Test
    void anUnreadablePictureStopsThePackageNamingThePicture() {
        byte[] junk = "not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ItemImage broken = new ItemImage(cn.gongkai.item.ContentHash.sha256(junk), "huai.png", "image/png", 800,
                600, junk.length, "", "");
        PackageSource src = new PackageSource(4, samples.item().body("![](huai.png)").images(List.of(broken))
                .build(), i -> Optional.of(junk), List.of(), false, List.of(), "", null, null, "",
                PackageSamples.PREPARED, PackageSamples.CHINA);

        assertThatThrownBy(() -> new PackageBuilder().build(src, PackageSamples.portal(null)))
                .isInstanceOf(PackageException.class)
                .hasMessage("图1“huai.png”无法读取（文件已损坏或格式不受支持）。请重新导出为 JPG 或 PNG 后在稿件中重新上传");

        ItemImage gif = new ItemImage(broken.sha256(), "huai.gif", "image/gif", 800, 600, junk.length, "", "");
        PackageSource converted = new PackageSource(4, samples.item().body("![](huai.gif)").images(List.of(gif))
                .build(), i -> Optional.of(junk), List.of(), false, List.of(), "", null, null, "",
                PackageSamples.PREPARED, PackageSamples.CHINA);
        assertThatThrownBy(() -> new PackageBuilder().build(converted, PackageSamples.portal(null)))
                .isInstanceOf(PackageException.class).hasMessageStartingWith("图1：").hasMessageContaining("huai.gif");
    }

    @Test
    void headingNumbersAreAddedWhenTheItemAsksForThem() {
        PackageSource src = samples.source(samples.item().body("## 总体情况\n\n正文。\n\n### 具体做法\n\n正文。")
                .images(List.of()).build());
        PackageSource numbered = new PackageSource(src.itemId(), src.content(), src.imageBytes(), List.of(), true,
                List.of(), "", null, null, "", src.preparedAt(), src.zone());

        XWPFDocument word = PackageSamples.docx(new PackageBuilder().build(numbered, PackageSamples.portal(null)));

        assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText).contains("一、总体情况", "（一）具体做法");
        assertThat(paragraph(word, "（一）具体做法").getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                .isEqualTo("楷体_GB2312");
    }

    @Test
    void buildingAgainFromTheSameSourceGivesTheSameFilesSoAResendCarriesWhatTheFirstAttemptDid() throws Exception {
        PortalPackage again = new PackageBuilder().build(samples.source(samples.item().build()),
                PackageSamples.portal(null));

        assertThat(again.attachments()).hasSameSizeAs(pkg.attachments());
        for (int i = 0; i < pkg.attachments().size(); i++) {
            assertThat(again.attachments().get(i).content()).as(pkg.attachments().get(i).fileName())
                    .isEqualTo(pkg.attachments().get(i).content());
        }
        assertThat(again.subject()).isEqualTo(pkg.subject());
        assertThat(again.plainBody()).isEqualTo(pkg.plainBody());
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(pkg.attachments().get(0).content()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTimeLocal()).as("time of " + e.getName())
                        .isEqualTo(java.time.LocalDateTime.of(2026, 12, 7, 10, 0));
            }
        }
        assertThat(doc.getProperties().getCoreProperties().getCreated()).isEqualTo(
                java.util.Date.from(PackageSamples.PREPARED));
        assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("红旗区启动2026年以旧换新活动");
    }

    private List<XWPFPicture> pictures() {
        List<XWPFPicture> all = new ArrayList<>();
        doc.getParagraphs().forEach(p -> p.getRuns().forEach(r -> all.addAll(r.getEmbeddedPictures())));
        return all;
    }

    private XWPFParagraph paragraph(String text) {
        return paragraph(doc, text);
    }

    private static XWPFParagraph paragraph(XWPFDocument word, String text) {
        return word.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow();
    }

    private static byte[] gif() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(20, 10,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "gif", out);
        return out.toByteArray();
    }
}
