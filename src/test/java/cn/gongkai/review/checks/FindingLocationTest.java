package cn.gongkai.review.checks;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemContent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20: body findings name their paragraph as readers count them and quote a short snippet. */
class FindingLocationTest {
    private static final PrePublishChecks CHECKS = new PrePublishChecks(CheckLimits.wechatDefaults(),
            WordList.load(Path.of("templates/checks/words.txt")));

    private static List<Finding> found(ItemContent c, String check) {
        return CHECKS.check(c).findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    private static ItemContent body(String body) {
        return anItem().category("其他").title("标题").body(body).build();
    }

    @Test
    void aFindingInTheThirdBlockSaysThirdParagraphCountingTheHeading() {
        String body = "## 一、工作进展\n\n今年以来，全区稳步推进各项工作。\n\n办公室主任校队后，由办公室分管领导审核并报送。\n";
        assertThat(found(body(body), WordListCheck.ID)).singleElement().satisfies(f -> {
            assertThat(f.paragraph()).isEqualTo(3);
            assertThat(f.heading()).isFalse();
            assertThat(f.paragraphLabel()).isEqualTo("第 3 段");
            assertThat(f.snippet()).isEqualTo("…公室主任校队后，由办…");
            assertThat(f.line()).isEqualTo(5);
        });
    }

    @Test
    void aFindingInAHeadingSaysSo() {
        String body = "第一段文字。\n\n## 校队工作安排\n\n正文。\n";
        assertThat(found(body(body), WordListCheck.ID)).singleElement().satisfies(f -> {
            assertThat(f.paragraph()).isEqualTo(2);
            assertThat(f.heading()).isTrue();
            assertThat(f.paragraphLabel()).isEqualTo("第 2 段（小标题）");
            assertThat(f.snippet()).isEqualTo("## 校队工作安排");
        });
    }

    @Test
    void aParagraphOverSeveralLinesIsOneParagraphAndTheQuoteStaysOnItsLine() {
        String body = "第一段。\n\n第二段第一行，\n联系电话 13812345678。\n";
        assertThat(found(body(body), PersonalDataCheck.ID)).singleElement().satisfies(f -> {
            assertThat(f.paragraph()).isEqualTo(2);
            assertThat(f.snippet()).isEqualTo("…系电话 138****5678。").doesNotContain("13812345678");
        });
    }

    @Test
    void aLinkReferenceDefinitionDoesNotCountAsAParagraph() {
        String body = "[gov]: https://www.gov.cn/a.htm\n\n第一段。\n\n详见 https://www.example.cn/x 网站。\n";
        assertThat(found(body(body), LinkCheck.ID)).filteredOn(f -> f.message().contains("example"))
                .singleElement().satisfies(f -> {
                    assertThat(f.paragraph()).isEqualTo(2);
                    assertThat(f.snippet()).isEqualTo("详见 https://www.… 网站。");
                });
    }

    @Test
    void aFindingInTheTitleHasAQuoteButNoParagraph() {
        ItemContent c = anItem().category("其他").title("关于校队工作的通知").body("正文。").build();
        assertThat(found(c, WordListCheck.ID)).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("title");
            assertThat(f.paragraph()).isZero();
            assertThat(f.paragraphLabel()).isEmpty();
            assertThat(f.snippet()).isEqualTo("关于校队工作的通…");
        });
    }

    @Test
    void aFindingAboutAWholeFieldHasNeitherParagraphNorQuote() {
        ItemContent c = anItem().category("其他").title("标".repeat(40)).body("正文。").build();
        assertThat(found(c, "length")).singleElement().satisfies(f -> {
            assertThat(f.paragraph()).isZero();
            assertThat(f.snippet()).isEmpty();
        });
    }

    @Test
    void theQuoteCutsALongProblemAndMarksTheCuts() {
        assertThat(Snippet.of("开头文字很多很多很多，这里有一个很长很长很长的问题文字，后面还有很多文字", 14, 27,
                "一个很长很长很长的问题文字", 0, 36)).isEqualTo("…，这里有一个很长很长很长的问题文…，后面还…");
    }
}
