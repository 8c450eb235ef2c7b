package cn.gongkai.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishIdsTest {

    @Test
    void stripsTheJsonQuotesOfAStringId() {
        assertThat(PublishIds.normalize("\"100000001\"")).isEqualTo("100000001");
    }

    @Test
    void keepsANumericIdAndExpandsAFloatingPointRendering() {
        assertThat(PublishIds.normalize("2247503051")).isEqualTo("2247503051");
        assertThat(PublishIds.normalize("2.247503051E9")).isEqualTo("2247503051");
    }

    @Test
    void hasNoIdForNullOrJsonNull() {
        assertThat(PublishIds.normalize(null)).isNull();
        assertThat(PublishIds.normalize("null")).isNull();
        assertThat(PublishIds.normalize("\"\"")).isNull();
    }
}
