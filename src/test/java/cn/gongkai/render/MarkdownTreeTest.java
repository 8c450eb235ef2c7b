package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The Markdown tree other media walk: parsed as the WeChat article is, raw HTML as text, footnotes by label. */
class MarkdownTreeTest {

    @Test
    void rawHtmlStaysTextAndChineseLineBreaksJoin() {
        MarkdownTree tree = MarkdownTree.parse("第一行\n第二行<script>x()</script>\n\n<div onclick=\"y()\">块</div>", false);

        assertThat(tree.body().select("script, div")).isEmpty();
        assertThat(tree.body().select("p")).extracting(Element::text)
                .containsExactly("第一行第二行<script>x()</script>", "<div onclick=\"y()\">块</div>");
    }

    @Test
    void footnoteReferencesAreMarkedAndTheirTextsKeptByLabelInOrderOfDefinition() {
        MarkdownTree tree = MarkdownTree.parse("甲[^b]乙[^a]\n\n[^a]: 注释甲。\n[^b]: 注释**乙**。", false);

        assertThat(tree.body().select("sup[" + MarkdownTree.FOOTNOTE + "]"))
                .extracting(e -> e.attr(MarkdownTree.FOOTNOTE)).containsExactly("b", "a");
        assertThat(tree.footnotes()).containsExactly(java.util.Map.entry("a", "注释甲。"),
                java.util.Map.entry("b", "注释乙。"));
    }

    @Test
    void headingNumbersAreAddedOnlyWhenAskedFor() {
        String md = "## 总体情况\n\n正文\n\n### 做法\n\n正文";

        assertThat(MarkdownTree.parse(md, true).body().select("h2, h3")).extracting(Element::text)
                .containsExactly("一、总体情况", "（一）做法");
        assertThat(MarkdownTree.parse(md, false).body().select("h2, h3")).extracting(Element::text)
                .containsExactly("总体情况", "做法");
    }
}
