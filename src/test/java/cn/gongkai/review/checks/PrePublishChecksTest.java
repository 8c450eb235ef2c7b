package cn.gongkai.review.checks;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pre-publish check with a true positive and a near miss that must pass. */
class PrePublishChecksTest {
    private static final String SHA = "a".repeat(64);
    private static final PrePublishChecks CHECKS = new PrePublishChecks(CheckLimits.wechatDefaults(),
            WordList.load(Path.of("templates/checks/words.txt")));

    private static ItemImage image(String name, String mime, int w, int h, long size, String alt) {
        return new ItemImage(SHA, name, mime, w, h, size, alt, alt);
    }

    private static final ItemImage PHOTO = image("photo.jpg", "image/jpeg", 1080, 720, 200_000, "会议现场");

    private static ItemContent body(String body) {
        return content("标题", "红旗区商务局", body, "", List.of(PHOTO), null);
    }

    private static ItemContent content(String title, String author, String body, String docNo,
                                       List<ItemImage> images, ItemImage cover) {
        return anItem().category("其他").title(title).author(author).body(body).images(images).cover(cover)
                .docNo(docNo).build();
    }

    private static List<Finding> found(ItemContent c, String check) {
        return CHECKS.check(c).findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    // ---- length ----

    @Test
    void aTitleOverTheLimitIsAnErrorAndOneAtTheLimitPasses() {
        assertThat(found(content("标".repeat(33), "", "正文", "", List.of(PHOTO), null), "length"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.field()).isEqualTo("title");
                    assertThat(f.message()).contains("33 字", "32 字");
                });
        assertThat(found(content("标".repeat(32), "", "正文", "", List.of(PHOTO), null), "length")).isEmpty();
    }

