package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The phone-width preview page: the feed card and the article, every value but the article's HTML escaped. */
class PreviewPageTest {
    private static final String COVER = "data:image/jpeg;base64,AAAA";

    @Test
    void theCardShowsTheCoverTitleAndDigestAboveTheArticle() {
        RenderedArticle a = new RenderedArticle("促消费活动启动", "红旗区商务局", "活动即日开始", "<p>正文</p>", "");

        String html = PreviewPage.html(a, "<p>正文<img src=\"data:image/png;base64,BBBB\"></p>", COVER);

        Document page = Jsoup.parse(html);
        assertThat(html).startsWith("<!DOCTYPE html><html lang=\"zh-CN\">").doesNotContain("\n");
        assertThat(page.title()).isEqualTo("促消费活动启动（预览）");
        assertThat(page.selectFirst("div[style*=max-width:375px]")).isNotNull();
        assertThat(page.selectFirst("div[style*=aspect-ratio:2.35/1]").attr("style")).contains("url('" + COVER + "')");
        assertThat(page.select("h1").text()).isEqualTo("促消费活动启动");
        assertThat(page.select("img").attr("src")).isEqualTo("data:image/png;base64,BBBB");
        assertThat(page.text()).contains("活动即日开始", "正文");
    }

    @Test
    void theTitleAndDigestAreTextNotMarkup() {
        RenderedArticle a = new RenderedArticle("<b>标题</b> & \"引号\"", "", "<script>x</script>", "", "");

        String html = PreviewPage.html(a, "<p>正文</p>", COVER);

        assertThat(html).doesNotContain("<b>", "<script>").contains("&lt;b&gt;标题&lt;/b&gt; &amp; &quot;引号&quot;");
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("<b>标题</b> & \"引号\"");
    }
}
