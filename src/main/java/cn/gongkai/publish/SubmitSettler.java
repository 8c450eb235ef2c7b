package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one publishing call of a batch ({@code freepublish/submit}, or {@code message/mass/sendall} with the batch's
 * clientmsgid), and the settling of such a call whose answer was lost: from WeChat's own state (the draft box, then
 * the published list, see {@link Publications#findOwn}), never by sending blindly again.
 */
final class SubmitSettler {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitSettler.class);
    private static final Duration CLIENT_MSG_ID_WINDOW = Duration.ofHours(23);

    private final WeChatGateway wechat;
    private final Publications publications;
    private final BatchTransitions transitions;
    private final Outcomes outcomes;
    private final PublishSettings settings;
    private final Clock clock;

    SubmitSettler(WeChatGateway wechat, Publications publications, BatchTransitions transitions, Outcomes outcomes,
                  PublishSettings settings, Clock clock) {
        this.wechat = wechat;
        this.publications = publications;
        this.transitions = transitions;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
    }

    /** The publishing call of a batch in SUBMITTING, made once. */
    void send(AccountConfig account, PublishBatch batch, Tally tally) {
        if (batch.mass()) {
            massSend(account, batch, tally);
        } else {
            submit(account, batch);
        }
    }

    private void submit(AccountConfig account, PublishBatch batch) {
        String publishId = wechat.submitPublish(account.id(), batch.draftMediaId());
        settings.reached(Boundary.SUBMIT_ANSWERED, batch.id());
        transitions.markSubmitted(batch, publishId);
        settings.reached(Boundary.SUBMITTED_COMMITTED, batch.id());
        LOG.info("Batch {} ({}) submitted: publish_id {}", batch.id(), account.id(), publishId);
    }

    /**
     * Sends the draft to all followers with clientmsgid = the batch's, so that WeChat recognises any later repeat
     * (45065 returns the original msg_id) for 24 hours.
     */
    private void massSend(AccountConfig account, PublishBatch batch, Tally tally) {
        MassSendResult result = wechat.massSendAll(account.id(), batch.draftMediaId(), batch.clientMsgId());
        settings.reached(Boundary.SUBMIT_ANSWERED, batch.id());
        outcomes.massSent(batch, result, tally);
    }

    /**
     * A publishing call whose answer never came. Freepublish: if the draft is still in the draft box (and long
     * enough has passed for a running job to have taken it), WeChat did not take it and it is submitted again; if
     * the draft is gone, the published list is searched for it.
     *
     * @return null when the batch moved on and driving continues
     */
    BatchOutcome settle(AccountConfig account, PublishBatch batch, Tally tally) {
        if (batch.mass()) {
            return settleMass(account, batch, tally);
        }
        if (wechat.draftExists(account.id(), batch.draftMediaId())) {
            return resubmit(account, batch, tally);
        }
        Optional<PublishStatus> found = publications.findOwn(account.id(), batch);
        if (found.isPresent()) {
            settings.reached(Boundary.STATUS_ANSWERED, batch.id());
            LOG.info("Batch {} ({}): lost submit settled, article {} found among published articles", batch.id(),
                    account.id(), found.get().articleId());
            outcomes.published(account, batch, found.get(), tally);
            return BatchOutcome.PUBLISHED;
        }
        tally.say("批次 " + batch.id() + " 的草稿已被使用，但在已发布列表中暂未找到，稍后再核实（不会重复发布）");
        return BatchOutcome.PENDING;
    }

    private BatchOutcome resubmit(AccountConfig account, PublishBatch batch, Tally tally) {
        if (clock.instant().isBefore(batch.updatedAt().plus(settings.resubmitAfter()))) {
            tally.say("批次 " + batch.id() + " 的提交结果未知，草稿仍在草稿箱；稍后核实后再提交（不会重复发布）");
            return BatchOutcome.PENDING;
        }
        // A second publisher may be settling the same batch from the same read: only the one that renews it
        // first sends, the other leaves the batch alone (BatchRace), so the draft is never submitted twice.
        transitions.renew(batch);
        LOG.info("Batch {} ({}): draft {} still in the draft box, so the lost submit did not happen; submitting",
                batch.id(), account.id(), batch.draftMediaId());
        send(account, transitions.reload(batch), tally);
        return null;
    }

    /**
     * A mass send whose answer was lost: sending again with the same clientmsgid is safe for 24 hours (WeChat
     * answers 45065 with the original msg_id, or 45066 within the first minute). After that window only a draft
     * still in the draft box proves nothing went out.
     */
    private BatchOutcome settleMass(AccountConfig account, PublishBatch batch, Tally tally) {
        boolean windowOpen = clock.instant().isBefore(batch.updatedAt().plus(CLIENT_MSG_ID_WINDOW));
        if (windowOpen || wechat.draftExists(account.id(), batch.draftMediaId())) {
            massSend(account, batch, tally);
            return BatchOutcome.PUBLISHED;
        }
        tally.say("批次 " + batch.id() + " 的群发结果未知已超过 24 小时，且草稿已不在草稿箱：请在公众号后台“群发记录”中核实"
                + "（clientmsgid " + batch.clientMsgId() + "），系统不会再次群发");
        return BatchOutcome.PENDING;
    }
}
