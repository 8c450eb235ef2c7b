package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns how a submitted job ended, from {@code freepublish/get} only (100 calls a day, budgeted by the gateway),
 * backing off between runs. A PUBLISHJOBFINISH event is a hint from the internet, never the truth: it only says when
 * to ask ({@link #hint}), and what is written down is WeChat's answer for the publish_id.
 */
final class StatusWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWatcher.class);
    static final Duration HINT_TTL = Duration.ofHours(24);
    static final int HINTS_PER_ACCOUNT = 1000;
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final PublishStore store;
    private final WeChatGateway wechat;
    private final Outcomes outcomes;
    private final PublishSettings settings;
    private final Clock clock;

    StatusWatcher(PublishStore store, WeChatGateway wechat, Outcomes outcomes, PublishSettings settings,
                  Clock clock) {
        this.store = store;
        this.wechat = wechat;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks WeChat how the batch's job ended and applies that answer. With a callback configured it first waits for
     * the event, unless a hint (an event for the publish_id, or a poll made due by one) says the job finished; a
     * hinted batch is asked at least once even when the poll policy allows no polls. An event's own content is never
     * applied.
     */
    BatchOutcome await(AccountConfig account, PublishBatch start, Tally tally) {
        PublishBatch batch = start;
        boolean hinted = hinted(account, batch);
        for (int i = 0; ; i++) {
            Instant now = clock.instant();
            if (!hinted && batch.polls() == 0 && account.callbackConfigured()
                    && now.isBefore(batch.updatedAt().plus(settings.callbackGrace()))) {
                tally.say("批次 " + batch.id() + " 已提交（publish_id " + batch.publishId() + "），等待微信推送发布结果");
                return BatchOutcome.PENDING;
            }
            int polls = hinted ? Math.max(1, settings.poll().polls()) : settings.poll().polls();
            if (i >= polls || (i == 0 && batch.nextPollAt() != null && now.isBefore(batch.nextPollAt()))) {
                break;
            }
            if (i > 0 || !hinted) {
                sleep();
            }
            batch = store.batches().find(batch.id()).orElseThrow();
            BatchOutcome outcome = batch.state() != BatchState.SUBMITTED ? finishedElsewhere(batch)
                    : poll(account, batch, tally);
            if (outcome != null) {
                return outcome;
            }
        }
        tally.say("批次 " + batch.id() + " 正在发布中（publish_id " + batch.publishId() + "），稍后查询结果");
        return BatchOutcome.PENDING;
    }

    private boolean hinted(AccountConfig account, PublishBatch batch) {
        return (batch.nextPollAt() != null && !clock.instant().isBefore(batch.nextPollAt()))
                || (batch.polls() == 0 && store.events().find(account.id(), batch.publishId()).isPresent());
    }

    private static BatchOutcome finishedElsewhere(PublishBatch batch) {
        return batch.state() == BatchState.PUBLISHED ? BatchOutcome.PUBLISHED
                : batch.state() == BatchState.FAILED ? BatchOutcome.FAILED : BatchOutcome.STOPPED;
    }

    /** One {@code freepublish/get}; null while the job still runs. */
    private BatchOutcome poll(AccountConfig account, PublishBatch batch, Tally tally) {
        PublishStatus status = wechat.publishStatus(account.id(), batch.publishId());
        boolean running = status.state() == PublishStatus.State.PUBLISHING;
        store.batches().recordPoll(batch.id(), running ? clock.instant().plus(backoff(batch.polls() + 1)) : null);
        if (running) {
            return null;
        }
        settings.reached(Boundary.STATUS_ANSWERED, batch.id());
        if (status.state().published()) {
            outcomes.published(account, batch, status, tally);
            return BatchOutcome.PUBLISHED;
        }
        outcomes.failed(batch, status, tally);
        return BatchOutcome.FAILED;
    }

    /** How long to wait before the next poll after {@code polls} polls: 1 minute, doubling, at most an hour. */
    static Duration backoff(int polls) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(polls - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /**
     * A PUBLISHJOBFINISH event, touching only the database: it is kept, and a batch waiting for that publish_id is
     * made due for {@code freepublish/get} now.
     */
    Publisher.EventOutcome hint(String accountId, PublishStatus event) {
        if (event.state() == PublishStatus.State.PUBLISHING) {
            return Publisher.EventOutcome.ALREADY_FINISHED;
        }
        Instant now = clock.instant();
        boolean fresh = store.events().record(accountId, event, now);
        forgetOldHints(now);
        Optional<PublishBatch> batch = store.batches().findByPublishId(accountId, event.publishId());
        if (batch.isEmpty()) {
            LOG.info("PUBLISHJOBFINISH for publish_id {} of account {} matches no submitted batch (yet); kept as a hint",
                    event.publishId(), accountId);
            return fresh ? Publisher.EventOutcome.KEPT_FOR_LATER : Publisher.EventOutcome.ALREADY_FINISHED;
        }
        if (batch.get().state() != BatchState.SUBMITTED) {
            return Publisher.EventOutcome.ALREADY_FINISHED;
        }
        store.batches().pollNow(batch.get().id(), now);
        return Publisher.EventOutcome.CONFIRM;
    }

    /** Drops hints older than a day, and all but the newest 1,000 per account. */
    void forgetOldHints(Instant now) {
        store.events().purge(now.minus(HINT_TTL), HINTS_PER_ACCOUNT);
    }

    private void sleep() {
        if (settings.poll().interval().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.poll().interval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for WeChat", e);
        }
    }
}
