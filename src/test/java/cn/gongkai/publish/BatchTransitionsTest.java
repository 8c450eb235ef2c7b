package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.AccountConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTransitionsTest {

    private static PublishBatch newBatch(PublishParts parts) {
        return parts.db.batches().create("hongqi", List.of(parts.approved(1).get(0).id()), PublishParts.NOW);
    }

    @Test
    void eachNamedMoveStoresItsStateAndTheIdWeChatReturned() {
        try (PublishParts parts = new PublishParts(PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false))) {
            PublishBatch batch = newBatch(parts);
            BatchTransitions t = parts.transitions;

            t.markImagesUploaded(batch);
            t.markDrafted(t.reload(batch), "draft-7");
            t.markSubmitting(t.reload(batch));
            t.markSubmitted(t.reload(batch), "publish-9");
            t.markPublished(t.reload(batch), "article-3");

            PublishBatch done = t.reload(batch);
            assertThat(done.state()).isEqualTo(BatchState.PUBLISHED);
            assertThat(done.draftMediaId()).isEqualTo("draft-7");
            assertThat(done.publishId()).isEqualTo("publish-9");
        }
    }

    @Test
    void aMoveFromAStaleReadIsARaceAndChangesNothing() {
        try (PublishParts parts = new PublishParts(PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false))) {
            PublishBatch stale = newBatch(parts);
            parts.transitions.markImagesUploaded(stale);

            assertThatThrownBy(() -> parts.transitions.markImagesUploaded(stale))
                    .isInstanceOf(BatchTransitions.BatchRace.class);
            assertThat(parts.transitions.reload(stale).state()).isEqualTo(BatchState.IMAGES_UPLOADED);
        }
    }

    @Test
    void failingFromTheCurrentStateWorksWhateverTheCallerRead() {
        try (PublishParts parts = new PublishParts(PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false))) {
            PublishBatch stale = newBatch(parts);
            parts.transitions.markImagesUploaded(stale);

            parts.transitions.markFailedFromCurrentState(stale, "微信拒绝");

            assertThat(parts.transitions.reload(stale).state()).isEqualTo(BatchState.FAILED);
        }
    }
}
