package cn.gongkai.render;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Markdown items rendered with the shipped templates into the HTML WeChat gets. */
class ArticleRendererTest {
    private static final String ACCOUNT = "红旗商务";
    private static final String YIJIU = "消费者交回旧商品、购买新商品时享受补贴或折价的促消费方式。";

    private static ArticleRenderer renderer;

    @BeforeAll
    static void loadTemplates() {
        renderer = ArticleRenderer.load(Path.of("templates"));
    }

    private static ItemContent item(String body, List<Note> notes, List<String> glossary, List<ItemImage> images) {
        return anItem().title("家电以旧换新补贴活动开始报名").author("红旗区商务局").department("市场运行股").body(body)
                .notes(notes).glossary(glossary).images(images).sourceUrl("https://www.example.gov.cn/zwgk/1.html")
                .build();
    }

    private static RenderedArticle render(ItemContent item) {
        return renderer.render(item, ACCOUNT, img -> "https://mmbiz.qpic.cn/" + img.fileName());
    }

    private static RenderedArticle render(String body) {
        return render(item(body, List.of(), List.of(), List.of()));
    }

    private static Document parse(RenderedArticle a) {
        return Jsoup.parseBodyFragment(a.html());
    }

    /** The paragraphs of the section whose title is the given text. */
    private static List<String> section(Document doc, String title) {
        Element heading = doc.select("p").stream().filter(p -> p.text().equals(title)).findFirst().orElse(null);
        if (heading == null) {
            return List.of();
        }
        return heading.siblingElements().stream().filter(e -> e.tagName().equals("p")).map(Element::text).toList();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static ItemImage image(String fileName, String caption, String alt) {
        byte[] fake = fileName.getBytes(StandardCharsets.UTF_8);
        return new ItemImage(ContentHash.sha256(fake), fileName, "image/jpeg", 640, 480, 1000, caption, alt);
    }

    @Test
    void aNoteTermGetsASuperscriptAtItsFirstUseOnly() {
        RenderedArticle a = render(item("开展以旧换新活动。\n\n再次说明以旧换新的办法。",
                List.of(new Note("以旧换新", YIJIU)), List.of(), List.of()));
        Document doc = parse(a);

        Elements sups = doc.select("sup");
        assertThat(sups).extracting(Element::text).containsExactly("[注1]");
        assertThat(sups.first().previousSibling().toString()).endsWith("以旧换新");
        assertThat(doc.select("p").get(1).text()).isEqualTo("再次说明以旧换新的办法。");
        assertThat(section(doc, "名词解释")).containsExactly("[注1] 以旧换新：" + YIJIU);
    }

    @Test
    void notesAreNumberedInOrderOfFirstUse() {
        RenderedArticle a = render(item("今年继续优化营商环境，推进以旧换新。",
                List.of(new Note("以旧换新", YIJIU), new Note("营商环境", "企业经营的外部条件。")), List.of(),
                List.of()));
        Document doc = parse(a);

        assertThat(doc.select("p").first().html()).containsSubsequence("营商环境", "[注1]", "以旧换新", "[注2]");
        assertThat(section(doc, "名词解释")).containsExactly("[注1] 营商环境：企业经营的外部条件。",
                "[注2] 以旧换新：" + YIJIU);
    }

    @Test
    void itemNotesAndGlossaryNotesMergeWithoutDuplicates() {
        Glossary glossary = renderer.glossary();
        RenderedArticle a = render(item("推进以旧换新，优化营商环境，发展跨境电商。",
                List.of(new Note("以旧换新", "本稿自己的解释。")), List.of("以旧换新", "营商环境", "跨境电商"),
                List.of()));
        Document doc = parse(a);

        assertThat(section(doc, "名词解释")).containsExactly(
                "[注1] 以旧换新：本稿自己的解释。",
                "[注2] 营商环境：" + glossary.explain("营商环境").orElseThrow(),
                "[注3] 跨境电商：" + glossary.explain("跨境电商").orElseThrow());
        assertThat(count(doc.text(), "以旧换新：")).isEqualTo(1);
    }

    @Test
    void aNoteNeverUsedInTheTextIsStillListedAfterTheUsedOnes() {
        RenderedArticle a = render(item("推进以旧换新。", List.of(new Note("夜间经济", "夜里的消费。"),
                new Note("以旧换新", YIJIU)), List.of(), List.of()));

        assertThat(section(parse(a), "名词解释")).containsExactly("[注1] 以旧换新：" + YIJIU, "[注2] 夜间经济：夜里的消费。");
    }

    @Test
    void anArticleWithoutNotesHasNoExplanationSection() {
        assertThat(render("没有术语的正文。").html()).doesNotContain("名词解释").doesNotContain("参考链接");
    }

    @Test
    void anExternalLinkBecomesTextWithANumberedReference() {
        RenderedArticle a = render("详见[通知全文](https://www.example.gov.cn/a.html)和"
                + "[报名表](https://www.example.gov.cn/b.html)，再看[通知](https://www.example.gov.cn/a.html)。");
        Document doc = parse(a);

        assertThat(doc.select("a")).isEmpty();
        assertThat(doc.select("p").first().text())
                .isEqualTo("详见通知全文[1]和报名表[2]，再看通知[1]。");
        assertThat(section(doc, "参考链接")).containsExactly("[1] 通知全文：https://www.example.gov.cn/a.html",
                "[2] 报名表：https://www.example.gov.cn/b.html");
    }

    @Test
    void aLinkToAWeChatArticleStaysALink() {
        RenderedArticle a = render("参见[上期推送](https://mp.weixin.qq.com/s/abcdef)。");
        Document doc = parse(a);

        assertThat(doc.select("a")).singleElement().satisfies(link -> {
            assertThat(link.attr("href")).isEqualTo("https://mp.weixin.qq.com/s/abcdef");
            assertThat(link.text()).isEqualTo("上期推送");
            assertThat(link.attr("style")).isNotBlank();
        });
        assertThat(a.html()).doesNotContain("参考链接");
    }

    @Test
    void imagesGetTheGivenSrcAndTheirCaptionUnderThem() {
        RenderedArticle a = render(item("现场照片：\n\n![推进会现场](meeting.jpg \"会议现场照片\")\n\n![](chart.png)",
                List.of(), List.of(), List.of(image("meeting.jpg", "会议现场照片", "推进会现场"),
                        image("chart.png", "", ""))));
        Document doc = parse(a);

        Elements figures = doc.select("figure");
        assertThat(figures).hasSize(2);
        Element first = figures.get(0);
        assertThat(first.child(0).tagName()).isEqualTo("img");
        assertThat(first.child(0).attr("src")).isEqualTo("https://mmbiz.qpic.cn/meeting.jpg");
        assertThat(first.child(0).attr("alt")).isEqualTo("推进会现场");
        assertThat(first.child(1).tagName()).isEqualTo("figcaption");
        assertThat(first.child(1).text()).isEqualTo("会议现场照片");
        Element second = figures.get(1);
        assertThat(second.select("img").attr("src")).isEqualTo("https://mmbiz.qpic.cn/chart.png");
        assertThat(second.select("figcaption")).isEmpty();
        assertThat(doc.select("p > figure")).isEmpty();
    }

    @Test
    void rawHtmlInTheMarkdownNeverBecomesMarkup() {
        RenderedArticle a = render("""
                <script>alert("x")</script>

                <style>p { color: red }</style>

                <p class="big" onclick="steal()" onmouseover="x()">点击</p>

                <img src="x.png" onerror="steal()">

                [报名](javascript:alert(1))

                ```js
                const a = 1;
                ```
                """);
        Document doc = parse(a);

        assertThat(doc.select("script, style, iframe, object, embed, form")).isEmpty();
        assertThat(doc.getAllElements()).allSatisfy(e -> {
            assertThat(e.hasAttr("class")).as("class on <%s>", e.tagName()).isFalse();
            assertThat(e.hasAttr("id")).isFalse();
            for (Attribute attr : e.attributes()) {
                assertThat(attr.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWith("on");
                assertThat(attr.getValue()).doesNotContainIgnoringCase("javascript:");
            }
        });
        assertThat(a.html()).doesNotContain("<script").doesNotContain("<style").doesNotContain("<img src=\"x.png\"");
        assertThat(doc.text()).contains("<script>alert(\"x\")</script>");
    }

    @Test
    void everyBodyElementCarriesItsThemeStyleInline() {
        RenderedArticle a = render("""
                ## 补贴标准

                | 品类 | 补贴比例 |
                | --- | --- |
                | 冰箱 | 10% |

                - 第一条
                - 第二条

                > 引用说明
                """);
        Document doc = parse(a);

        for (String tag : List.of("h2", "table", "th", "td", "ul", "li", "blockquote")) {
            assertThat(doc.select(tag)).as(tag).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.attr("style")).as("style of <%s>", tag).isNotBlank());
        }
        assertThat(doc.select("td").first().attr("style")).contains("border");
    }

