package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A quotation's last block, down to the text, has no bottom margin, in one margin declaration. */
class QuotationEndsTest {
    private static ArticleRenderer renderer;

    @BeforeAll
    static void load() {
        renderer = ArticleRenderer.load(Path.of("templates"));
    }

    private static Document html(String body) {
        var item = cn.gongkai.testsupport.ItemBuilder.anItem().title("标题").author("红旗区商务局").body(body).build();
        return Jsoup.parseBodyFragment(renderer.render(item, "红旗商务", img -> "https://mmbiz.qpic.cn/x").html());
    }

    @Test
    void theShorthandKeepsItsOtherSidesAndGetsABottomOfZero() {
        assertThat(QuotationEnds.withoutBottomMargin("margin:0 0 14px 0;text-align:justify;"))
                .isEqualTo("margin:0;text-align:justify;");
        assertThat(QuotationEnds.withoutBottomMargin("margin:4px 0;")).isEqualTo("margin:4px 0 0 0;");
        assertThat(QuotationEnds.withoutBottomMargin("margin:8px;color:red")).isEqualTo("margin:8px 8px 0 8px;color:red;");
        assertThat(QuotationEnds.withoutBottomMargin("margin:1px 2px 3px;")).isEqualTo("margin:1px 2px 0 2px;");
        assertThat(QuotationEnds.withoutBottomMargin("Margin : 0 0 14px 0 ;margin-bottom:9px;padding:2px"))
                .isEqualTo("margin:0;padding:2px;");
    }

    @Test
    void aStyleWithoutMarginGetsOneBottomDeclaration() {
        assertThat(QuotationEnds.withoutBottomMargin("color:#555;")).isEqualTo("color:#555;margin-bottom:0;");
        assertThat(QuotationEnds.withoutBottomMargin("")).isEqualTo("margin-bottom:0;");
    }

    @Test
    void aListThatEndsAQuotationEndsWithItsLastItemAndEarlierBlocksKeepTheirMargins() {
        Document doc = html("> 一段。\n>\n> - 甲\n> - 乙\n\n正文。");

        assertThat(doc.selectFirst("blockquote > p").attr("style")).startsWith("margin:0 0 14px 0;");
        assertThat(doc.selectFirst("blockquote > ul").attr("style")).startsWith("margin:0;");
        assertThat(doc.select("blockquote li").first().attr("style")).isEqualTo("margin:4px 0;");
        assertThat(doc.select("blockquote li").last().attr("style")).isEqualTo("margin:4px 0 0 0;");
        assertThat(doc.select("body > section > p").first().attr("style")).startsWith("margin:0 0 14px 0;");
    }

    @Test
    void aNestedQuotationAndItsLastParagraphBothEndWithoutMargin() {
        Document doc = html("> 一\n> > 二\n\n正文。");

        assertThat(doc.select("blockquote blockquote").attr("style")).startsWith("margin:0;");
        assertThat(doc.select("blockquote blockquote > p").attr("style")).startsWith("margin:0;");
        assertThat(doc.select("blockquote").first().selectFirst("p").attr("style")).startsWith("margin:0 0 14px 0;");
        assertThat(doc.select("blockquote").outerHtml()).doesNotContain("margin-bottom");
    }
}
