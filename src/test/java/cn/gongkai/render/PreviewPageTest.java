package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The phone-width preview page: the feed card, then WeChat's article page (title, account and date, content area
 * under WeChat's container rules); every value but the article's HTML escaped.
 */
class PreviewPageTest {
    private static final String COVER = "data:image/jpeg;base64,AAAA";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void theCardShowsTheCoverTitleAndDigestAboveTheArticlePage() {
        RenderedArticle a = new RenderedArticle("促消费活动启动", "红旗区商务局", "活动即日开始", "<p>正文</p>", "");

        String html = PreviewPage.html(a, "<p>正文<img src=\"data:image/png;base64,BBBB\"></p>", COVER, "红旗商务", DAY);

        Document page = Jsoup.parse(html);
        assertThat(html).startsWith("<!DOCTYPE html><html lang=\"zh-CN\">");
        assertThat(page.title()).isEqualTo("促消费活动启动（预览）");
        assertThat(page.selectFirst(".wx-cover").attr("style")).contains("url('" + COVER + "')");
        assertThat(page.select(".wx-card").text()).contains("促消费活动启动", "活动即日开始");
        assertThat(page.select("h1.wx-title").text()).isEqualTo("促消费活动启动");
        assertThat(page.select(".wx-meta").text()).isEqualTo("红旗区商务局 红旗商务 2026-12-07");
        assertThat(page.select(".wx-meta .wx-account").text()).isEqualTo("红旗商务");
        assertThat(page.select(".wx-area > .wx-content img").attr("src")).isEqualTo("data:image/png;base64,BBBB");
    }

    @Test
    void theArticleSitsUnderWeChatsContainerRulesFromTheOneStyleSheet() {
        String css = PreviewPage.containerCss();
        String html = PreviewPage.html(new RenderedArticle("标题", "", "摘要", "", ""), "<p>正文</p>", COVER, "红旗商务",
                DAY);

        assertThat(html).contains("<style>" + css + "</style></head>");
        String content = rule(css, ".wx-content, .phone {");
        assertThat(content).contains("font-size: 17px", "line-height: 1.6", "letter-spacing: .034em",
                "text-align: justify", "\"PingFang SC\"", "\"Microsoft YaHei\"");
        assertThat(rule(css, ".wx-area, .phone {")).contains("padding: 20px 16px");
        assertThat(rule(css, ".wx-column {")).contains("max-width: 414px");
        assertThat(rule(css, ".wx-title {")).contains("font-size: 22px");
        assertThat(rule(css, ".wx-content *, .phone * {")).contains("max-width: 100% !important");
    }

    @Test
    void theTitleDigestAuthorAndAccountAreTextNotMarkup() {
        RenderedArticle a = new RenderedArticle("<b>标题</b> & \"引号\"", "<i>单位</i>", "<script>x</script>", "", "");

        String html = PreviewPage.html(a, "<p>正文</p>", COVER, "<u>号</u>", DAY);

        assertThat(html).doesNotContain("<b>", "<script>", "<i>", "<u>")
                .contains("&lt;b&gt;标题&lt;/b&gt; &amp; &quot;引号&quot;");
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("<b>标题</b> & \"引号\"");
    }

    /** The declarations of the rule that starts with {@code head}. */
    private static String rule(String css, String head) {
        int at = css.indexOf(head);
        assertThat(at).as("rule " + head).isNotNegative();
        return css.substring(at + head.length(), css.indexOf('}', at));
    }
}
