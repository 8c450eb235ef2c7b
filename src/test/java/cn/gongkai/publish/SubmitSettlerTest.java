package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
    /**
     * Two publishers (two processes) read the same lost submit and both find its draft still in the box; the first
     * sends it again while the second is between its draft check and its send. The second must not send (WeChat
     * would answer 40007 for the draft the first took) and must not fail the batch the first submitted.
     */
    @Test
    void twoPublishersSettlingTheSameLostSubmitSendItOnceAndTheSecondLeavesTheBatchAlone() {
        try (PublishParts parts = new PublishParts(ACCOUNT)) {
            PublishBatch read = lostSubmit(parts);
            parts.clock.advance(Duration.ofMinutes(3));
            PublishSettings settings = parts.settings.withResubmitAfter(Duration.ofMinutes(2));
            SubmitSettler first = settler(parts, settings);
            WeChatGateway secondsView = afterDraftCheck(parts.wechat,
                    () -> assertThat(first.settle(ACCOUNT, read, new Tally())).isNull());
            SubmitSettler second = new SubmitSettler(secondsView, parts.publications, parts.transitions,
                    parts.outcomes, settings, parts.clock);

            assertThatThrownBy(() -> second.settle(ACCOUNT, read, new Tally()))
                    .isInstanceOf(BatchTransitions.BatchRace.class);

            assertThat(parts.wechat.calls("freepublish/submit")).isOne();
            PublishBatch now = parts.transitions.reload(read);
            assertThat(now.state()).isEqualTo(BatchState.SUBMITTED);
            assertThat(now.error()).isNullOrEmpty();
            assertThat(parts.db.items().find(read.itemIds().get(0)).orElseThrow().status())
                    .isEqualTo(ItemStatus.PUBLISHING);
        }
    }

    /** The gateway, but {@code meanwhile} runs right after each draft check has been answered. */
    private static WeChatGateway afterDraftCheck(WeChatGateway wechat, Runnable meanwhile) {
        return (WeChatGateway) Proxy.newProxyInstance(WeChatGateway.class.getClassLoader(),
                new Class<?>[] {WeChatGateway.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(wechat, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("draftExists")) {
                        meanwhile.run();
                    }
                    return answer;
                });
    }
}