    @Test
    void anArticleOverTwentyThousandCharactersSaysByHowMuch() {
        String body = "会议要求各股室建立重点项目台账，每月更新进展。\n\n".repeat(900);

        assertThatThrownBy(() -> render(body)).isInstanceOf(RenderException.class).satisfies(e -> {
            Matcher m = Pattern.compile("正文 (\\d+) 字符，超过微信上限 20000 字符（需减少约 (\\d+) 字符，约合正文文字 (\\d+) 字）")
                    .matcher(e.getMessage());
            assertThat(m.find()).as(e.getMessage()).isTrue();
            int chars = Integer.parseInt(m.group(1));
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(chars - 20_000 + 1);
            assertThat(e.getMessage()).contains("《家电以旧换新补贴活动开始报名》");
        });
    }

    @Test
    void theDigestIsCutAtASentenceEndWithin120Characters() {
        String first = "为激发消费活力，红旗区即日起开展家电以旧换新补贴活动。";
        String paragraph = (first + "消费者在活动期间交售旧家电并购买新家电，可按新家电成交价的百分之十获得补贴。").repeat(3);
        RenderedArticle a = render(item(paragraph + "\n\n第二段。", List.of(new Note("以旧换新", YIJIU)),
                List.of(), List.of()));

        assertThat(paragraph.length()).isGreaterThan(120);
        assertThat(a.digest()).hasSizeLessThanOrEqualTo(120).startsWith(first).endsWith("。")
                .doesNotContain("[注1]");
        assertThat(paragraph).startsWith(a.digest());
    }

    @Test
    void aShortFirstParagraphIsTheWholeDigest() {
        assertThat(render("开展以旧换新活动。\n\n第二段。").digest()).isEqualTo("开展以旧换新活动。");
    }

    @Test
    void theLayoutNamesTheSourceAndLeavesOutTheHeaderBarByDefault() {
        RenderedArticle a = render("正文。");

        assertThat(parse(a).selectFirst("section > section").text()).doesNotContain("红旗商务", "促消费");
        assertThat(a.html()).doesNotContain("促消费");
        assertThat(a.html()).contains("来源：红旗区商务局").contains("阅读原文");
        assertThat(a.title()).isEqualTo("家电以旧换新补贴活动开始报名");
        assertThat(a.contentSourceUrl()).isEqualTo("https://www.example.gov.cn/zwgk/1.html");
    }
}
