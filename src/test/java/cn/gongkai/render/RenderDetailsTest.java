package cn.gongkai.render;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finer rules of rendering: notes, footnotes, lists, heading numbers, digests, links and the safety pass. */
class RenderDetailsTest {
    private static ArticleRenderer renderer;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        renderer = ArticleRenderer.load(Path.of("templates"));
    }

    private static ItemContent item(String body, List<Note> notes, List<String> glossary) {
        return anItem().title("家电以旧换新补贴活动开始报名").author("红旗区商务局").body(body).notes(notes)
                .glossary(glossary).build();
    }

    private static RenderedArticle render(ArticleRenderer r, ItemContent item) {
        return r.render(item, "红旗商务", img -> "https://mmbiz.qpic.cn/" + img.fileName());
    }

    private static Document html(String body, Note... notes) {
        Document doc = Jsoup.parseBodyFragment(render(renderer, item(body, List.of(notes), List.of())).html());
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    private static List<String> noteLines(Document doc) {
        Element title = doc.select("p").stream().filter(p -> p.text().startsWith("名词解释") || p.text().equals("备注"))
                .findFirst().orElseThrow();
        return title.siblingElements().stream().map(Element::text).toList();
    }

    // ---- notes ----

    @Test
    void aShortTermInsideALongerOneIsNotMarkedThere() {
        Document doc = html("发展跨境电商，跨境电商企业和传统电商都可申报。", new Note("电商", "电子商务。"),
                new Note("跨境电商", "跨境电子商务。"));

        assertThat(doc.select("p").first().text()).isEqualTo("发展跨境电商[注1]，跨境电商企业和传统电商[注2]都可申报。");
    }

    @Test
    void aTermWhoseFirstUseIsInAHeadingIsMarkedInTheHeadingOnly() {
        Document doc = html("## 以旧换新补贴标准\n\n以旧换新按成交价补贴。", new Note("以旧换新", "交旧买新。"));

        assertThat(doc.select("h2").first().text()).isEqualTo("以旧换新[注1]补贴标准");
        assertThat(doc.select("h2 > sup")).hasSize(1);
        assertThat(doc.select("p").first().text()).isEqualTo("以旧换新按成交价补贴。");
    }

    @Test
    void termsInTableCellsAreMarkedAtTheirFirstUse() {
        Document doc = html("| 品类 | 说明 |\n| --- | --- |\n| 冰箱 | 一级能效 |\n| 空调 | 一级能效 |",
                new Note("一级能效", "最省电的等级。"));

        assertThat(doc.select("td")).extracting(Element::text).containsExactly("冰箱", "一级能效[注1]", "空调", "一级能效");
        assertThat(doc.selectFirst("table").parent().tagName()).isEqualTo("section");
    }

    @Test
    void aTermWrittenWithFullWidthLettersInTheItemIsTheSameNoteAsInTheGlossary() {
        ArticleRenderer withRcep = rendererWithGlossary("RCEP: 区域全面经济伙伴关系协定。\n");
        RenderedArticle a = render(withRcep, item("用好ＲＣＥＰ规则。", List.of(new Note("ＲＣＥＰ", "本稿的解释。")),
                List.of("RCEP")));

        assertThat(noteLines(Jsoup.parseBodyFragment(a.html()))).containsExactly("[注1] ＲＣＥＰ：本稿的解释。");
    }

    @Test
    void footnotesAndTermNotesShareOneSequenceInOrderOfAppearance() {
        Document doc = html("方案[^a]提出发展夜间经济，补助[^b]按年发放，再次提到方案[^a]。\n\n[^a]: 红政办发〔2023〕15号。\n"
                + "[^b]: 每个夜市5万元。\n", new Note("夜间经济", "晚上的消费。"));

        assertThat(doc.select("p").first().text()).isEqualTo("方案[注1]提出发展夜间经济[注2]，补助[注3]按年发放，再次提到方案[注1]。");
        assertThat(noteLines(doc)).containsExactly("[注1] 红政办发〔2023〕15号。", "[注2] 夜间经济：晚上的消费。",
                "[注3] 每个夜市5万元。");
        assertThat(doc.select("p").stream().map(Element::text)).contains("名词解释与备注");
        assertThat(doc.select("a")).isEmpty();
    }

    @Test
    void aBoldLeadInEndingInChinesePunctuationIsBoldInAFootnoteToo() {
        Document doc = html("正文[^1]。\n\n[^1]: **一是。**其后说明。");

        assertThat(noteLines(doc)).containsExactly("[注1] 一是。其后说明。");
        assertThat(doc.select("strong").eachText()).contains("一是。");
    }

    @Test
    void onlyFootnotesMakeAnotherSectionTitle() {
        Document doc = html("正文[^1]。\n\n[^1]: 说明。\n");

        assertThat(doc.select("p").stream().map(Element::text)).contains("备注").doesNotContain("名词解释");
    }

    // ---- lists ----

    @Test
    void aNestedListIsMovedAfterItsItemInsideTheOuterList() {
        Document doc = html("1. 企业材料\n   - 营业执照\n     - 副本\n2. 承诺书\n");

        Element outer = doc.selectFirst("ol");
        assertThat(outer.children()).extracting(Element::tagName).containsExactly("li", "ul", "li");
        assertThat(outer.child(0).text()).isEqualTo("企业材料");
        assertThat(outer.child(1).children()).extracting(Element::tagName).containsExactly("li", "ul");
        assertThat(doc.select("li > ul, li > ol")).isEmpty();
    }

    @Test
    void theParagraphsOfALooseListItemBecomeLinesOfTheItem() {
        Document doc = html("- 第一条。\n\n  补充说明。\n- 第二条。\n");

        assertThat(doc.select("li p")).isEmpty();
        assertThat(doc.selectFirst("li").html()).isEqualTo("第一条。<br>补充说明。");
    }

    // ---- 公文 heading numbers ----

    @Test
    void headingNumbersFollowTheOfficialDocumentLevelsAndRestartUnderEachHigherHeading() {
        ItemContent item = new ItemContent("hongqi", "其他", "标题", "", "", """
                ## 总体情况
                ### 主动公开
                #### 办理
                ##### 时限
                ### 依申请公开
                ## 改进
                ### 二、措施
                """, null, null, null, null, "", "", null, "", true);

        Document doc = Jsoup.parseBodyFragment(render(renderer, item).html());

        assertThat(doc.select("h2, h3, h4, h5")).extracting(Element::text).containsExactly("一、总体情况", "（一）主动公开",
                "1.办理", "（1）时限", "（二）依申请公开", "二、改进", "二、措施");
    }

    @Test
    void theConfiguredDefaultNumbersHeadingsUnlessTheItemSaysNo() {
        ArticleRenderer numbering = ArticleRenderer.load(Path.of("templates"), new RenderSettings(true, Map.of()));
        ItemContent unset = item("## 总体情况\n\n正文。", List.of(), List.of());
        ItemContent off = new ItemContent("hongqi", "其他", "标题", "", "", "## 总体情况\n\n正文。", null, null, null, null,
                "", "", null, "", false);

        assertThat(render(numbering, unset).html()).contains("一、总体情况");
        assertThat(render(numbering, off).html()).doesNotContain("一、");
    }

    @Test
    void chineseNumeralsAreWrittenAsInOfficialDocuments() {
        assertThat(List.of(1, 9, 10, 11, 19, 20, 21, 99, 100)).extracting(HeadingNumbers::chinese)
                .containsExactly("一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "100");
    }

    // ---- digest ----

    @Test
    void theDigestSkipsASalutationAndKeepsClosingQuotesWithTheirSentence() {
        RenderedArticle a = render(renderer, item("各股室：\n\n局长强调：“要抓好落实。”会议要求各股室按期报送。", List.of(),
                List.of()));

        assertThat(a.digest()).isEqualTo("局长强调：“要抓好落实。”会议要求各股室按期报送。");
    }

    @Test
    void whenNoWholeSentenceFitsTheDigestIsTheTitleAndAWarningSaysSo() {
        RenderedArticle a = render(renderer, item("长".repeat(130) + "。", List.of(), List.of()));

        assertThat(a.digest()).isEqualTo("家电以旧换新补贴活动开始报名");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("摘要暂用标题").contains("digest:"));
    }

    @Test
    void aDigestStaffWroteIsUsedAsItIs() {
        ItemContent withDigest = new ItemContent("hongqi", "促消费", "标题", "", "", "第一段。", null, null, null, null,
                "", "", null, "自定义摘要，不取正文。", null);

        assertThat(render(renderer, withDigest).digest()).isEqualTo("自定义摘要，不取正文。");
    }

    // ---- Markdown details and links ----

    @Test
    void aLineBreakBetweenChineseLinesDisappearsButSeparatesLatinWords() {
        Document doc = html("红旗区商务局召开\n推进会，部署 RCEP\nrules 落实。");

        assertThat(doc.selectFirst("p").text()).isEqualTo("红旗区商务局召开推进会，部署 RCEP rules 落实。");
    }

    @Test
    void linksThatAreNotWebOrMailAddressesAreDroppedAndAnchorsLoseTheirLink() {
        Document doc = html("[报名](javascript:alert(1))、[下文](#banshi)、[邮箱](mailto:a@example.gov.cn)和"
                + "[网站](HTTPS://WWW.Example.GOV.cn/a)、[再次](https://www.example.gov.cn/a)。");

        assertThat(doc.select("a")).isEmpty();
        assertThat(doc.selectFirst("p").text()).isEqualTo("报名、下文、邮箱[1]和网站[2]、再次[2]。");
        assertThat(doc.text()).contains("[1] 邮箱：mailto:a@example.gov.cn", "[2] 网站：https://www.example.gov.cn/a")
                .doesNotContain("javascript");
    }

    @Test
    void linkTextTurnedIntoAReferenceIsNotColouredLikeALinkButAWeChatArticleLinkIs() {
        Document doc = html("详见[通知](https://www.example.gov.cn/a)，往期见[上期](https://mp.weixin.qq.com/s/abc)。");

        Element p = doc.selectFirst("p");
        assertThat(p.ownText()).startsWith("详见通知");
        assertThat(p.select("span")).isEmpty();
        assertThat(p.selectFirst("a").attr("style")).contains("color:#576b95");
    }

    @Test
    void addressesWrittenOutBecomeReferencesAsTheExternalLinkCheckSaysButNotInCodeOrMail() {
        Document doc = html("见 <https://www.example.gov.cn/a> 和 https://www.example.gov.cn/b。代码 "
                + "`https://x.example.cn/c` 不变，邮箱 <a@example.gov.cn>，往期 https://mp.weixin.qq.com/s/abc 。");

        assertThat(doc.selectFirst("p").text()).isEqualTo("见 https://www.example.gov.cn/a[1] 和 "
                + "https://www.example.gov.cn/b[2]。代码 https://x.example.cn/c 不变，邮箱 a@example.gov.cn，往期 "
                + "https://mp.weixin.qq.com/s/abc 。");
        assertThat(doc.selectFirst("p").select("span").eachAttr("style")).containsOnly("word-break:break-all;");
        assertThat(doc.text()).contains("[1] https://www.example.gov.cn/a", "[2] https://www.example.gov.cn/b")
                .doesNotContain("[3]");
    }

    @Test
    void aQuotationsLastBlockHasNoBottomMargin() {
        Document doc = html("> 第一段。\n>\n> ——摘自某规范\n\n正文。");

        assertThat(doc.select("blockquote > p").first().attr("style")).startsWith("margin:0 0 14px 0;");
        assertThat(doc.select("blockquote > p").last().attr("style")).isEqualTo("margin:0;text-align:justify;");
        assertThat(doc.select("body > section > p").first().attr("style")).startsWith("margin:0 0 14px 0;");
    }

    @Test
    void theQrCodeShowsOnlyInTheArticlesOfItsAccount() {
        byte[] png = SmallPng.png();
        ItemImage qr = new ImagePreparer().describe("qr.png", png, "", "");
        ArticleRenderer withQr = ArticleRenderer.load(Path.of("templates"), new RenderSettings(false,
                Map.of("hongqi", qr)));
        ItemContent other = new ItemContent("dongcheng", "其他", "标题", "", "", "正文。", null, null, null, null, "", "",
                null);

        assertThat(render(withQr, item("正文。", List.of(), List.of())).html())
                .contains("src=\"https://mmbiz.qpic.cn/qr.png\"", "长按识别二维码，关注“红旗商务”");
        assertThat(render(withQr, other).html()).doesNotContain("二维码");
        assertThat(withQr.qrCode("hongqi")).contains(qr);
    }

    @Test
    void imagesAreMatchedByFileNameEvenWhenTheirOrderDiffers() {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        ItemImage first = new ItemImage(ContentHash.sha256(a), "a.jpg", "image/jpeg", 10, 10, 1, "甲", "");
        ItemImage second = new ItemImage(ContentHash.sha256(b), "b.jpg", "image/jpeg", 10, 10, 1, "乙", "");
        ItemContent content = new ItemContent("hongqi", "其他", "标题", "", "", "![](img/b.jpg)\n\n![](img/a.jpg)", null,
                null, List.of(first, second), null, "", "", null);

        Document doc = Jsoup.parseBodyFragment(render(renderer, content).html());

        assertThat(doc.select("figcaption")).extracting(Element::text).containsExactly("乙", "甲");
    }

    // ---- the safety pass ----

    @Test
    void whatAnEditedLayoutAddsIsCleanedAndReported() throws IOException {
        Path dir = tmp.resolve("templates");
        Files.createDirectories(dir.resolve("article"));
        Files.copy(Path.of("templates/article/theme.yml"), dir.resolve("article/theme.yml"));
        Files.writeString(dir.resolve("article/layout.ftlh"), """
                <style>p{color:red}</style><script>alert(1)</script>
                <section class="wrap" id="top" onclick="x()" style="color:#333;background:url(http://e.com/a.png);">
                ${bodyHtml?no_esc}
                <iframe src="https://example.com/"></iframe>
                <img src="https://example.com/logo.png" alt="标识">
                <p><a href="https://www.example.gov.cn/">政府网站</a> <a href="https://mp.weixin.qq.com/s/x">往期</a></p>
                </section>
                """, StandardCharsets.UTF_8);

        RenderedArticle a = render(ArticleRenderer.load(dir), item("正文。", List.of(), List.of()));

        assertThat(a.html()).doesNotContain("<style", "<script", "alert", "<iframe", "class=", "id=", "onclick",
                "url(", "example.com/logo.png", "www.example.gov.cn");
        assertThat(a.html()).contains("style=\"color:#333;\"", "<a href=\"https://mp.weixin.qq.com/s/x\"", "政府网站");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("外部图片"))
                .anySatisfy(w -> assertThat(w).contains("链接"))
                .anySatisfy(w -> assertThat(w).contains("外部资源的样式"));
    }

    @Test
    void theSizeLimitIsStrictlyUnderTwentyThousandCharacters() {
        String justUnder = "x".repeat(19_999);
        String atLimit = "x".repeat(20_000);

        assertThatCode(() -> SafetyPass.checkSize("标题", justUnder, 19_000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SafetyPass.checkSize("标题", atLimit, 10_000)).isInstanceOf(RenderException.class)
                .hasMessageContaining("20000 字符，超过微信上限 20000 字符（需减少约 1 字符，约合正文文字 1 字）");
    }

    private ArticleRenderer rendererWithGlossary(String yaml) {
        try {
            Path dir = tmp.resolve("glossary-templates");
            Files.createDirectories(dir.resolve("article"));
            Files.createDirectories(dir.resolve("notes"));
            Files.copy(Path.of("templates/article/theme.yml"), dir.resolve("article/theme.yml"));
            Files.copy(Path.of("templates/article/layout.ftlh"), dir.resolve("article/layout.ftlh"));
            Files.writeString(dir.resolve("notes/glossary.yml"), yaml, StandardCharsets.UTF_8);
            return ArticleRenderer.load(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small real PNG. */
    private static final class SmallPng {
        static byte[] png() {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 40,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(img, "png", out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
