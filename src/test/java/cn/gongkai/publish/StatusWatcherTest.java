package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusWatcherTest {
    private static final AccountConfig ACCOUNT = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false);

    private static StatusWatcher watcher(PublishParts parts) {
        return watcher(parts, parts.settings);
    }

    private static StatusWatcher watcher(PublishParts parts, PublishSettings settings) {
        return new StatusWatcher(parts.store, parts.wechat, parts.outcomes, settings, parts.clock);
    }

    private static PublishBatch submitted(PublishParts parts) {
        DisclosureItem approved = parts.approved(1).get(0);
        long item = approved.id();
        String draft = parts.wechat.addDraft(ACCOUNT.id(),
                List.of(parts.composer.compose(ACCOUNT, approved.content(), () -> { }).article()));
        String publishId = parts.wechat.submitPublish(ACCOUNT.id(), draft);
        parts.db.items().transition(item, ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, "", PublishParts.NOW);
        PublishBatch batch = parts.db.batches().create(ACCOUNT.id(), List.of(item), PublishParts.NOW);
        BatchTransitions t = parts.transitions;
        t.markImagesUploaded(batch);
        t.markDrafted(t.reload(batch), draft);
        t.markSubmitting(t.reload(batch));
        t.markSubmitted(t.reload(batch), publishId);
        return t.reload(batch);
    }

    @Test
    void theBackoffDoublesFromAMinuteAndStopsAtAnHour() {
        assertThat(StatusWatcher.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(StatusWatcher.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(StatusWatcher.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(StatusWatcher.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(StatusWatcher.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anEventForAnUnknownPublishIdIsKeptOnceAndItsRepeatChangesNothing() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            PublishStatus event = new PublishStatus("p-77", PublishStatus.State.SUCCESS, 0, "a-1", List.of(), List.of());

            assertThat(watcher(parts).hint(ACCOUNT.id(), event)).isEqualTo(Publisher.EventOutcome.KEPT_FOR_LATER);
            assertThat(watcher(parts).hint(ACCOUNT.id(), event)).isEqualTo(Publisher.EventOutcome.ALREADY_FINISHED);
        }
    }

    @Test
    void anEventForAWaitingBatchOnlyMakesItDueForAPoll() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            PublishBatch batch = submitted(parts);
            PublishStatus forged = new PublishStatus(batch.publishId(), PublishStatus.State.SUCCESS, 0, "evil", List.of(),
                    List.of());

            assertThat(watcher(parts).hint(ACCOUNT.id(), forged)).isEqualTo(Publisher.EventOutcome.CONFIRM);
            assertThat(parts.transitions.reload(batch).state()).isEqualTo(BatchState.SUBMITTED);
            assertThat(parts.transitions.reload(batch).nextPollAt()).isEqualTo(PublishParts.NOW);
        }
    }

    @Test
    void aPollThatFindsTheJobRunningRecordsWhenToAskAgainAndLeavesTheBatchPending() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            parts.wechat.pollsBeforeDone(10);
            PublishBatch batch = submitted(parts);
            Tally tally = new Tally();

            assertThat(watcher(parts).await(ACCOUNT, batch, tally)).isEqualTo(BatchOutcome.PENDING);

            PublishBatch after = parts.transitions.reload(batch);
            assertThat(after.polls()).isEqualTo(3);
            assertThat(after.nextPollAt()).isEqualTo(PublishParts.NOW.plus(Duration.ofMinutes(4)));
            assertThat(tally.messages).singleElement().asString().contains("正在发布中");
        }
    }

    @Test
    void aHintedBatchIsAskedOnceEvenWhenThePollPolicyAllowsNoPolls() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            parts.wechat.pollsBeforeDone(0);
            PublishBatch batch = submitted(parts);
            PublishSettings noPolls = new PublishSettings(parts.settings.accounts(), parts.settings.zone(),
                    new PollPolicy(0, Duration.ZERO), parts.settings.callbackGrace(), parts.settings.resubmitAfter(),
                    parts.settings.boundaries(), parts.settings.gate());
            PublishStatus event = new PublishStatus(batch.publishId(), PublishStatus.State.SUCCESS, 0, "evil", List.of(),
                    List.of());
            watcher(parts, noPolls).hint(ACCOUNT.id(), event);

            BatchOutcome outcome = watcher(parts, noPolls).await(ACCOUNT, parts.transitions.reload(batch), new Tally());

            assertThat(outcome).isEqualTo(BatchOutcome.PUBLISHED);
            assertThat(parts.transitions.reload(batch).state()).isEqualTo(BatchState.PUBLISHED);
            assertThat(parts.transitions.reload(batch).articleId()).isNotEqualTo("evil");
        }
    }
}