    @Test
    void anAuthorOverTheLimitIsAnErrorAndOneAtTheLimitPasses() {
        assertThat(found(content("标题", "作".repeat(17), "正文", "", List.of(PHOTO), null), "length"))
                .singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("author"));
        assertThat(found(content("标题", "作".repeat(16), "正文", "", List.of(PHOTO), null), "length")).isEmpty();
    }

    @Test
    void aDigestOverTheLimitIsAnErrorAndOneAtTheLimitPasses() {
        assertThat(found(digest("摘".repeat(129)), "length")).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("digest");
            assertThat(f.message()).contains("摘要 129 字", "128 字");
        });
        assertThat(found(digest("摘".repeat(128)), "length")).isEmpty();
    }

    @Test
    void personalDataInTheDigestIsFound() {
        assertThat(found(digest("报名电话13812345678"), "personal-data")).singleElement()
                .satisfies(f -> assertThat(f.field()).isEqualTo("digest"));
    }

    private static ItemContent digest(String digest) {
        return anItem().category("其他").images(List.of(PHOTO)).digest(digest).build();
    }

    @Test
    void aBodyOverTheConfiguredLimitIsAnErrorAndOneAtItPasses() {
        PrePublishChecks small = new PrePublishChecks(new CheckLimits(32, 16, 100, 10_000_000, 10_000, 200),
                WordList.empty());

        assertThat(small.check(body("字".repeat(101))).errors()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("正文 101 字", "上限 100 字"));
        assertThat(small.check(body("字".repeat(100))).errors()).isEmpty();
    }

    // ---- cover and alt text ----

    @Test
    void noImageAtAllIsAWarningAboutTheDefaultCoverAndABodyImageIsEnough() {
        assertThat(found(content("标题", "", "正文", "", List.of(), null), "cover")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("默认封面");
                });
        assertThat(found(body("正文"), "cover")).isEmpty();
    }

    @Test
    void aBodyImageWithoutAltTextIsAWarningNamingTheFile() {
        ItemImage bare = image("chart.png", "image/png", 800, 600, 50_000, "");

        assertThat(found(content("标题", "", "正文", "", List.of(bare), null), "cover")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("chart.png", "说明文字"));
        assertThat(found(content("标题", "", "正文", "", List.of(PHOTO), null), "cover")).isEmpty();
    }

    @Test
    void aPlaceholderCaptionIsAWarningNamingTheFileAndARealCaptionPasses() {
        for (String placeholder : List.of("图片说明", " 请输入图片说明 ", "图片说明：", "Caption", "IMG_0042")) {
            ItemImage left = image("IMG_0042.jpg", "image/jpeg", 1080, 720, 200_000, placeholder);
            assertThat(found(content("标题", "", "正文", "", List.of(left), null), "caption")).as(placeholder)
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.WARNING);
                        assertThat(f.message()).contains("IMG_0042.jpg", "占位文字");
                    });
        }
        ItemImage uncaptioned = image("chart.png", "image/png", 800, 600, 50_000, "");
        assertThat(found(content("标题", "", "正文", "", List.of(PHOTO, uncaptioned), null), "caption")).isEmpty();
        assertThat(found(body("正文"), "caption")).isEmpty();
    }

    // ---- external links ----

    @Test
    void anExternalLinkIsAWarningWithItsPositionAndAWeChatArticleLinkPasses() {
        List<Finding> f = found(body("第一行\n详见[通知](https://www.gov.cn/zhengce/1.htm)。"), "external-link");

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.column()).isEqualTo(8);
            assertThat(x.message()).contains("https://www.gov.cn/zhengce/1.htm", "参考链接");
        });
        assertThat(found(body("详见[上期](https://mp.weixin.qq.com/s/abc)。"), "external-link")).isEmpty();
        assertThat(found(body("网址写作 www 开头的文字不算链接。"), "external-link")).isEmpty();
    }

    @Test
    void aBareAddressIsAnExternalLinkButOneInCodeIsShownAsWrittenAndPasses() {
        assertThat(found(body("见 https://www.gov.cn/a 和 <https://www.gov.cn/b>。"), "external-link")).hasSize(2);
        assertThat(found(body("写作 `https://www.gov.cn/a`：\n\n```\nhttps://www.gov.cn/b\n```"), "external-link"))
                .isEmpty();
    }

    // ---- raw HTML ----

    @Test
    void rawHtmlIsAWarningPerParagraphNamingItsTagsAndTheParagraph() {
        List<Finding> f = found(body("第一段。\n\n网页中的 <b>加粗</b> 和 <span style=\"color:red\">红字</span>。\n\n"
                + "<div>\n块\n</div>\n\n<!-- 备忘 -->"), "raw-html");

        assertThat(f).hasSize(3);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).line()).isEqualTo(3);
        assertThat(f.get(0).column()).isEqualTo(6);
        assertThat(f.get(0).message()).startsWith("第2段含有网页标签 <b>、<span>：").contains("原样显示为文字");
        assertThat(f.get(1).message()).startsWith("第3段含有网页标签 <div>：");
        assertThat(f.get(2).message()).startsWith("第4段含有网页标签 <!-- -->：");
    }

    @Test
    void tagsInCodeAndComparisonsInTextAreNoHtml() {
        assertThat(found(body("写作 `<b>加粗</b>` 不会生效。\n\n```\n<div>\n```\n\n比较 a<b 与 3 < 4。"), "raw-html"))
                .isEmpty();
    }

    // ---- personal data ----

    @Test
    void anIdNumberWithAValidChecksumIsAnErrorWithItsPositionAndMasked() {
        List<Finding> f = found(body("申请人王某，\n身份证号11010519491231002X。"), "personal-data");

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.field()).isEqualTo("body");
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.column()).isEqualTo(5);
            assertThat(x.message()).contains("疑似身份证号 110***********002X").doesNotContain("11010519491231002X");
        });
    }

    @Test
    void eighteenDigitsWithAWrongChecksumAreOnlyAWarningAndAMaskedIdPasses() {
        // issue 20: a wrong check digit on an ID-shaped number (region and birth date valid) is a possible slip
        assertThat(found(body("编号 110105194912310021 是订单号。"), "personal-data")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        assertThat(found(body("编号 110105194913310021 是订单号。"), "personal-data")).isEmpty();
        assertThat(found(body("身份证号 110105********002X 已打码。"), "personal-data")).isEmpty();
    }

    @Test
    void aMobileNumberIsAnErrorAndALandlineOrAMaskedNumberPasses() {
        assertThat(found(body("联系人：张先生，电话 138-1234-5678。"), "personal-data")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("疑似手机号 138****5678"));
        assertThat(found(body("咨询电话 0371-12345678，或 138****5678。"), "personal-data")).isEmpty();
        assertThat(found(body("项目投资 12345678901 元。"), "personal-data")).isEmpty();
    }

    @Test
    void aBankCardNumberPassingLuhnIsAnErrorAndOneFailingItPasses() {
        assertThat(found(body("补贴发放至卡号 6222 0210 0112 3456 789。"), "personal-data")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("疑似银行卡号 622************6789"));
        assertThat(found(body("合同编号 6222021001123456780。"), "personal-data")).isEmpty();
    }

    @Test
    void personalDataInTheTitleOrANoteIsFoundToo() {
        ItemContent c = anItem().category("其他").title("联系13812345678")
                .notes(List.of(new Note("联系方式", "手机 13912345678"))).images(List.of(PHOTO)).build();

        assertThat(found(c, "personal-data")).extracting(Finding::field)
                .containsExactly("title", "notes.联系方式");
    }

    // ---- 错敏字 ----

    @Test
    void theSeedsOwnTypoIsFoundAndASchoolTeamPasses() {
        assertThat(found(body("办公室主任校队后，由办公室分管领导审核。"), "wording")).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                    assertThat(x.column()).isEqualTo(6);
                    assertThat(x.message()).contains("“校队”应为“校对”");
                });
        assertThat(found(body("区实验中学足球校队获得冠军，学校队员表现出色。"), "wording")).isEmpty();
    }

    @Test
    void aPoliticalTermMisspelledIsAnErrorAndTheRightFormPasses() {
        assertThat(found(body("深入开展两学一作学习教育。"), "wording")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("应为“两学一做”"));
        assertThat(found(body("深入开展“两学一做”学习教育。"), "wording")).isEmpty();
        assertThat(found(body("增强四个意识。"), "wording")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("“四个意识”"));
        assertThat(found(body("增强“四个意识”。"), "wording")).isEmpty();
    }

    @Test
    void theWordListFormatIsCheckedWithTheLineOfAMistake() {
        WordList list = WordList.parse("# 注释\n校队 -> 校对 | 学校队\n\n禁用词\n", "words.txt");
        assertThat(list.entries()).hasSize(2);
        assertThat(list.entries().get(1).right()).isEmpty();

        assertThatThrownBy(() -> WordList.parse("校队 -> 校对 | 篮球队\n", "words.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("words.txt:1");
    }

    // ---- document numbers ----

    @Test
    void guoFaBanWrittenForGuoBanFaIsAnErrorAndTheRightFormPasses() {
        assertThat(found(body("根据国发办〔2018〕123号文件精神。"), "doc-number")).singleElement()
                .satisfies(x -> {
                    assertThat(x.message()).contains("“国发办”应为“国办发”");
                    assertThat(x.column()).isEqualTo(3);
                });
        assertThat(found(body("根据国办发〔2018〕123号文件精神。"), "doc-number")).isEmpty();
        assertThat(found(body("根据国发〔2018〕12号文件精神。"), "doc-number")).isEmpty();
    }

    @Test
    void wrongYearBracketsAreAnErrorForEachKindAndSixfoldBracketsPass() {
        for (String wrong : List.of("红商[2023]12号", "红商【2023】12号", "红商(2023)12号", "红商（2023）12号")) {
            assertThat(found(body("依据" + wrong + "。"), "doc-number")).as(wrong).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("六角括号〔〕"));
        }
        assertThat(found(body("依据红商〔2023〕12号。"), "doc-number")).isEmpty();
    }

    @Test
    void aMissingHaoIsAnErrorAndAYearInBracketsThatIsNoDocumentNumberPasses() {
        assertThat(found(content("标题", "", "正文", "红商〔2023〕12", List.of(PHOTO), null), "doc-number"))
                .singleElement().satisfies(x -> {
                    assertThat(x.field()).isEqualTo("doc_no");
                    assertThat(x.message()).contains("缺少“号”字");
                });
        assertThat(found(body("全年预算（2023）12项已完成。"), "doc-number")).isEmpty();
    }

    // ---- images ----

    @Test
    void anImageInAFormatNothingCanConvertIsAnErrorNamingTheFile() {
        ItemImage heic = image("photo.heic", "image/heic", 800, 600, 40_000, "照片");

        assertThat(found(content("标题", "", "正文", "", List.of(heic), null), "image")).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                    assertThat(x.message()).contains("photo.heic", "image/heic");
                });
        assertThat(found(body("正文"), "image")).isEmpty();
    }

    @Test
    void aWebpImageIsAWarningThatItWillBeConvertedNamingTheFile() {
        ItemImage webp = image("photo.webp", "image/webp", 800, 600, 40_000, "照片");

        assertThat(found(content("标题", "", "正文", "", List.of(webp), null), "image")).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.WARNING);
                    assertThat(x.message()).contains("photo.webp", "转为 JPG");
                });
    }

    @Test
    void anImageOverTheSizeLimitIsAnErrorAndOneJustUnderPasses() {
        ItemImage big = image("big.jpg", "image/jpeg", 1080, 720, 10L * 1024 * 1024 + 1, "大图");
        ItemImage under = image("under.jpg", "image/jpeg", 1080, 720, 10L * 1024 * 1024, "大图");

        assertThat(found(content("标题", "", "正文", "", List.of(big), null), "image")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("big.jpg", "10.0 MB"));
        assertThat(found(content("标题", "", "正文", "", List.of(under), null), "image")).isEmpty();
    }

    @Test
    void anImageTooLargeInPixelsIsAnErrorAndATinyOneAWarning() {
        ItemImage huge = image("long.png", "image/png", 1080, 12_000, 900_000, "长图");
        ItemImage tiny = image("icon.png", "image/png", 120, 120, 3_000, "图标");

        assertThat(found(content("标题", "", "正文", "", List.of(huge), null), "image")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        assertThat(found(content("标题", "", "正文", "", List.of(tiny), null), "image")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aGifBodyImageIsAWarningButAGifCoverPasses() {
        ItemImage gif = image("anim.gif", "image/gif", 600, 400, 80_000, "动图");

        assertThat(found(content("标题", "", "正文", "", List.of(gif), null), "image")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("anim.gif", "转为 JPG"));
        assertThat(found(content("标题", "", "正文", "", List.of(PHOTO), gif), "image")).isEmpty();
    }

    // ---- the report ----

    @Test
    void aCleanItemPassesEveryCheckAndTheReportSaysSo() {
        CheckReport r = CHECKS.check(content("红旗区商务局召开促消费工作推进会", "红旗区商务局",
                "依据红商〔2023〕12号文件，区商务局召开推进会。咨询电话 0371-12345678。", "红商〔2023〕12号", List.of(PHOTO),
                null));

        assertThat(r.findings()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.toText()).isEqualTo("检查通过");
    }
}
