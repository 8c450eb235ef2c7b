package cn.gongkai.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.checks.WordList;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 错敏字 and links in the text of published HTML, as the inspection finds them. */
class ArticleFindingsTest {
    static final WordList WORDS = WordList.parse("""
            校队 -> 校对 | 学校队
            人民政付 -> 人民政府
            某禁用词
            """, "test");
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    final Database db = Fixtures.memoryDatabase();
    final List<String> probed = new ArrayList<>();

    @AfterEach
    void close() {
        db.close();
    }

    private ArticleFindings findings() {
        LinkProbe probe = url -> {
            probed.add(url);
            return new LinkProbe.Result(url.contains("gone") ? LinkProbe.Outcome.DEAD : LinkProbe.Outcome.OK, "HTTP");
        };
        return new ArticleFindings(new WordFindings(WORDS), new LinkJudge(probe, db.inspections(), url -> true,
                ZoneId.of("Asia/Shanghai"), clock));
    }

    private static InspectedArticle article(String id, String title, String html, boolean deleted) {
        return new InspectedArticle("hongqi", id, 1, title, "https://mp.weixin.qq.com/s/" + id, null, deleted,
                HtmlText.text(html), HtmlText.links(html), PublishedPull.sha256(html), Instant.EPOCH, true, null);
    }

    @Test
    void wrongAndSensitiveWordsAreFoundInTheTextOfTheHtmlWithTheSnippetAroundThem() {
        InspectedArticle a = article("A1", "红旗区人民政付通知",
                "<p>办公室主任校<span style=\"color:red\">队</span>后印发。学校队获奖。</p>"
                        + "<p>&#26576;&#x7981;用词&nbsp;不应出现&lt;此处&gt;</p>", false);

        List<Finding> found = findings().of(List.of(a));

        assertThat(found).extracting(Finding::kind, Finding::problem, Finding::suggestion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.WRONG_WORD, "“人民政付”：红旗区人民政付通知", "改为“人民政府”"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.WRONG_WORD, "“校队”：…公室主任校队后印发。…", "改为“校对”"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.SENSITIVE_WORD, "“某禁用词”：某禁用词 不应出…",
                        "不应使用，请改写"));
        assertThat(found).allSatisfy(f -> {
            assertThat(f.title()).isEqualTo("红旗区人民政付通知");
            assertThat(f.url()).isEqualTo("https://mp.weixin.qq.com/s/A1");
        });
    }

    @Test
    void linksAreJudgedOncePerDayAndTheAccountsOwnArticlesAreNotProbed() {
        InspectedArticle deletedOwn = article("OLD", "旧文", "<p>旧</p>", true);
        InspectedArticle a = article("A2", "通知", "<p><a href=\"https://www.example.gov.cn/gone?a=1&amp;b=2\">附件</a>"
                + "<a href='https://www.example.gov.cn/ok'>政策</a><a href=\"#top\">顶部</a>"
                + "<a href=\"https://mp.weixin.qq.com/s/OLD\">往期</a></p>", false);
        InspectedArticle b = article("A3", "又一篇", "<a href=\"https://www.example.gov.cn/ok\">政策</a>", false);

        List<Finding> found = findings().of(List.of(a, b, deletedOwn));
        findings().of(List.of(a, b, deletedOwn));

        assertThat(found).extracting(Finding::kind, Finding::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.DEAD_LINK, "https://www.example.gov.cn/gone?a=1&b=2"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.DEAD_LINK, "https://mp.weixin.qq.com/s/OLD"));
        assertThat(probed).as("each URL at most once a day; own articles and in-page anchors never")
                .containsExactly("https://www.example.gov.cn/gone?a=1&b=2", "https://www.example.gov.cn/ok");
    }

    @Test
    void inTheSandboxLinksOutsideTheSimulatorAreShownAsUnchecked() {
        ArticleFindings sandbox = new ArticleFindings(new WordFindings(WordList.empty()), new LinkJudge(url -> {
            throw new AssertionError("no probe in the sandbox");
        }, db.inspections(), url -> url.startsWith("http://127.0.0.1:9/"), ZoneId.of("Asia/Shanghai"), clock));

        List<Finding> found = sandbox.of(List.of(article("A4", "通知", "<a href=\"https://www.gov.cn/\">国务院</a>",
                false)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.LINK_UNCHECKED);
            assertThat(f.kind().label()).isEqualTo("链接未检查（演示模式）");
            assertThat(f.kind().failing()).isFalse();
        });
    }
}
