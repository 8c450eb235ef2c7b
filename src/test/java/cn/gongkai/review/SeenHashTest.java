package cn.gongkai.review;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A decision names the text the reviewer saw: the whole hash or a prefix of at least eight hex digits. */
class SeenHashTest {
    private static final String HASH = "0123456789abcdef".repeat(4);
    private static final DisclosureItem ITEM = new DisclosureItem(7, anItem().build(), ItemStatus.IN_REVIEW, HASH,
            "k", null, "", Instant.EPOCH, Instant.EPOCH);

    @Test
    void theWholeHashOrAPrefixOfEightDigitsInAnyCaseIsAccepted() {
        assertThatCode(() -> SeenHash.require(ITEM, HASH, true)).doesNotThrowAnyException();
        assertThatCode(() -> SeenHash.require(ITEM, " 0123456789ABCDEF ", true)).doesNotThrowAnyException();
        assertThatCode(() -> SeenHash.require(ITEM, "01234567", true)).doesNotThrowAnyException();
    }

    @Test
    void aMissingHashIsRefusedOnlyWhenRequired() {
        assertThatCode(() -> SeenHash.require(ITEM, null, false)).doesNotThrowAnyException();
        assertThatCode(() -> SeenHash.require(ITEM, " ", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SeenHash.require(ITEM, "", true)).isInstanceOf(ReviewException.class)
                .hasMessageContaining("没有注明审核时看到的内容指纹").hasMessageContaining(HASH)
                .hasMessageContaining("gongkai item show 7");
    }

    @Test
    void aShortOrMalformedHashIsRefusedNamingTheFormat() {
        assertThatThrownBy(() -> SeenHash.require(ITEM, "0123456", true)).hasMessageContaining("格式不对")
                .hasMessageContaining("至少 8 位");
        assertThatThrownBy(() -> SeenHash.require(ITEM, "x".repeat(80), false))
                .hasMessageContaining("“" + "x".repeat(64) + "…”");
    }

    @Test
    void aHashOfAnotherTextIsRefusedSayingTheItemChanged() {
        assertThatThrownBy(() -> SeenHash.require(ITEM, "fedcba98", false)).isInstanceOf(ReviewException.class)
                .hasMessageContaining("已不是稿件的当前内容").hasMessageContaining("fedcba98")
                .hasMessageContaining(HASH);
    }
}
