package cn.gongkai.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The content hash approvals bind to. */
class ContentHashTest {
    private static ItemContent item(String digest, Boolean headingNumbers) {
        return new ItemContent("hongqi", "其他", "标题", "红旗区商务局", "办公室", "## 总体情况\n\n正文。",
                List.of(new Note("以旧换新", "解释。")), List.of("营商环境"), List.of(), null, "", "", null, digest,
                headingNumbers);
    }

    @Test
    void anItemWithoutDigestOrHeadingSwitchHashesAsItDidBeforeThoseFieldsExisted() {
        // Computed with the field list of V1, before digest and heading numbers: stored approvals stay valid.
        assertThat(item("", null).contentHash())
                .isEqualTo("b09ad2b54611bff476f2a1f8dad049cfdb89a5cf53536e9cf4c56cdf339b9c37");
    }

    @Test
    void changingTheDigestOrTheHeadingSwitchChangesTheHash() {
        String plain = item("", null).contentHash();

        assertThat(item("本文摘要。", null).contentHash()).isNotEqualTo(plain);
        assertThat(item("", true).contentHash()).isNotEqualTo(plain).isNotEqualTo(item("", false).contentHash());
        assertThat(item("", false).contentHash()).isNotEqualTo(plain);
    }

    @Test
    void theSignatureCountsOnlyWhenGivenAndEachPartChangesTheHash() {
        ItemContent plain = item("", null);
        ItemContent explicitNone = new ItemContent(plain.account(), plain.category(), plain.title(), plain.author(),
                plain.department(), plain.body(), plain.notes(), plain.glossary(), plain.images(), plain.cover(),
                plain.docNo(), plain.sourceUrl(), null, "", null, false, "  ", null);
        java.time.LocalDate day = java.time.LocalDate.of(2024, 3, 15);
        ItemContent unit = signed(plain, "红旗区商务局", null);
        ItemContent both = signed(plain, "红旗区商务局", day);
        ItemContent dateOnly = signed(plain, "", day);

        assertThat(explicitNone.contentHash()).isEqualTo(plain.contentHash());
        assertThat(List.of(plain.contentHash(), unit.contentHash(), both.contentHash(), dateOnly.contentHash(),
                signed(plain, "红旗区商务局", day.plusDays(1)).contentHash())).doesNotHaveDuplicates();
    }

    private static ItemContent signed(ItemContent c, String unit, java.time.LocalDate date) {
        return new ItemContent(c.account(), c.category(), c.title(), c.author(), c.department(), c.body(), c.notes(),
                c.glossary(), c.images(), c.cover(), c.docNo(), c.sourceUrl(), c.publishAt(), c.digest(),
                c.headingNumbers(), c.important(), unit, date);
    }
}
