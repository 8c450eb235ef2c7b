package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitSettlerTest {
    private static final AccountConfig ACCOUNT = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false);

    private static SubmitSettler settler(PublishParts parts, PublishSettings settings) {
        return new SubmitSettler(parts.wechat, parts.publications, parts.transitions, parts.outcomes, settings,
                parts.clock);
    }

    /** A batch whose submit was sent but whose answer never came: SUBMITTING, with its draft in WeChat's box. */
    private static PublishBatch lostSubmit(PublishParts parts) {
        DisclosureItem item = parts.approved(1).get(0);
        parts.db.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, "", PublishParts.NOW);
        String draft = parts.wechat.addDraft(ACCOUNT.id(),
                List.of(parts.composer.compose(ACCOUNT, item.content(), () -> { }).article()));
        PublishBatch batch = parts.db.batches().create(ACCOUNT.id(), List.of(item.id()), PublishParts.NOW);
        parts.transitions.markImagesUploaded(batch);
        parts.transitions.markDrafted(parts.transitions.reload(batch), draft);
        parts.transitions.markSubmitting(parts.transitions.reload(batch));
        return parts.transitions.reload(batch);
    }

    @Test
    void aDraftStillInTheBoxIsNotResubmittedBeforeTheDelayHasPassed() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            PublishBatch batch = lostSubmit(parts);
            Tally tally = new Tally();

            BatchOutcome outcome = settler(parts, parts.settings.withResubmitAfter(Duration.ofMinutes(10)))
                    .settle(ACCOUNT, batch, tally);

            assertThat(outcome).isEqualTo(BatchOutcome.PENDING);
            assertThat(parts.wechat.calls("freepublish/submit")).isZero();
            assertThat(tally.messages).singleElement().asString().contains("草稿仍在草稿箱");
        }
    }

    @Test
    void aDraftStillInTheBoxAfterTheDelayIsSubmittedOnceAndDrivingGoesOn() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            PublishBatch batch = lostSubmit(parts);

            BatchOutcome outcome = settler(parts, parts.settings).settle(ACCOUNT, batch, new Tally());

            assertThat(outcome).isNull();
            assertThat(parts.wechat.calls("freepublish/submit")).isOne();
            assertThat(parts.transitions.reload(batch).state()).isEqualTo(BatchState.SUBMITTED);
        }
    }

    @Test
    void aDraftGoneFromTheBoxIsLookedForAmongPublishedArticlesAndNeverSentAgain() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            PublishBatch batch = lostSubmit(parts);
            parts.wechat.submitPublish(ACCOUNT.id(), batch.draftMediaId());
            parts.wechat.finishAllJobs();

            BatchOutcome outcome = settler(parts, parts.settings).settle(ACCOUNT, batch, new Tally());

            assertThat(outcome).isEqualTo(BatchOutcome.PUBLISHED);
            assertThat(parts.wechat.calls("freepublish/submit")).as("only the submit whose answer was lost").isOne();
            assertThat(parts.db.items().find(batch.itemIds().get(0)).orElseThrow().status())
                    .isEqualTo(ItemStatus.PUBLISHED);
        }
    }
}
