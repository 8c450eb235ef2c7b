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
}
