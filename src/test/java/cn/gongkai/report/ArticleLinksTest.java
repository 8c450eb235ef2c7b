package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an imported row's address is matched with the ledger's (the import itself is tested through the CLI). */
class ArticleLinksTest {
    @Test
    void aWeChatLinkIsTheArticleItsBizMidAndIdxName() {
        assertThat(ArticleLinks.articleLink("https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=ab&chksm=c#rd"))
                .isEqualTo(ArticleLinks.articleLink("http://MP.WEIXIN.QQ.COM/s?idx=1&mid=2650&__biz=MzA1&scene=21"))
                .isEqualTo("mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1");
        assertThat(ArticleLinks.articleLink("https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=2"))
                .isNotEqualTo(ArticleLinks.articleLink("https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1"));
    }

    @Test
    void anotherLinkLosesOnlyItsSchemeFragmentAndTrailingSlash() {
        assertThat(ArticleLinks.articleLink("https://WWW.Hongqi.gov.cn/News/1/#top"))
                .isEqualTo(ArticleLinks.articleLink("http://www.hongqi.gov.cn/News/1"))
                .isEqualTo("www.hongqi.gov.cn/News/1");
        // A short WeChat link has no parameters to compare; its path is the article.
        assertThat(ArticleLinks.articleLink("https://mp.weixin.qq.com/s/AbC")).isEqualTo("mp.weixin.qq.com/s/AbC");
        assertThat(ArticleLinks.articleLink("https://x.cn/a?id=1")).isNotEqualTo(ArticleLinks.articleLink("https://x.cn/a?id=2"));
        assertThat(ArticleLinks.articleLink("  ")).isEmpty();
        assertThat(ArticleLinks.articleLink(null)).isEmpty();
    }
}
